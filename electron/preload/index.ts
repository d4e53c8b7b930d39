// The sandboxed preload (STYLE.md "IPC"): one method per contract channel on window.licensePrep, event
// subscriptions that hand over only the payload, never ipcRenderer or the event. No logic here.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { eventChannels, invokeChannels, isMenuCommandName } from '../../shared/ipc/channels';
import type { IncomingFile, LicensePrepApi } from '../../shared/ipc/contract';

function subscribe<T>(channel: string, accept: (payload: unknown) => payload is T, handler: (payload: T) => void): () => void {
  const listener = (_event: IpcRendererEvent, payload: unknown) => {
    if (accept(payload)) handler(payload);
  };
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

const isIncomingFile = (payload: unknown): payload is IncomingFile =>
  typeof payload === 'object' && payload !== null && 'name' in payload && 'bytes' in payload && 'handle' in payload && payload.bytes instanceof Uint8Array;

const api = {
  openFile: (request) => ipcRenderer.invoke(invokeChannels.openFile, request),
  saveFile: (request) => ipcRenderer.invoke(invokeChannels.saveFile, request),
  adoptDroppedFile: (request) => ipcRenderer.invoke(invokeChannels.adoptDroppedFile, request),
  listProgress: () => ipcRenderer.invoke(invokeChannels.listProgress),
  saveProgress: (request) => ipcRenderer.invoke(invokeChannels.saveProgress, request),
  discardProgress: (request) => ipcRenderer.invoke(invokeChannels.discardProgress, request),
  onMenuCommand: (handler) => subscribe(eventChannels.menuCommand, isMenuCommandName, handler),
  onIncomingFile: (handler) => subscribe(eventChannels.incomingFile, isIncomingFile, handler),
  onFlushRequest: (handler) => subscribe(eventChannels.flushRequest, (payload: unknown): payload is null => payload === null, () => handler()),
  flushed: () => ipcRenderer.invoke(invokeChannels.flushed),
  pathForDroppedFile: (file) => {
    try {
      return webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]);
    } catch {
      return '';
    }
  },
} satisfies LicensePrepApi;

contextBridge.exposeInMainWorld('licensePrep', api);
