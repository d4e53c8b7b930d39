import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, securityHeaders } from './csp';
import { permissionCheckDecision, permissionRequestDecision, windowOpenDecision } from './decisions';
import { webPreferences } from './webPreferences';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as [string, string[]];
    }),
  );
}

describe('webPreferences()', () => {
  const prefs = webPreferences({ preloadPath: '/app/dist/electron/preload/index.cjs', devTools: false });

  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('never sets enableBlinkFeatures or turns a safety off by omission', () => {
    expect(Object.keys(prefs)).not.toContain('enableBlinkFeatures');
    expect(webPreferences({ preloadPath: 'p', devTools: true }).devTools).toBe(true);
  });
});

describe('the Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it("defaults to 'none' and allows scripts only from our own origin, without eval", () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic/);
  });

  it("names no remote origin anywhere (no http:, https:, ws:, *)", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });

  it("allows inline styles only (AG Grid), no inline scripts", () => {
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('closes objects, frames, forms and base', () => {
    for (const name of ['object-src', 'frame-src', 'form-action', 'base-uri', 'frame-ancestors']) expect(csp.get(name)).toEqual(["'none'"]);
  });

  it('gives the <meta> form without frame-ancestors (ignored there)', () => {
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(META_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });

  it('is sent with nosniff and no referrer', () => {
    expect(securityHeaders()).toMatchObject({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  });
});

describe('what the app answers to requests for more', () => {
  it('denies window.open and opens nothing outside', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'fileSystem', 'unknown'])('denies the %s permission', (permission) => {
    expect(permissionRequestDecision(permission)).toBe(false);
    expect(permissionCheckDecision(permission)).toBe(false);
  });
});

describe('the renderer page', () => {
  it('carries the same CSP in its <meta> as the app:// responses (minus frame-ancestors)', async () => {
    const { readFileSync } = await import('node:fs');
    const { META_CONTENT_SECURITY_POLICY } = await import('./csp');
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(meta).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
