import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAllowedNavigation, isAllowedRequest, isAppUrl, validateSender } from './urls';

describe('isAllowedNavigation (parsed URLs, never startsWith)', () => {
  it.each([
    [APP_ENTRY_URL],
    ['app://renderer/'],
    ['app://renderer/index.html#/assign'],
    ['app://renderer/index.html?step=review'],
  ])('allows our own entry page: %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    ['file:///etc/passwd', 'file:// outside the app'],
    ['file:///opt/License%20Prep/resources/app.asar/dist/renderer/index.html', 'file:// even to our own build'],
    ['javascript:alert(1)', 'javascript:'],
    ['data:text/html,<script>alert(1)</script>', 'data:'],
    ['http://example.com/', 'http'],
    ['https://renderer/index.html', 'https with our host name'],
    ['ws://127.0.0.1:8080', 'websocket'],
    ['app://evil/index.html', 'another app:// host'],
    ['app://renderer.evil/index.html', 'a host that merely starts with ours'],
    ['app://renderer@evil/index.html', 'credentials trick: the host is evil'],
    ['app://user:pass@renderer/index.html', 'URL with credentials'],
    ['app://renderer:8080/index.html', 'a port'],
    ['app://renderer/%2e%2e/%2e%2e/etc/passwd', 'encoded traversal'],
    ['app://renderer/assets/%2E%2E%2Fsecret', 'encoded traversal, upper case'],
    ['app://renderer/..%5c..%5cwindows', 'encoded backslash traversal'],
    ['app://renderer/other.html', 'another page of ours'],
    ['APP://EVIL/', 'upper-case scheme, other host'],
    ['app:renderer/index.html', 'scheme without slashes'],
    ['blob:app://renderer/1234', 'blob:'],
    ['about:blank', 'about:blank'],
    ['chrome://settings', 'chrome:'],
    ['devtools://devtools/bundled/inspector.html', 'devtools: as a navigation'],
    ['', 'empty'],
    ['not a url', 'garbage'],
    ['\u0000app://renderer/', 'leading NUL'],
  ])('refuses %s (%s)', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isAllowedRequest (no network at all)', () => {
  it.each([
    ['app://renderer/assets/index-abc.js', true],
    ['app://renderer/assets/worker-1.js', true],
    ['data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', true],
    ['blob:app://renderer/5f0c4d2e-1111-2222-3333-444455556666', true],
    ['blob:https://evil.example/5f0c', false],
    ['http://localhost:5173/', false],
    ['https://fonts.googleapis.com/css', false],
    ['https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', false],
    ['wss://evil.example/socket', false],
    ['ftp://example.com/file', false],
    ['file:///etc/hosts', false],
    ['app://evil/x.js', false],
    ['app://renderer/%2e%2e/x', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedRequest(url)).toBe(allowed);
  });
});

describe('validateSender (only our main frame)', () => {
  it('accepts the main frame of our page', () => {
    expect(validateSender({ url: APP_ENTRY_URL, parent: null })).toBe(true);
  });
  it.each([
    [{ url: APP_ENTRY_URL, parent: {} }, 'a subframe, even of our page'],
    [{ url: 'https://evil.example/', parent: null }, 'a remote page'],
    [{ url: 'file:///tmp/evil.html', parent: null }, 'a local file'],
    [{ url: 'app://evil/index.html', parent: null }, 'another app:// host'],
    [{ url: 'about:blank', parent: null }, 'about:blank'],
    [null, 'no frame (destroyed)'],
    [undefined, 'no frame at all'],
  ])('refuses %o (%s)', (frame, _why) => {
    expect(validateSender(frame)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('knows our origin', () => {
    expect(isAppUrl('app://renderer/assets/a.css')).toBe(true);
    expect(isAppUrl('app://renderer\\..\\x')).toBe(false);
  });
});
