// The one window and the app:// protocol it loads from (issue 3 item 1): 1280×800 (min 1024×700), shown
// when ready, hardened webPreferences, and nothing but dist/renderer — served with the CSP header.
import { BrowserWindow, protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { resolveAppRequest } from './appProtocol';
import { securityHeaders } from './security/csp';
import { hardenWebContents } from './security/harden';
import { APP_ENTRY_URL, APP_SCHEME } from './security/urls';
import { webPreferences } from './security/webPreferences';

/** Before app ready: app:// is a standard, secure scheme (relative URLs, an origin, a secure context). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** After app ready: app://renderer/<path> → the file under rendererDir (inside app.asar when packaged). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: securityHeaders() });
    const resolved = resolveAppRequest(request.url, rendererDir);
    if (!resolved.ok) return new Response(null, { status: resolved.status, headers: securityHeaders() });
    try {
      const bytes = await readFile(resolved.path);
      return new Response(new Uint8Array(bytes), { status: 200, headers: { 'Content-Type': resolved.mimeType, ...securityHeaders() } });
    } catch {
      return new Response(null, { status: 404, headers: securityHeaders() });
    }
  });
}

export function createMainWindow(options: { preloadPath: string; devTools: boolean; title: string; icon?: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: options.title,
    ...(options.icon === undefined ? {} : { icon: options.icon }),
    webPreferences: {
      ...webPreferences({ preloadPath: options.preloadPath, devTools: options.devTools }),
      // Repeated as literals so static checkers (electronegativity, eslint-plugin-electron-security) see them here.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
