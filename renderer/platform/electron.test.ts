// The Electron platform: files main opens arrive through onOpenFile (kept until the app subscribes), never
// as an 'open' menu command; a dropped File goes to the bridge as the File itself.
import { beforeEach, describe, expect, it } from 'vitest';
import type { LicensePrepApi } from '../../shared/ipc/contract';
import { createElectronPlatform } from './electron';

const HANDLE = '3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
let emitOpenFile: (file: { name: string; bytes: Uint8Array; handle: string }) => void = () => undefined;
let emitMenu: (command: string) => void = () => undefined;
const calls: unknown[][] = [];

beforeEach(() => {
  calls.length = 0;
  const api = {
    onMenuCommand: (h: (c: string) => void) => ((emitMenu = h), () => undefined),
    onOpenFile: (h: typeof emitOpenFile) => ((emitOpenFile = h), () => undefined),
    onFlushRequest: () => () => undefined,
    listProgress: async () => ({ ok: true, value: { entries: [{ id: 'a', journal: {}, note: null }], beyondLimit: [{ id: 'old', savedAt: '2024-01-01T00:00:00.000Z' }] } }),
    pruneProgress: async (req: unknown) => (calls.push(['prune', req]), { ok: true, value: { removed: 1 } }),
    adoptDroppedFile: async (file: unknown, req: unknown) => (calls.push(['adopt', file, req]), { ok: true, value: HANDLE }),
  } as unknown as LicensePrepApi;
  (globalThis as { window?: unknown }).window = { licensePrep: api };
});

describe('createElectronPlatform', () => {
  it('delivers a file main opened before anyone listened once the app subscribes, and never as a menu command', async () => {
    const platform = createElectronPlatform();
    const commands: string[] = [];
    platform.onMenuCommand((c) => commands.push(c));
    emitOpenFile({ name: 'early.csv', bytes: new Uint8Array([1]), handle: HANDLE });
    const opened: string[] = [];
    platform.onOpenFile((f) => opened.push(f.name));
    await Promise.resolve();
    emitOpenFile({ name: 'later.csv', bytes: new Uint8Array([2]), handle: HANDLE });
    emitMenu('save');
    expect(opened).toEqual(['early.csv', 'later.csv']);
    expect(commands).toEqual(['save']);
  });

  it('lists the loaded saved progress, and offers the older ones for pruning with consent', async () => {
    const platform = createElectronPlatform();
    expect(await platform.listProgress()).toEqual([{ id: 'a', journal: {}, note: null }]);
    expect(await platform.olderSavedProgress()).toEqual([{ id: 'old', savedAt: '2024-01-01T00:00:00.000Z' }]);
    expect(await platform.pruneSavedProgress(['old'])).toBe(1);
    expect(calls).toEqual([['prune', { ids: ['old'] }]]);
  });

  it('hands the dropped File itself to the bridge, with what it read (never a path)', async () => {
    const platform = createElectronPlatform();
    const file = new File(['Email\n'], 'export.csv');
    expect(await platform.handleForDroppedFile(file, new TextEncoder().encode('Email\n'), 'export')).toBe(HANDLE);
    expect(calls).toEqual([['adopt', file, { purpose: 'export', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]]);
  });
});
