// Every contract channel end to end: fake ipcMain → registerHandler → services (progress over an in-memory fs).
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/ipc/contract';
import { invokeChannels, preloadChannels } from '../../../shared/ipc/channels';
import { journalFixture } from '../autosave/journalFixture';
import { MemFs } from '../autosave/memFs';
import { ProgressStore } from '../autosave/progressStore';
import { channelHandlers, registerAll } from './handlers';
import { createRegistrar } from './registerHandler';
import { fakeIpcMain, OUR_FRAME } from './fakeIpcMain';

const HANDLE = '3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

async function setUp() {
  const { ipc, invoke, listeners } = fakeIpcMain();
  const progress = new ProgressStore('/data/progress', { fs: new MemFs() });
  await progress.init();
  const calls: unknown[] = [];
  const files = {
    open: async (purpose: string) => (calls.push(['open', purpose]), { name: 'acme.csv', bytes: new Uint8Array([65]), handle: HANDLE }),
    save: async (req: unknown) => (calls.push(['save', req]), { ok: true as const, name: 'out.csv' }),
    adoptDropped: async (req: unknown) => (calls.push(['adopt', req]), null),
  };
  registerAll(createRegistrar({ ipc }), channelHandlers({ files, progress, onFlushed: () => void calls.push(['flushed']) }));
  return { invoke, listeners, calls };
}

describe('registerIpcHandlers', () => {
  it('passes the renderer\'s "flushed" answer on, so a closing window can go', async () => {
    const { invoke, calls } = await setUp();
    expect(await invoke('lp:app.flushed', OUR_FRAME)).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['flushed']]);
  });

  it('registers exactly the contract channels', async () => {
    const { listeners } = await setUp();
    expect([...listeners.keys()].sort()).toEqual([...Object.values(invokeChannels), ...Object.values(preloadChannels)].sort());
    expect([...listeners.keys()].sort()).toEqual(Object.keys(contract).sort());
  });

  it('saves, lists and discards progress through IPC, responses matching the contract', async () => {
    const { invoke } = await setUp();
    const saved = await invoke('lp:progress.save', OUR_FRAME, { id: 'acme', journal: journalFixture() });
    expect(saved).toEqual({ ok: true, value: null });
    const listed = (await invoke('lp:progress.list', OUR_FRAME)) as { ok: true; value: unknown };
    expect(listed.ok).toBe(true);
    expect(contract['lp:progress.list'].response.parse(listed.value)).toEqual({ entries: [{ id: 'acme', journal: journalFixture(), note: null }], beyondLimit: [] });
    expect(await invoke('lp:progress.discard', OUR_FRAME, { id: 'acme' })).toEqual({ ok: true, value: null });
    expect(await invoke('lp:progress.list', OUR_FRAME)).toEqual({ ok: true, value: { entries: [], beyondLimit: [] } });
    expect(await invoke('lp:progress.prune', OUR_FRAME, { ids: ['acme'] })).toEqual({ ok: true, value: { removed: 0 } });
  });

  it('opens and saves files through the file service, responses matching the contract', async () => {
    const { invoke, calls } = await setUp();
    const opened = (await invoke('lp:file.open', OUR_FRAME, { purpose: 'export' })) as { ok: true; value: unknown };
    expect(contract['lp:file.open'].response.safeParse(opened.value).success).toBe(true);
    const saved = (await invoke('lp:file.save', OUR_FRAME, { purpose: 'clean', suggestedName: 'out.csv', bytes: new Uint8Array([1]), sourceHandle: HANDLE })) as { ok: true; value: unknown };
    expect(contract['lp:file.save'].response.safeParse(saved.value).success).toBe(true);
    expect(calls).toEqual([
      ['open', 'export'],
      ['save', { purpose: 'clean', suggestedName: 'out.csv', bytes: new Uint8Array([1]), sourceHandle: HANDLE }],
    ]);
  });

  it('never lets a renderer name the path to open', async () => {
    const { invoke, calls } = await setUp();
    expect(await invoke('lp:file.open', OUR_FRAME, { purpose: 'export', path: '/etc/shadow' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(calls).toEqual([]);
  });
});
