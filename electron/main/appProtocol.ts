// The app:// protocol that serves dist/renderer (RELIABILITY.md "Electron hardening"): a fixed origin the
// CSP and navigation checks can name, and the packaged app can keep grantFileProtocolExtraPrivileges off.
// resolveAppRequest is pure (tested); serving uses Electron's protocol.handle in window.ts.
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isAppUrl } from './security/urls';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export type AppRequestResolution = { ok: true; path: string; mimeType: string } | { ok: false; status: 400 | 403 | 404 };

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Map app://renderer/<path> to a file inside `rendererDir`, or say why not (never a file outside it). */
export function resolveAppRequest(url: string, rendererDir: string): AppRequestResolution {
  if (!isAppUrl(url)) return { ok: false, status: 400 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0')) return { ok: false, status: 400 };
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = resolve(rendererDir);
  const target = resolve(join(root, pathname));
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return { ok: false, status: 403 };
  return { ok: true, path: target, mimeType: mimeTypeFor(target) };
}
