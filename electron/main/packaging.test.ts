// electron-builder.yml (README.md "Packaging"), checked without building: electron-builder's own schema accepts it,
// the fuses are hardened, nothing takes .csv away from the spreadsheet, and the icons exist.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
// js-yaml is what electron-builder itself reads this file with (a dependency of app-builder-lib).
const yaml = require(require.resolve('js-yaml', { paths: [require.resolve('app-builder-lib')] })) as { load(text: string): unknown };
const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
interface BuilderConfig {
  appId: string;
  files: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string };
  win: { target: string[] };
  mac: { target: string[]; category: string };
  [key: string]: unknown;
}
const config = yaml.load(text) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("is accepted by electron-builder's configuration schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, logger: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and where releases go', () => {
    expect(config).toMatchObject({ appId: 'com.licenseprep.app', productName: 'License Prep', asar: true, directories: { output: 'release' } });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
  });

  it('hardens every fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('takes no file association (.csv stays with the spreadsheet), anywhere in the config', () => {
    expect(JSON.stringify(config)).not.toMatch(/fileAssociations/i);
    expect(text).not.toMatch(/^\s*fileAssociations\s*:/m);
  });

  it('builds AppImage and deb for Linux, nsis for Windows, dmg for macOS, with platform categories', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac).toMatchObject({ target: ['dmg'], category: 'public.app-category.business' });
  });

  it('points at icons that exist and are PNGs of the right size', () => {
    for (const [file, size] of [
      ['resources/icons/icon.png', 512],
      ['resources/icons/512x512.png', 512],
      ['resources/icons/256x256.png', 256],
    ] as const) {
      const png = readFileSync(join(root, file));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    expect(existsSync(join(root, 'resources/icons/icon.svg'))).toBe(true);
  });

  it('packages what package.json starts', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; build?: unknown };
    expect(pkg.main).toBe('dist/electron/main/index.cjs');
    expect(pkg.build).toBeUndefined();
  });
});

describe('Linux installs that start (the deb installs an AppArmor profile)', () => {
  const deb = config.deb as { afterInstall: string; afterRemove: string; appArmorProfile: string };
  /** electron-builder's own template expansion (FpmTarget writeConfigFile): every ${word} must be defined. */
  const render = (file: string) =>
    readFileSync(join(root, file), 'utf8').replace(/\$\{([a-zA-Z]+)\}/g, (_m, name: string) => {
      const values: Record<string, string> = { executable: 'license-prep', sanitizedProductName: 'License Prep', productFilename: 'License Prep' };
      if (!(name in values)) throw new Error(`Macro ${name} is not defined`);
      return values[name];
    });

  it('points the deb at our after-install, after-remove and AppArmor profile', () => {
    expect(deb).toMatchObject({ afterInstall: 'resources/linux/after-install.sh', afterRemove: 'resources/linux/after-remove.sh', appArmorProfile: 'resources/linux/apparmor-profile' });
    expect((config.linux as unknown as { executableName: string }).executableName).toBe('license-prep');
  });

  it('the profile grants user namespaces to the installed binary, and nothing more', () => {
    const profile = render(deb.appArmorProfile);
    expect(profile).toContain('abi <abi/4.0>,');
    expect(profile).toContain('profile license-prep "/opt/License Prep/license-prep" flags=(unconfined) {');
    expect(profile.replace(/#.*$/gm, '')).toMatch(/\{\s*userns,\s*include if exists <local\/license-prep>\s*\}/);
  });

  it('the scripts are valid bash, and none ever falls back to --no-sandbox', () => {
    for (const file of [deb.afterInstall, deb.afterRemove]) {
      const dir = mkdtempSync(join(tmpdir(), 'lp-deb-'));
      writeFileSync(join(dir, 'script.sh'), render(file));
      expect(spawnSync('bash', ['-n', join(dir, 'script.sh')]).status).toBe(0);
      expect(render(file).replace(/#.*$/gm, '')).not.toMatch(/no-sandbox/);
    }
  });

  /** Run a rendered script as dpkg would, in a fake root (DPKG_ROOT) with stub system commands that log their arguments. */
  function runScript(file: string, options: { apparmor: boolean; userns: boolean; rootDir?: string }) {
    const fakeRoot = options.rootDir ?? mkdtempSync(join(tmpdir(), 'lp-deb-root-'));
    const bin = mkdtempSync(join(tmpdir(), 'lp-deb-bin-'));
    const log = join(bin, 'calls.log');
    const stub = (name: string, body: string) => writeFileSync(join(bin, name), `#!/bin/bash\necho "${name} $*" >> "${log}"\n${body}\n`, { mode: 0o755 });
    stub('apparmor_status', options.apparmor ? 'exit 0' : 'exit 1');
    stub('apparmor_parser', 'exit 0');
    stub('update-alternatives', 'exit 0');
    stub('update-desktop-database', 'exit 0');
    stub('unshare', options.userns ? 'exit 0' : 'exit 1');
    mkdirSync(join(fakeRoot, 'opt', 'License Prep', 'resources'), { recursive: true });
    writeFileSync(join(fakeRoot, 'opt', 'License Prep', 'chrome-sandbox'), '', { mode: 0o755 });
    writeFileSync(join(fakeRoot, 'opt', 'License Prep', 'resources', 'apparmor-profile'), render(deb.appArmorProfile));
    const script = join(bin, 'script.sh');
    writeFileSync(script, render(file), { mode: 0o755 });
    const result = spawnSync('bash', [script], { encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin`, DPKG_ROOT: fakeRoot } });
    const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    return { status: result.status, stderr: result.stderr, calls, fakeRoot };
  }

  it('after-install puts the profile in /etc/apparmor.d and loads it where AppArmor runs', () => {
    const run = runScript(deb.afterInstall, { apparmor: true, userns: true });
    expect(run.status).toBe(0);
    const installed = join(run.fakeRoot, 'etc', 'apparmor.d', 'license-prep');
    expect(readFileSync(installed, 'utf8')).toBe(render(deb.appArmorProfile));
    expect(run.calls).toContain(`apparmor_parser --replace --write-cache --skip-read-cache ${installed}`);
    expect(run.calls).toContain('update-alternatives --install /usr/bin/license-prep license-prep /opt/License Prep/license-prep 100');
    expect(statSync(join(run.fakeRoot, 'opt', 'License Prep', 'chrome-sandbox')).mode & 0o7777).toBe(0o755);
  });

  it('after-install installs no profile where AppArmor is off, and makes the sandbox helper setuid only without user namespaces', () => {
    const run = runScript(deb.afterInstall, { apparmor: false, userns: false });
    expect(run.status).toBe(0);
    expect(existsSync(join(run.fakeRoot, 'etc', 'apparmor.d', 'license-prep'))).toBe(false);
    expect(run.calls.some((c) => c.startsWith('apparmor_parser'))).toBe(false);
    expect(statSync(join(run.fakeRoot, 'opt', 'License Prep', 'chrome-sandbox')).mode & 0o7777).toBe(0o4755);
  });

  it('after-remove unloads and removes the profile', () => {
    const installed = runScript(deb.afterInstall, { apparmor: true, userns: true });
    const removed = runScript(deb.afterRemove, { apparmor: true, userns: true, rootDir: installed.fakeRoot });
    expect(removed.status).toBe(0);
    const profile = join(installed.fakeRoot, 'etc', 'apparmor.d', 'license-prep');
    expect(removed.calls).toContain(`apparmor_parser --remove ${profile}`);
    expect(existsSync(profile)).toBe(false);
  });
});
