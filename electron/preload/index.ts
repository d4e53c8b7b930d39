// The sandboxed preload (docs/architecture.md "IPC"): window.licensePrep built from the channel tables (a method
// per invoke channel, a subscription per event that hands over only a checked payload, never ipcRenderer or the
// event), plus adoptDroppedFile, which resolves a real dropped File's path here so page JavaScript never names a file.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { eventChannels, eventPayloadGuards, invokeChannels, preloadChannels, type EventMethod } from '../../shared/ipc/channels';
import type { LicensePrepApi } from '../../shared/ipc/contract';

type Api = Record<string, (...args: never[]) => unknown>;

function invokers(): Api {
  const api: Api = {};
  for (const [method, channel] of Object.entries(invokeChannels)) {
    // Only the first argument crosses: a page cannot smuggle more to main.
    api[method] = (request?: unknown) => (request === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, request));
  }
  return api;
}

function subscriptions(): Api {
  const api: Api = {};
  for (const [method, channel] of Object.entries(eventChannels) as [EventMethod, string][]) {
    const accept = eventPayloadGuards[method];
    api[method] = (handler: (payload: unknown) => void) => {
      if (typeof handler !== 'function') throw new TypeError(`${method} needs a function`);
      const listener = (_event: IpcRendererEvent, payload: unknown) => {
        if (accept(payload)) handler(payload);
      };
      ipcRenderer.on(channel, listener);
      return () => void ipcRenderer.removeListener(channel, listener);
    };
  }
  return api;
}

const refused = (message: string) => Promise.resolve({ ok: false as const, error: { code: 'invalid-request' as const, message } });

const preloadBuilt: Pick<LicensePrepApi, keyof typeof preloadChannels> = {
  adoptDroppedFile: (file, request) => {
    // Only a File the user dropped (or picked) has a path; a page-made object or File has none.
    if (!(file instanceof File)) return refused('adoptDroppedFile takes a dropped File');
    let path: string;
    try {
      path = webUtils.getPathForFile(file);
    } catch {
      path = '';
    }
    if (path === '') return Promise.resolve({ ok: true as const, value: null });
    const { purpose, sha256 } = (request ?? {}) as { purpose?: unknown; sha256?: unknown };
    return ipcRenderer.invoke(preloadChannels.adoptDroppedFile, { path, size: file.size, purpose, sha256 });
  },
};

const api = { ...invokers(), ...subscriptions(), ...preloadBuilt } as unknown as LicensePrepApi;

// Fail closed: outside a sandboxed, context-isolated renderer there is no bridge at all (and the page
// says it is not the desktop app). The e2e security spec relies on this: a bridge means a sandbox.
if (process.sandboxed !== true || process.contextIsolated !== true) {
  throw new Error('License Prep exposes its bridge only to a sandboxed, context-isolated renderer.');
}
contextBridge.exposeInMainWorld('licensePrep', api);
