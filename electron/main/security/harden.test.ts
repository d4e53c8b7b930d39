// hardenSession / hardenWebContents with fakes for Electron's Session and WebContents.
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWebContents } from './harden';

type Listener = (...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => unknown) | null = null;
  const contents = {
    setWindowOpenHandler: (h: (details: { url: string }) => unknown) => (openHandler = h),
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    },
  };
  const fire = (name: string, url: string) => {
    let prevented = false;
    const event = { url, preventDefault: () => (prevented = true) };
    listeners.get(name)!(event, url);
    return prevented;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler!({ url }), listeners };
}

function fakeSession() {
  const handlers: Record<string, Listener> = {};
  const session = {
    setPermissionRequestHandler: (h: Listener) => (handlers.request = h),
    setPermissionCheckHandler: (h: Listener) => (handlers.check = h),
    setDevicePermissionHandler: (h: Listener) => (handlers.device = h),
    setDisplayMediaRequestHandler: (h: Listener) => (handlers.display = h),
    webRequest: { onBeforeRequest: (h: Listener) => (handlers.beforeRequest = h) },
  };
  return { session: session as unknown as Session, handlers };
}

describe('hardenWebContents', () => {
  it('blocks navigation, frame navigation and redirects away from our page', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'app://renderer/index.html')).toBe(false);
    expect(fire('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1/')).toBe(true);
  });

  it('blocks every <webview> and every window.open', () => {
    const { contents, fire, open } = fakeContents();
    hardenWebContents(contents);
    expect(fire('will-attach-webview', 'app://renderer/index.html')).toBe(true);
    expect(open('app://renderer/index.html')).toEqual({ action: 'deny' });
    expect(open('https://example.com')).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it('denies every permission and device, and refuses screen capture', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session);
    let granted: boolean | undefined;
    handlers.request({}, 'media', (g: boolean) => (granted = g), {});
    expect(granted).toBe(false);
    expect(handlers.check({}, 'clipboard-read', 'app://renderer', {})).toBe(false);
    expect(handlers.device({})).toBe(false);
    let streams: unknown = 'unset';
    handlers.display({}, (s: unknown) => (streams = s));
    expect(streams).toBeNull();
  });

  it('cancels every request that is not our own app:// file', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      handlers.beforeRequest({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://renderer/assets/index.js')).toBe(false);
    expect(decide('https://clients2.google.com/service/update2')).toBe(true);
    expect(decide('wss://evil.example/')).toBe(true);
    expect(decide('file:///home/admin/.ssh/id_rsa')).toBe(true);
  });
});
