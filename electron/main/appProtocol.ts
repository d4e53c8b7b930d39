// The app:// protocol that serves dist/renderer (README "Security"): a fixed origin the CSP and navigation
// checks can name, and the packaged app can keep grantFileProtocolExtraPrivileges off. The scheme is
// registered before ready; each request is mapped to a file whose REAL path (symlinks resolved) must lie
// inside the renderer folder's real path. No Electron import: appScheme.ts hands requests to appResponse.
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { securityHeaders } from './security/csp';
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
  if (!isInside(root, target)) return { ok: false, status: 403 };
  return { ok: true, path: target, mimeType: mimeTypeFor(target) };
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return !(rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel));
}

/**
 * resolveAppRequest, then the real path: a symlink inside the renderer folder that leads out of it (to
 * /etc/passwd, the admin's home) is refused with 403, and a missing file is 404.
 */
export async function resolveServedFile(url: string, rendererDir: string, realpathOf: (path: string) => Promise<string> = realpath): Promise<AppRequestResolution> {
  const resolved = resolveAppRequest(url, rendererDir);
  if (!resolved.ok) return resolved;
  let root: string;
  let real: string;
  try {
    root = await realpathOf(resolve(rendererDir));
    real = await realpathOf(resolved.path);
  } catch {
    return { ok: false, status: 404 };
  }
  if (!isInside(root, real)) return { ok: false, status: 403 };
  return { ok: true, path: real, mimeType: resolved.mimeType };
}

/** What app:// answers for one request: a file of the renderer folder with the CSP headers, or an empty error. */
export async function appResponse(request: { method: string; url: string }, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: securityHeaders() });
  const served = await resolveServedFile(request.url, rendererDir);
  if (!served.ok) return new Response(null, { status: served.status, headers: securityHeaders() });
  try {
    const bytes = await readFile(served.path);
    return new Response(new Uint8Array(bytes), { status: 200, headers: { 'Content-Type': served.mimeType, ...securityHeaders() } });
  } catch {
    return new Response(null, { status: 404, headers: securityHeaders() });
  }
}
