import { describe, expect, it } from 'vitest';
import { MAX_RECENT_FILES, parseRecentFiles, RecentFiles, serializeRecentFiles, withRecent } from './recentFiles';

const enc = (s: string) => new TextEncoder().encode(s);

describe('withRecent', () => {
  it('puts the newest first without duplicates, at most ten', () => {
    let list = withRecent([], '/a/one.csv', 't1');
    list = withRecent(list, '/a/two.csv', 't2');
    list = withRecent(list, '/a/one.csv', 't3');
    expect(list.map((f) => [f.name, f.openedAt])).toEqual([
      ['one.csv', 't3'],
      ['two.csv', 't2'],
    ]);
    for (let i = 0; i < 20; i++) list = withRecent(list, `/a/${i}.csv`, `t${i}`);
    expect(list).toHaveLength(MAX_RECENT_FILES);
  });

  it('treats C:\\A.csv and c:\\a.CSV as one file on Windows', () => {
    const list = withRecent(withRecent([], 'C:\\A.csv', 't1', { platform: 'win32' }), 'c:\\a.CSV', 't2', { platform: 'win32' });
    expect(list).toHaveLength(1);
  });
});

describe('parseRecentFiles (zod-validated, a damaged list starts afresh)', () => {
  it.each([
    ['missing', null],
    ['not JSON', enc('{')],
    ['wrong version', enc('{"version":2,"files":[]}')],
    ['unknown key', enc('{"version":1,"files":[],"x":1}')],
    ['bad entry', enc('{"version":1,"files":[{"path":""}]}')],
    ['not UTF-8', new Uint8Array([0xff, 0xfe])],
  ])('%s → empty', (_why, bytes) => {
    expect(parseRecentFiles(bytes)).toEqual([]);
  });

  it('round-trips', () => {
    const files = withRecent([], '/a/one.csv', '2025-01-01T00:00:00.000Z');
    expect(parseRecentFiles(serializeRecentFiles(files))).toEqual(files);
  });
});

describe('RecentFiles', () => {
  it('loads, adds, persists and notifies; a failed write is logged, not thrown', async () => {
    const disk = new Map<string, Uint8Array>();
    const changes: number[] = [];
    const logs: string[] = [];
    let failNext = false;
    const recent = new RecentFiles({
      file: '/ud/recent-files.json',
      readFile: async (p) => {
        const b = disk.get(p);
        if (!b) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return b;
      },
      write: async (p, b) => {
        if (failNext) throw new Error('disk full');
        disk.set(p, b);
      },
      now: () => new Date('2025-01-01T00:00:00.000Z'),
      onChange: (files) => changes.push(files.length),
      log: (m) => logs.push(m),
    });
    expect(await recent.load()).toEqual([]);
    await recent.add('/a/one.csv');
    await recent.add('/a/two.csv');
    const again = new RecentFiles({ file: '/ud/recent-files.json', readFile: async (p) => disk.get(p)!, write: async () => undefined });
    expect((await again.load()).map((f) => f.name)).toEqual(['two.csv', 'one.csv']);
    await recent.remove('/a/one.csv');
    failNext = true;
    await recent.clear();
    expect(changes).toEqual([1, 2, 1, 0]);
    expect(logs[0]).toMatch(/disk full/);
  });
});
