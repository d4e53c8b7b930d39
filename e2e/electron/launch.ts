// Launching the built app with Playwright's Electron support — or saying plainly why it cannot run here.
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventChannels } from '../../shared/ipc/channels';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const mainEntry = path.join(repoRoot, 'dist/electron/main/index.cjs');
export const samples = path.join(repoRoot, 'resources/samples');

/**
 * The Electron binary, or why there is none (its download is blocked in this sandbox). Found the way the
 * electron package finds it, but without require('electron'): in Electron 45 that starts a download.
 */
export function electronBinary(): { ok: true; path: string } | { ok: false; reason: string } {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, reason: `the Electron binary was never downloaded (no ${path.relative(repoRoot, pathFile)}): its download is blocked on this machine` };
  const relativeBinary = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binaryPath = path.join(distDir, relativeBinary);
  if (!existsSync(binaryPath)) return { ok: false, reason: `no Electron binary at ${binaryPath}` };
  return { ok: true, path: binaryPath };
}

export const binary = electronBinary();
export const skipReason = binary.ok ? null : `Electron e2e skipped: ${binary.reason}. These specs run where an Electron binary exists (npm install with network access).`;
if (skipReason !== null) console.log(skipReason);

export function newUserDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'lp-e2e-userdata-'));
}

/**
 * Launch the app FOLDER (as `electron .` does), not the script: Electron then reads package.json's `main`
 * and takes the folder as the app path, so the preload (dist/electron/preload) and app://renderer/index.html
 * (dist/renderer) resolve as in the packaged app. Each launch gets its own userData folder
 * (LICENSE_PREP_USER_DATA, honoured only unpackaged, applied before the single-instance lock).
 */
export async function launchApp(userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  if (!binary.ok) throw new Error(skipReason ?? 'no Electron');
  if (!existsSync(mainEntry)) throw new Error(`${mainEntry} is missing: run npm run build first`);
  const app = await electron.launch({ executablePath: binary.path, args: [repoRoot], cwd: repoRoot, env: { ...process.env, LICENSE_PREP_USER_DATA: userData } });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/** Answer the next native open dialog with `file` (dialogs run in main; Playwright stubs them there). */
export async function answerOpenDialog(app: ElectronApplication, file: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
  }, file);
}

export async function answerSaveDialog(app: ElectronApplication, file: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
  }, file);
}

/** What the File menu would do: send a menu command to the renderer. */
export async function menuCommand(app: ElectronApplication, command: string): Promise<void> {
  await app.evaluate(({ BrowserWindow }, [channel, name]) => {
    BrowserWindow.getAllWindows()[0].webContents.send(channel, name);
  }, [eventChannels.onMenuCommand, command] as const);
}
