// A stand-in for Electron's ipcMain in tests: records handlers and invokes them with a chosen sender frame.
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcMainLike } from './registerHandler';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

export function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipc: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
  const invoke = (channel: string, frame: { url: string; parent: unknown } | null, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`nothing registered on ${channel}`);
    return listener({ senderFrame: frame } as unknown as IpcMainInvokeEvent, ...args);
  };
  return { ipc, invoke, listeners };
}

export const OUR_FRAME = { url: 'app://renderer/index.html', parent: null };
