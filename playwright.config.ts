// Playwright: the browser build in Debian's Chromium (e2e/browser), and the Electron app (e2e/electron),
// which skips itself with a printed reason where no Electron binary exists.
import { defineConfig } from '@playwright/test';

// E2E_PORT lets two checkouts run their suites side by side without one reusing the other's server.
const port = Number(process.env.E2E_PORT ?? 4173);
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export default defineConfig({
  testDir: './e2e',
  // One tsconfig for every imported file: shared/tsconfig.json maps 'papaparse' to its local typings for
  // tsc, and Playwright would otherwise load that .d.ts as the module (specs import the core).
  tsconfig: './e2e/tsconfig.json',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'off',
  },
  projects: [
    { name: 'browser', testDir: './e2e/browser' },
    { name: 'electron', testDir: './e2e/electron' },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
