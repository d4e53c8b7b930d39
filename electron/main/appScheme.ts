// The app:// scheme in Electron (README "Security"): registered as privileged before ready, served after
// ready by appResponse (appProtocol.ts), which keeps every answer inside the renderer folder.
import { protocol } from 'electron';
import { appResponse } from './appProtocol';
import { APP_SCHEME } from './security/urls';

/** Before app ready: app:// is a standard, secure scheme (relative URLs, an origin, a secure context). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** After app ready: app://renderer/<path> → the file under rendererDir (inside app.asar when packaged). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request, rendererDir));
}
