import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appResponse, mimeTypeFor, resolveAppRequest, resolveServedFile } from './appProtocol';

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

describe('resolveServedFile (the real path must stay inside the renderer folder)', () => {
  const scratch: string[] = [];
  afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));
  function rendererFolder() {
    const base = mkdtempSync(join(tmpdir(), 'lp-renderer-'));
    scratch.push(base);
    const root = join(base, 'dist', 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(base, 'secret.txt'), 'not for the page');
    return { base, root };
  }

  it('serves a file of the folder, and a symlink that stays inside it', async () => {
    const { root } = rendererFolder();
    symlinkSync(join(root, 'index.html'), join(root, 'assets', 'alias.html'));
    expect(await resolveServedFile('app://renderer/index.html', root)).toMatchObject({ ok: true, path: join(realpathSync(root), 'index.html') });
    expect(await resolveServedFile('app://renderer/assets/alias.html', root)).toMatchObject({ ok: true, path: join(realpathSync(root), 'index.html') });
  });

  it('refuses a symlink that leads out of the folder (403), and a missing file is 404', async () => {
    const { base, root } = rendererFolder();
    symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'leak.txt'));
    symlinkSync('/etc', join(root, 'etc'));
    expect(await resolveServedFile('app://renderer/assets/leak.txt', root)).toEqual({ ok: false, status: 403 });
    expect(await resolveServedFile('app://renderer/etc/hostname', root)).toEqual({ ok: false, status: 403 });
    expect(await resolveServedFile('app://renderer/nope.js', root)).toEqual({ ok: false, status: 404 });
    const response = await appResponse({ method: 'GET', url: 'app://renderer/assets/leak.txt' }, root);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answers GET with the file and its CSP, and refuses other methods', async () => {
    const { root } = rendererFolder();
    const ok = await appResponse({ method: 'GET', url: 'app://renderer/index.html' }, root);
    expect([ok.status, ok.headers.get('content-type'), await ok.text()]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html>']);
    expect((await appResponse({ method: 'POST', url: 'app://renderer/index.html' }, root)).status).toBe(405);
  });
});
