// Which URLs our renderer may be, navigate to, or fetch: parsed URLs compared field by field, never startsWith
// (docs/architecture.md "No network, no navigation, no new windows").
// The renderer is served only from app://renderer/ (see appProtocol.ts); nothing on the network, ever.

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A URL of our own app: app://renderer/…, no credentials, no port, no encoded dot segments. */
export function isAppUrl(url: string): boolean {
  // Parsers strip leading/trailing controls and spaces and resolve `%2e%2e` themselves: refuse such input outright.
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u0020\u007f]/.test(url)) return false;
  const rawPath = url.split(/[?#]/, 1)[0];
  if (/%2e|%2f|%5c|\\/i.test(rawPath)) return false;
  const u = parse(url);
  if (u === null) return false;
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return false;
  if (u.username !== '' || u.password !== '' || u.port !== '') return false;
  // WHATWG parsing resolves literal `..`; an encoded one (%2e%2e, %2f) only hides a traversal attempt.
  if (/%2e|%2f|%5c/i.test(u.pathname) || u.pathname.includes('\\')) return false;
  return true;
}

/**
 * The main frame may only ever show our entry page (a reload or a hash change of it).
 * Every other navigation — another app path, file://, http(s), javascript:, data: — is refused.
 */
export function isAllowedNavigation(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const u = new URL(url);
  return u.pathname === '/' || u.pathname === '/index.html';
}

/**
 * The session may load only our own files and in-memory data (data:, blob: made by our own page);
 * http(s), ws(s), ftp, file:// and everything else are cancelled: the app never touches the network.
 */
export function isAllowedRequest(url: string): boolean {
  const u = parse(url);
  if (u === null) return false;
  if (u.protocol === 'data:') return true;
  if (u.protocol === 'blob:') {
    // blob:app://renderer/<uuid> — only blobs our own origin created.
    return isAppUrl(url.slice('blob:'.length));
  }
  if (u.protocol === 'devtools:') return true;
  return isAppUrl(url);
}

/** Just the fields of Electron's WebFrameMain that sender validation reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** IPC is accepted only from our app's main frame (not a subframe, not some other page). */
export function validateSender(frame: SenderFrame | null | undefined): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isAllowedNavigation(frame.url);
}
