// Issue 3 item 1 in the real runtime: no Node in the page, a narrow bridge, no network, no navigation,
// no new windows, the CSP header on every response. Skipped (never passed) where no Electron binary exists.
import { expect, test } from '@playwright/test';
import { launchApp, newUserDataDir, skipReason } from './launch';

test.skip(skipReason !== null, skipReason ?? '');

test('the renderer is sandboxed, isolated and offline', async () => {
  const { app, page } = await launchApp(newUserDataDir());
  try {
    expect(page.url()).toBe('app://renderer/index.html');
    const probe = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      let fetched: string;
      try {
        await fetch('https://example.com/');
        fetched = 'reached the network';
      } catch {
        fetched = 'blocked';
      }
      return {
        require: typeof w.require,
        process: typeof w.process,
        bridge: Object.keys((w.licensePrep as object) ?? {}).sort(),
        opened: window.open('https://example.com/') === null,
        fetched,
      };
    });
    expect(probe).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['adoptDroppedFile', 'discardProgress', 'listProgress', 'onIncomingFile', 'onMenuCommand', 'openFile', 'pathForDroppedFile', 'saveFile', 'saveProgress'],
      opened: true,
      fetched: 'blocked',
    });
    expect(app.windows()).toHaveLength(1);

    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://renderer/index.html');

    const csp = await page.evaluate(async () => (await fetch('app://renderer/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-eval');

  } finally {
    await app.close();
  }
});
