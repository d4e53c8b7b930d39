// The app's lifecycle (issue 3 items 1–4): one instance, one hardened window, IPC, menus, recent files,
// autosave flushed before quitting. Logic lives in the plain modules beside this file; this only wires.
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { eventChannels, type MenuCommandName } from '../../shared/ipc/channels';
import type { IncomingFile } from '../../shared/ipc/contract';
import { durableWrite, sweepOrphanTemps } from '../files/durableWrite';
import { ProgressStore } from './autosave/progressStore';
import { csvPathFromArgv } from './cliMode';
import { FlushHandshake } from './flushHandshake';
import { FileRegistry } from './files/fileRegistry';
import { FileProblem, FileService } from './files/fileService';
import { nativeDialogs } from './files/nativeDialogs';
import { RecentFiles } from './files/recentFiles';
import { registerIpcHandlers } from './ipc/handlers';
import { createRegistrar } from './ipc/registerHandler';
import { buildMenuTemplate } from './menu';
import { appPaths } from './paths';
import { hardenSession, hardenWebContents } from './security/harden';
import { forbiddenSwitches } from './security/switches';
import { createMainWindow, registerAppScheme, serveRenderer } from './window';

const APP_NAME = 'License Prep';
/** Longest we hold up quitting for autosaves still being written. */
const QUIT_FLUSH_TIMEOUT_MS = 10_000;
/** How long a closing window waits for the renderer to confirm it saved its pending edits. */
const RENDERER_FLUSH_TIMEOUT_MS = 2000;

const log = (message: string) => {
  if (!app.isPackaged) process.stderr.write(`[license-prep] ${message}\n`);
};

export function startApp(): void {
  if (app.isPackaged) {
    const bad = forbiddenSwitches(process.argv);
    if (bad.length > 0) {
      process.stderr.write(`License Prep refuses to start with ${bad.join(', ')}.\n`);
      app.exit(1);
      return;
    }
  }
  if (!app.requestSingleInstanceLock()) {
    // The first instance gets 'second-instance' with our argv and opens the file, if any.
    app.exit(0);
    return;
  }

  app.setName(APP_NAME);
  // Tests (e2e/electron) isolate saved progress; never honoured in a packaged build.
  const testUserData = process.env.LICENSE_PREP_USER_DATA;
  if (!app.isPackaged && testUserData !== undefined && testUserData !== '') app.setPath('userData', testUserData);
  registerAppScheme();
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));

  const paths = appPaths(app.getAppPath());
  let mainWindow: BrowserWindow | null = null;
  let rendererLoaded = false;
  /** Set once quitting began: a window that delayed its close to save resumes the quit afterwards. */
  let quitting = false;
  const waitingPaths: string[] = [];
  let openIncoming: (path: string) => void = (path) => void waitingPaths.push(path);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const path = csvPathFromArgv(argv, app.isPackaged, workingDirectory);
    if (path !== null) openIncoming(path);
  });
  // macOS: Finder "Open With", the Dock, and the Recent Documents menu.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openIncoming(path);
  });
  const firstPath = csvPathFromArgv(process.argv, app.isPackaged, process.cwd());
  if (firstPath !== null) waitingPaths.push(firstPath);

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, log);
    serveRenderer(paths.rendererDir);

    const userData = app.getPath('userData');
    await sweepOrphanTemps(userData, { olderThanMs: 0 });
    const progress = new ProgressStore(join(userData, 'progress'), { log });
    await progress.init();

    const sendToRenderer = (channel: string, payload: unknown) => {
      if (mainWindow && !mainWindow.isDestroyed() && rendererLoaded) mainWindow.webContents.send(channel, payload);
    };
    // macOS keeps running with no window: a menu command or an opened file then brings the window back.
    const waitingCommands: MenuCommandName[] = [];
    let ensureWindow: () => void = () => undefined;
    const sendCommand = (command: MenuCommandName) => {
      if (mainWindow && !mainWindow.isDestroyed() && rendererLoaded) sendToRenderer(eventChannels.menuCommand, command);
      else {
        waitingCommands.push(command);
        ensureWindow();
      }
    };

    let rebuildMenu: () => void = () => undefined;
    const recent = new RecentFiles({
      file: join(userData, 'recent-files.json'),
      readFile: (p) => readFile(p),
      write: (p, bytes) => durableWrite(p, bytes),
      onChange: () => rebuildMenu(),
      log,
    });
    await recent.load();

    const registry = new FileRegistry();
    const files = new FileService({
      dialogs: nativeDialogs(() => mainWindow),
      io: { stat: (p) => stat(p), readFile: async (p) => new Uint8Array(await readFile(p)), write: (p, bytes) => durableWrite(p, bytes) },
      registry,
      onOpened: (path, purpose) => {
        if (purpose !== 'export') return;
        void recent.add(path);
        app.addRecentDocument(path);
      },
    });

    openIncoming = (path: string) => {
      if (!rendererLoaded) {
        waitingPaths.push(path);
        ensureWindow();
        return;
      }
      files.openPath(path, 'export').then(
        (opened) => sendToRenderer(eventChannels.incomingFile, { name: opened.name, bytes: opened.bytes, handle: opened.handle } satisfies IncomingFile),
        (e: unknown) => {
          const message = e instanceof FileProblem ? e.message : `The file could not be opened: ${e instanceof Error ? e.message : String(e)}`;
          void stat(path).catch(() => recent.remove(path));
          const options = { type: 'error' as const, title: 'Could Not Open the File', message: 'The file could not be opened.', detail: message };
          void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
        },
      );
    };

    rebuildMenu = () => {
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            platform: process.platform,
            appName: APP_NAME,
            isDev: !app.isPackaged,
            recentFiles: recent.list(),
            send: sendCommand,
            openRecent: (path) => openIncoming(path),
            clearRecent: () => {
              void recent.clear();
              app.clearRecentDocuments();
            },
          }),
        ),
      );
    };
    rebuildMenu();

    const handshake = new FlushHandshake(RENDERER_FLUSH_TIMEOUT_MS);
    registerIpcHandlers(createRegistrar({ ipc: ipcMain, log }), { files, progress, onFlushed: () => handshake.flushed() });

    const openWindow = () => {
      rendererLoaded = false;
      const win = createMainWindow({ preloadPath: paths.preload, devTools: !app.isPackaged, title: APP_NAME, ...(process.platform === 'linux' ? { icon: paths.icon } : {}) });
      win.webContents.on('did-finish-load', () => {
        rendererLoaded = true;
        for (const path of waitingPaths.splice(0)) openIncoming(path);
        for (const command of waitingCommands.splice(0)) sendToRenderer(eventChannels.menuCommand, command);
      });
      // Closing (or quitting) first lets the renderer save the edits its autosave is still holding.
      let closeReady = false;
      win.on('close', (event) => {
        if (closeReady || !rendererLoaded) return;
        event.preventDefault();
        void handshake
          .request(() => win.webContents.send(eventChannels.flushRequest, null))
          .then((outcome) => {
            if (outcome === 'timeout') log('the renderer did not confirm its last save before closing');
            return progress.flush();
          })
          .catch((e: unknown) => log(`saving progress before closing failed: ${String(e)}`))
          .finally(() => {
            closeReady = true;
            if (!win.isDestroyed()) win.close();
            if (quitting) app.quit();
          });
      });
      win.on('closed', () => {
        if (mainWindow === win) mainWindow = null;
        rendererLoaded = false;
      });
      mainWindow = win;
    };
    ensureWindow = () => {
      if (mainWindow === null) openWindow();
    };
    openWindow();
    app.on('activate', () => {
      if (mainWindow === null) openWindow();
    });

    let flushed = false;
    app.on('before-quit', (event) => {
      quitting = true;
      if (flushed) return;
      event.preventDefault();
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, QUIT_FLUSH_TIMEOUT_MS));
      void Promise.race([Promise.allSettled([progress.flush(), recent.flush()]), timeout]).finally(() => {
        flushed = true;
        app.quit();
      });
    });
  }).catch((e: unknown) => {
    // Never linger invisibly holding the single-instance lock: say what failed and leave.
    log(`start-up failed: ${(e as Error)?.stack ?? String(e)}`);
    dialog.showErrorBox('License Prep could not start', `${(e as Error)?.message ?? String(e)}\n\nCheck that your user folder can be written to, then start License Prep again.`);
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
