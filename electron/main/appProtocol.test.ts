import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppRequest } from './appProtocol';

const ROOT = '/opt/License Prep/resources/app.asar/dist/renderer';

describe('resolveAppRequest (app:// serves dist/renderer and nothing else)', () => {
  it.each([
    ['app://renderer/', `${ROOT}/index.html`, 'text/html; charset=utf-8'],
    ['app://renderer/index.html', `${ROOT}/index.html`, 'text/html; charset=utf-8'],
    ['app://renderer/assets/index-Ab12.js', `${ROOT}/assets/index-Ab12.js`, 'text/javascript; charset=utf-8'],
    ['app://renderer/assets/index.css?v=1', `${ROOT}/assets/index.css`, 'text/css; charset=utf-8'],
    ['app://renderer/assets/My%20Font.woff2', `${ROOT}/assets/My Font.woff2`, 'font/woff2'],
    ['app://renderer/../../../etc/passwd', `${ROOT}/etc/passwd`, 'application/octet-stream'],
  ])('%s → %s', (url, path, mimeType) => {
    expect(resolveAppRequest(url, ROOT)).toEqual({ ok: true, path, mimeType });
  });

  it.each([
    ['app://renderer/%2e%2e/%2e%2e/secret', 400],
    ['app://renderer/..%2f..%2fsecret', 400],
    ['app://renderer/a%00b', 400],
    ['app://evil/index.html', 400],
    ['file:///etc/passwd', 400],
    ['https://renderer/index.html', 400],
  ])('refuses %s with %i', (url, status) => {
    expect(resolveAppRequest(url, ROOT)).toEqual({ ok: false, status });
  });

  it('knows the types the Vite build emits', () => {
    expect(mimeTypeFor('x.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('x.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
