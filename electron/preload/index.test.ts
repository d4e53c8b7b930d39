// The preload exposes exactly the API the channel tables derive, never ipcRenderer, hands subscribers only
// checked payloads, and builds adoptDroppedFile's request itself: a page-made value never names a file.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeKeys, eventChannels, invokeChannels, preloadChannels } from '../../shared/ipc/channels';

const exposed: Record<string, unknown> = {};
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const invoked: unknown[][] = [];
/** Files that came from a drop: their path is known to "Electron", as webUtils would find it. */
const dropped = new WeakMap<object, string>();

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
  webUtils: {
    getPathForFile: (file: unknown) => {
      if (!(file instanceof File)) throw new TypeError('not a File');
      return dropped.get(file) ?? '';
    },
  },
}));

type Api = Record<string, (...args: unknown[]) => unknown>;
let api: Api;

beforeAll(async () => {
  // What Electron's sandboxed preload sees.
  Object.assign(process, { sandboxed: true, contextIsolated: true });
  await import('./index');
  api = exposed.licensePrep as Api;
});

const emit = (channel: string, payload: unknown) => {
  for (const l of listeners.get(channel) ?? []) l({ sender: 'the event must not leak' }, payload);
};

describe('the preload bridge', () => {
  it('exposes one window.licensePrep with exactly the methods the channel tables derive', () => {
    expect(Object.keys(exposed)).toEqual(['licensePrep']);
    expect(Object.keys(api).sort()).toEqual(bridgeKeys());
    expect(bridgeKeys()).toEqual([...Object.keys(invokeChannels), ...Object.keys(preloadChannels), ...Object.keys(eventChannels)].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    expect(Object.keys(api)).not.toContain('pathForDroppedFile');
  });

  it('invokes each method on its own channel with the request only, never extra arguments', async () => {
    invoked.length = 0;
    await api.openFile({ purpose: 'export' });
    await api.listProgress();
    await api.discardProgress({ id: 'acme' }, '/etc/passwd');
    expect(invoked).toEqual([[invokeChannels.openFile, { purpose: 'export' }], [invokeChannels.listProgress], [invokeChannels.discardProgress, { id: 'acme' }]]);
  });

  it('hands menu handlers only known commands, never the event, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = api.onMenuCommand((...args: unknown[]) => seen.push(args)) as () => void;
    emit(eventChannels.onMenuCommand, 'save');
    emit(eventChannels.onMenuCommand, 'rm -rf');
    emit(eventChannels.onMenuCommand, { command: 'save' });
    off();
    emit(eventChannels.onMenuCommand, 'undo');
    expect(seen).toEqual([['save']]);
    expect(listeners.get(eventChannels.onMenuCommand)?.size).toBe(0);
  });

  it('delivers files main opened through their own event, as payloads', () => {
    const seen: unknown[] = [];
    const off = api.onOpenFile((f: unknown) => seen.push(f)) as () => void;
    const file = { name: 'a.csv', bytes: new Uint8Array([1]), handle: '3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' };
    emit(eventChannels.onOpenFile, file);
    emit(eventChannels.onOpenFile, { name: 'x' });
    emit(eventChannels.onOpenFile, { ...file, handle: '/etc/passwd' });
    off();
    expect(seen).toEqual([file]);
  });
});

describe('adoptDroppedFile: the page hands a File, the preload finds its path', () => {
  const SHA = 'b'.repeat(64);

  it('sends the path and size of a real dropped File, and only purpose and sha256 from the page', async () => {
    invoked.length = 0;
    const file = new File(['Email\n'], 'export.csv');
    dropped.set(file, '/home/admin/export.csv');
    await api.adoptDroppedFile(file, { purpose: 'export', sha256: SHA, path: '/etc/shadow', size: 1 });
    expect(invoked).toEqual([[preloadChannels.adoptDroppedFile, { path: '/home/admin/export.csv', size: 6, purpose: 'export', sha256: SHA }]]);
  });

  it('refuses anything that is not a File, without asking main', async () => {
    invoked.length = 0;
    for (const fake of [{ name: 'x.csv', size: 1, path: '/etc/shadow' }, '/etc/shadow', null, new Blob(['x'])]) {
      expect(await api.adoptDroppedFile(fake, { purpose: 'export', sha256: SHA })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(invoked).toEqual([]);
  });

  it('a File made by page JavaScript has no path: nothing is adopted and main is not asked', async () => {
    invoked.length = 0;
    expect(await api.adoptDroppedFile(new File(['x'], '/etc/shadow'), { purpose: 'export', sha256: SHA })).toEqual({ ok: true, value: null });
    expect(invoked).toEqual([]);
  });
});
