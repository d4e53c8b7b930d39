// The boot, proved without an Electron binary: the BUILT main and preload bundles (scripts/build-node.mjs,
// the same script `npm run build` runs) are loaded under plain Node in a temporary app folder whose
// node_modules/electron is a fake that records every call (test/support/fakeElectron.ts).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeKeys } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { webPreferences } from './security/webPreferences';

const ROOT = join(__dirname, '..', '..');
let appDir = '';
let userData = '';

interface Boot {
  record: { calls: string[]; errors: string[]; windows: { options: { webPreferences: Record<string, unknown> }; loadedUrl: string | null; sent: { channel: string; payload: unknown }[] }[]; handled: string[]; exitCode: number | null; stderr: string; stdout: string };
  requires: string[];
  probes: Record<string, unknown>;
  exposedKeys: string[] | null;
}

function boot(options: { mode?: 'main' | 'preload'; argv?: string[]; packaged?: boolean; env?: Record<string, string> } = {}): Boot & { status: number | null } {
  const mode = options.mode ?? 'main';
  const out = join(mkdtempSync(join(tmpdir(), 'lp-boot-record-')), 'record.json');
  const target = join(appDir, 'dist', 'electron', mode === 'main' ? 'main' : 'preload', 'index.cjs');
  const argv = options.argv ?? (options.packaged ? [] : [appDir]);
  const child = spawnSync(process.execPath, [join(appDir, 'harness.cjs')], {
    cwd: appDir,
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      PATH: process.env.PATH ?? '',
      BOOT_MODE: mode,
      BOOT_TARGET: target,
      BOOT_RECORD: out,
      BOOT_ARGV: JSON.stringify(argv),
      FAKE_ELECTRON_PACKAGED: options.packaged ? '1' : '0',
      FAKE_ELECTRON_APP_PATH: appDir,
      FAKE_ELECTRON_USER_DATA: userData,
      ...options.env,
    },
  });
  if (!existsSync(out)) throw new Error(`the harness wrote no record (status ${child.status}): ${child.stderr}`);
  return { status: child.status, ...(JSON.parse(readFileSync(out, 'utf8')) as Boot) };
}

beforeAll(async () => {
  appDir = mkdtempSync(join(tmpdir(), 'lp-boot-app-'));
  userData = mkdtempSync(join(tmpdir(), 'lp-boot-userdata-'));
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-node.mjs'), '--out', appDir], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build-node failed: ${built.stderr}`);
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'license-prep', main: 'dist/electron/main/index.cjs' }));
  mkdirSync(join(appDir, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>License Prep</title>');
  writeFileSync(join(appDir, 'secret.txt'), 'outside the renderer');
  symlinkSync(join(appDir, 'secret.txt'), join(appDir, 'dist', 'renderer', 'leak.txt'));
  copyFileSync(join(ROOT, 'resources', 'samples', 'sample-export.csv'), join(appDir, 'export.csv'));
  const fakeAsElectron = { name: 'fake-electron', setup: (b: { onResolve: (o: { filter: RegExp }, f: () => { path: string; external: boolean }) => void }) => b.onResolve({ filter: /fakeElectron$/ }, () => ({ path: 'electron', external: true })) };
  await build({ entryPoints: [join(ROOT, 'test', 'support', 'fakeElectron.ts')], outfile: join(appDir, 'node_modules', 'electron', 'index.js'), bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
  await build({ entryPoints: [join(ROOT, 'test', 'support', 'bootHarness.ts')], outfile: join(appDir, 'harness.cjs'), bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent', plugins: [fakeAsElectron] });
}, 60_000);

afterAll(() => {
  for (const dir of [appDir, userData]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the built main process boots (fake electron, plain Node)', () => {
  let run: ReturnType<typeof boot>;
  beforeAll(() => {
    run = boot({ argv: [appDir, join(appDir, 'export.csv')], env: { LICENSE_PREP_USER_DATA: userData, BOOT_EXPECT_OPENED: '1' } });
  });

  it('loads with no exception and reaches loadURL of the app page', () => {
    expect(run.record.errors).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.record.windows).toHaveLength(1);
    expect(run.record.windows[0].loadedUrl).toBe('app://renderer/index.html');
    expect(run.record.calls).toContain('loadURL app://renderer/index.html');
  });

  it('enables the sandbox and registers app:// before ready, and picks userData before the single-instance lock', () => {
    const at = (prefix: string) => run.record.calls.findIndex((c) => c.startsWith(prefix));
    const ready = at('ready');
    expect(ready).toBeGreaterThan(-1);
    expect(at('app.enableSandbox')).toBeGreaterThan(-1);
    expect(at('app.enableSandbox')).toBeLessThan(ready);
    expect(at('protocol.registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(run.record.calls[at('protocol.registerSchemesAsPrivileged')]).toContain('"scheme":"app"');
    expect(at(`app.setPath userData ${userData}`)).toBeGreaterThan(-1);
    expect(at(`app.setPath userData ${userData}`)).toBeLessThan(at('app.requestSingleInstanceLock'));
    expect(at('protocol.handle app')).toBeGreaterThan(ready);
    expect(at('session.setPermissionRequestHandler')).toBeGreaterThan(ready);
  });

  it('has a handler for every channel of the contract, each registered once', () => {
    expect([...run.record.handled].sort()).toEqual(Object.keys(contract).sort());
  });

  it('gives the window the secure webPreferences, with a preload that exists', () => {
    const prefs = run.record.windows[0].options.webPreferences;
    const preload = join(appDir, 'dist', 'electron', 'preload', 'index.cjs');
    expect(prefs).toEqual({ ...webPreferences({ preloadPath: preload, devTools: true }) });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(existsSync(prefs.preload as string)).toBe(true);
  });

  it('serves the page over app:// with the CSP, and not a symlink out of the renderer folder', () => {
    expect(run.probes.page).toMatchObject({ status: 200, body: '<!doctype html><title>License Prep</title>' });
    expect((run.probes.page as { csp: string }).csp).toContain("default-src 'none'");
    expect(run.probes.symlinkOut).toEqual({ status: 403 });
  });

  it('answers IPC from its own page only', () => {
    expect(run.probes.listFromApp).toEqual({ ok: true, value: { entries: [], beyondLimit: [] } });
    expect(run.probes.listFromElsewhere).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(run.probes.adoptWithoutHash).toEqual({ ok: true, value: null });
  });

  it('delivers a CSV given on the command line through onOpenFile once the page has loaded, not as a menu command', () => {
    const sent = run.record.windows[0].sent;
    expect(sent.map((s) => s.channel)).toEqual(['lp:file.opened']);
    expect(sent[0].payload).toMatchObject({ name: 'export.csv', bytes: { bytes: readFileSync(join(appDir, 'export.csv')).byteLength } });
    expect(JSON.stringify(sent[0].payload)).not.toContain(appDir);
  });
});

describe('the built preload', () => {
  let run: ReturnType<typeof boot>;
  beforeAll(() => {
    run = boot({ mode: 'preload' });
  });

  it('requires only electron and exposes exactly the API the contract derives', () => {
    expect(run.record.errors).toEqual([]);
    expect([...new Set(run.requires)]).toEqual(['electron']);
    expect(run.exposedKeys).toEqual(bridgeKeys());
    const text = readFileSync(join(appDir, 'dist', 'electron', 'preload', 'index.cjs'), 'utf8');
    expect([...new Set([...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))]).toEqual(['electron']);
  });

  it('exposes nothing outside a sandboxed renderer (fails closed)', () => {
    const unsandboxed = boot({ mode: 'preload', env: { BOOT_UNSANDBOXED: '1' } });
    expect(unsandboxed.exposedKeys).toBeNull();
    expect(unsandboxed.record.errors.join('\n')).toMatch(/only to a sandboxed, context-isolated renderer/);
  });

  it('resolves a dropped File to its path itself; a page-made object or File names nothing', () => {
    expect(run.probes.invocations).toEqual([['lp:file.adoptDropped', { path: '/home/admin/export.csv', size: 6, purpose: 'export', sha256: 'a'.repeat(64) }]]);
    expect(run.probes.adoptPageObject).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(run.probes.adoptPageFile).toEqual({ ok: true, value: null });
  });
});

describe('a packaged build refuses switches that are not on its allowlist', () => {
  it.each([
    ['--remote-debugging-port=9222'],
    ['--gpu-launcher=/tmp/x.sh'],
    ['--renderer-cmd-prefix=/tmp/x.sh'],
    ['--utility-cmd-prefix=/tmp/x.sh'],
    ['--browser-subprocess-path=/tmp/x'],
    ['--unsafely-treat-insecure-origin-as-secure=http://evil.example'],
    ['--user-data-dir=/tmp/elsewhere'],
    ['--log-file=/tmp/log'],
    ['--no-sandbox'],
  ])('the window with %s: exit 1 before the lock, no window', (arg) => {
    const run = boot({ packaged: true, argv: [arg] });
    expect(run.record.exitCode).toBe(1);
    expect(run.record.stderr).toContain(`refuses to start with ${arg}`);
    expect(run.record.calls).not.toContain('app.requestSingleInstanceLock');
    expect(run.record.windows).toEqual([]);
  });

  it('the CLI with a switch before or after the command: exit 2, nothing run', () => {
    for (const argv of [['--remote-debugging-port=9222', 'summary', 'export.csv', '--plan', 'plan.json'], ['summary', 'export.csv', '--plan', 'plan.json', '--gpu-launcher=/tmp/x.sh']]) {
      const run = boot({ packaged: true, argv });
      expect(run.record.exitCode).toBe(2);
      expect(run.record.stderr).toMatch(/refuses to start with --(remote-debugging-port|gpu-launcher)/);
      expect(run.record.stdout).toBe('');
    }
  });

  it('the CLI with its own options runs, without a window', () => {
    const run = boot({ packaged: true, argv: ['summary', join(appDir, 'export.csv'), '--plan', join(ROOT, 'resources', 'samples', 'sample-plan.json')] });
    expect(run.record.errors).toEqual([]);
    expect(run.record.exitCode).toBe(0);
    expect(run.record.stdout).toMatch(/seat|Engage/i);
    expect(run.record.windows).toEqual([]);
  });
});
