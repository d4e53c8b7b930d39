// electron-builder.yml (issue 3 item 6), checked without building: electron-builder's own schema accepts it,
// the fuses are hardened, nothing takes .csv away from the spreadsheet, and the icons exist.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
