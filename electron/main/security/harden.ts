// Applies the pure security decisions to Electron objects: the session (permissions, network) and every
// webContents (navigation, new windows, webviews). Type-only Electron imports, so tests pass fakes.
import type { Session, WebContents } from 'electron';
import { permissionCheckDecision, permissionRequestDecision, windowOpenDecision } from './decisions';
import { isAllowedNavigation, isAllowedRequest } from './urls';

export interface HardenLog {
  (message: string): void;
}

/** Deny every permission and cancel every request that is not our own app:// file (no network at all). */
export function hardenSession(session: Session, log: HardenLog = () => undefined): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(permissionRequestDecision(permission));
  });
  session.setPermissionCheckHandler((_webContents, permission) => permissionCheckDecision(permission));
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log(`blocked request: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

/** No navigation away from our page, no redirects, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents, log: HardenLog = () => undefined): void {
  contents.setWindowOpenHandler((details) => {
    log(`denied window.open: ${details.url.slice(0, 200)}`);
    return windowOpenDecision();
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) {
      log(`blocked navigation: ${url.slice(0, 200)}`);
      event.preventDefault();
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) {
      log(`blocked frame navigation: ${event.url.slice(0, 200)}`);
      event.preventDefault();
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) {
      log(`blocked redirect: ${url.slice(0, 200)}`);
      event.preventDefault();
    }
  });
  contents.on('will-attach-webview', (event) => {
    log('blocked <webview>');
    event.preventDefault();
  });
}
