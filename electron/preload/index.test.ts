// The preload exposes exactly the contract's API, never ipcRenderer, and hands handlers only payloads.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eventChannels, invokeChannels } from '../../shared/ipc/channels';

const exposed: Record<string, unknown> = {};
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const invoked: unknown[][] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: null }),
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
  },
  webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
}));

type Api = Record<string, (...args: unknown[]) => unknown>;
let api: Api;

beforeAll(async () => {
  await import('./index');
  api = exposed.licensePrep as Api;
});

const emit = (channel: string, payload: unknown) => {
  for (const l of listeners.get(channel) ?? []) l({ sender: 'the event must not leak' }, payload);
};

describe('the preload bridge', () => {
  it('exposes one window.licensePrep with one method per channel and nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['licensePrep']);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(invokeChannels), 'onFlushRequest', 'onIncomingFile', 'onMenuCommand', 'pathForDroppedFile'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    expect(Object.keys(api)).not.toContain('send');
  });

  it('invokes each method on its own channel with the request only', async () => {
    await api.openFile({ purpose: 'export' });
    await api.listProgress();
    await api.discardProgress({ id: 'acme' });
    expect(invoked).toEqual([[invokeChannels.openFile, { purpose: 'export' }], [invokeChannels.listProgress], [invokeChannels.discardProgress, { id: 'acme' }]]);
  });

  it('hands menu handlers only known commands, never the event, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = api.onMenuCommand((...args: unknown[]) => seen.push(args)) as () => void;
    emit(eventChannels.menuCommand, 'save');
    emit(eventChannels.menuCommand, 'rm -rf');
    emit(eventChannels.menuCommand, { command: 'save' });
    off();
    emit(eventChannels.menuCommand, 'undo');
    expect(seen).toEqual([['save']]);
    expect(listeners.get(eventChannels.menuCommand)?.size).toBe(0);
  });

  it('hands incoming files over as payloads', () => {
    const seen: unknown[] = [];
    const off = api.onIncomingFile((f: unknown) => seen.push(f)) as () => void;
    const file = { name: 'a.csv', bytes: new Uint8Array([1]), handle: '3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' };
    emit(eventChannels.incomingFile, file);
    emit(eventChannels.incomingFile, { name: 'x' });
    off();
    expect(seen).toEqual([file]);
  });

  it('gives the path of a dropped file, or an empty string', () => {
    expect(api.pathForDroppedFile({ name: 'a.csv', size: 1, path: '/home/a/a.csv' })).toBe('/home/a/a.csv');
    expect(api.pathForDroppedFile({ name: 'a.csv', size: 1 })).toBe('');
  });
});
