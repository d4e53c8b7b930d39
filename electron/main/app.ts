// The app's lifecycle (README "Security", "Files"): one instance, one hardened window, and small objects
// with one job each — the app:// protocol (appScheme.ts), the window (window.ts), files (FileService,
// OpenedFiles), autosave (ProgressStore), menus (appMenu.ts) — wired once here, in start-up order.
import { app, dialog, ipcMain, session } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { durableWrite, sweepOrphanTemps } from '../files/durableWrite';
import { AppMenu } from './appMenu';
import { registerAppScheme, serveRenderer } from './appScheme';
import { ProgressStore } from './autosave/progressStore';
import { FlushHandshake } from './flushHandshake';
import { FileRegistry } from './files/fileRegistry';
import { FileService } from './files/fileService';
import { nativeDialogs } from './files/nativeDialogs';
import { nodeFileIo } from './files/nodeFileIo';
import { RecentFiles } from './files/recentFiles';
import { channelHandlers, registerAll } from './ipc/handlers';
import { createRegistrar } from './ipc/registerHandler';
import { LaunchRequests } from './launchRequests';
import { OpenedFiles } from './openedFiles';
import { appPaths } from './paths';
import { hardenSession, hardenWebContents } from './security/harden';
import { MainWindow } from './window';

const APP_NAME = 'License Prep';
/** Longest we hold up quitting for autosaves still being written. */
const QUIT_FLUSH_TIMEOUT_MS = 10_000;
/** How long a closing window waits for the renderer to confirm it saved its pending edits. */
const RENDERER_FLUSH_TIMEOUT_MS = 2000;

const log = (message: string) => {
  if (!app.isPackaged) process.stderr.write(`[license-prep] ${message}\n`);
};

/** Before anything else touches the profile: the name, and (tests only, never packaged) where userData is. */
function chooseProfile(): void {
  app.setName(APP_NAME);
  // e2e/electron isolates saved progress; applied before the single-instance lock, which is per userData,
  // so a test instance never collides with (or hands its argv to) a running app.
  const testUserData = process.env.LICENSE_PREP_USER_DATA;
  if (!app.isPackaged && testUserData !== undefined && testUserData !== '') app.setPath('userData', testUserData);
}

export function startApp(): void {
  chooseProfile();
  if (!app.requestSingleInstanceLock()) {
    // The first instance gets 'second-instance' with our argv and opens the file, if any.
    app.exit(0);
    return;
  }
  registerAppScheme();
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));

  const launches = new LaunchRequests(app.isPackaged);
  launches.listen(app, process.argv, process.cwd());

  void app
    .whenReady()
    .then(() => startShell(launches))
    .catch((e: unknown) => {
      // Never linger invisibly holding the single-instance lock: say what failed and leave.
      log(`start-up failed: ${(e as Error)?.stack ?? String(e)}`);
      dialog.showErrorBox('License Prep could not start', `${(e as Error)?.message ?? String(e)}\n\nCheck that your user folder can be written to, then start License Prep again.`);
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/** After ready: build each object once, in the order they depend on each other, then open the window. */
async function startShell(launches: LaunchRequests): Promise<void> {
  hardenSession(session.defaultSession, log);
  const paths = appPaths(app.getAppPath());
  serveRenderer(paths.rendererDir);

  const userData = app.getPath('userData');
  await sweepOrphanTemps(userData, { olderThanMs: 0 });
  const progress = new ProgressStore(join(userData, 'progress'), { log });
  await progress.init();
  const recent = new RecentFiles({ file: join(userData, 'recent-files.json'), readFile: (p) => readFile(p), write: (p, bytes) => durableWrite(p, bytes), log });
  await recent.load();

  const handshake = new FlushHandshake(RENDERER_FLUSH_TIMEOUT_MS);
  const window = new MainWindow({
    preloadPath: paths.preload,
    devTools: !app.isPackaged,
    title: APP_NAME,
    ...(process.platform === 'linux' ? { icon: paths.icon } : {}),
    handshake,
    afterRendererFlush: () => progress.flush(),
    resumeQuit: () => app.quit(),
    log,
  });

  const files = new FileService({
    dialogs: nativeDialogs(() => window.current()),
    io: nodeFileIo,
    registry: new FileRegistry(),
    onOpened: (path, purpose) => {
      if (purpose !== 'export') return;
      void recent.add(path);
      app.addRecentDocument(path);
    },
  });
  const opened = new OpenedFiles({
    files,
    window,
    forget: (path) => void recent.remove(path),
    exists: (path) => stat(path).then(
      () => true,
      () => false,
    ),
    showError: (detail) => {
      const options = { type: 'error' as const, title: 'Could Not Open the File', message: 'The file could not be opened.', detail };
      const parent = window.current();
      void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
    },
  });

  new AppMenu({
    appName: APP_NAME,
    isDev: !app.isPackaged,
    recent,
    sendCommand: (command) => window.send('onMenuCommand', command),
    openRecent: (path) => void opened.open(path),
    clearRecentDocuments: () => app.clearRecentDocuments(),
  }).install();

  registerAll(createRegistrar({ ipc: ipcMain, log }), channelHandlers({ files, progress, onFlushed: () => handshake.flushed() }));

  window.ensure();
  app.on('second-instance', () => window.focus());
  launches.deliverTo((path) => void opened.open(path));
  // macOS keeps running with no window: clicking the Dock icon opens one again.
  app.on('activate', () => window.ensure());

  let flushed = false;
  app.on('before-quit', (event) => {
    window.markQuitting();
    if (flushed) return;
    event.preventDefault();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, QUIT_FLUSH_TIMEOUT_MS));
    void Promise.race([Promise.allSettled([progress.flush(), recent.flush()]), timeout]).finally(() => {
      flushed = true;
      app.quit();
    });
  });
}
