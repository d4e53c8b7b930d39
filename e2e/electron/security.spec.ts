// The hardening in the real runtime: no Node in the page, a sandboxed preload, a bridge of exactly the keys
// the contract derives, no network (even for a request CSP would let through), no navigation, no new
// windows, the CSP header on every response. Skipped (never passed) where no Electron binary exists.
import { expect, test } from '@playwright/test';
import { bridgeKeys } from '../../shared/ipc/channels';
import { launchApp, newUserDataDir, skipReason } from './launch';

test.skip(skipReason !== null, skipReason ?? '');

test('the renderer is sandboxed, isolated and offline', async () => {
  const { app, page } = await launchApp(newUserDataDir());
  try {
    expect(page.url()).toBe('app://renderer/index.html');
    const probe = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        require: typeof w.require,
        process: typeof w.process,
        bridge: Object.keys((w.licensePrep as object) ?? {}).sort(),
        opened: window.open('https://example.com/') === null,
      };
    });
    expect(probe).toEqual({ require: 'undefined', process: 'undefined', bridge: bridgeKeys(), opened: true });
    expect(app.windows()).toHaveLength(1);

    // The preload exposes the bridge only when its own `process.sandboxed` and `process.contextIsolated`
    // are true (it throws otherwise: electron/preload/index.ts), so the bridge keys above are the renderer
    // saying it runs sandboxed.
    expect(probe.bridge.length).toBeGreaterThan(0);

    // A page fetch is stopped by CSP before the network; the session must stop what CSP never sees.
    const fromSession = await app.evaluate(async ({ session }) =>
      session.defaultSession.fetch('https://example.com/').then(
        () => 'reached the network',
        (e: Error) => `blocked: ${e.message}`,
      ),
    );
    expect(fromSession).toMatch(/^blocked: .*ERR_BLOCKED_BY_CLIENT/);
    const fromPage = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached the network',
        () => 'blocked',
      ),
    );
    expect(fromPage).toBe('blocked');

    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect.poll(() => page.url()).toBe('app://renderer/index.html');

    const csp = await page.evaluate(async () => (await fetch('app://renderer/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
  } finally {
    await app.close();
  }
});
