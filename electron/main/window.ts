// The one window (README "Security"): 1280×800 (min 1024×700), shown when ready, hardened webPreferences,
// loading app://renderer/index.html. It owns what reaches the renderer: events wait until the page has
// loaded (a window is opened for them if there is none), and closing first lets the renderer save.
import { BrowserWindow } from 'electron';
import type { EventMethod, EventPayloads } from '../../shared/ipc/channels';
import { eventChannels } from '../../shared/ipc/channels';
import type { FlushHandshake } from './flushHandshake';
import { hardenWebContents } from './security/harden';
import { APP_ENTRY_URL } from './security/urls';
import { webPreferences } from './security/webPreferences';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly devTools: boolean;
  readonly title: string;
  readonly icon?: string;
  readonly handshake: FlushHandshake;
  /** After the renderer saved (or timed out): flush saved progress to disk before the window goes. */
  readonly afterRendererFlush: () => Promise<void>;
  /** Called when a close we delayed to save has finished while the app is quitting: resume the quit. */
  readonly resumeQuit: () => void;
  readonly log: (message: string) => void;
}

export function createBrowserWindow(options: { preloadPath: string; devTools: boolean; title: string; icon?: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: options.title,
    ...(options.icon === undefined ? {} : { icon: options.icon }),
    webPreferences: {
      ...webPreferences({ preloadPath: options.preloadPath, devTools: options.devTools }),
      // Repeated as literals so static checkers (electronegativity, eslint-plugin-electron-security) see them here.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

export class MainWindow {
  private win: BrowserWindow | null = null;
  private loaded = false;
  private quitting = false;
  private readonly waiting: { channel: string; payload: unknown }[] = [];

  constructor(private readonly options: MainWindowOptions) {}

  current(): BrowserWindow | null {
    return this.win;
  }

  /** Open the window unless it is open. */
  ensure(): void {
    if (this.win === null) this.open();
  }

  /** A second launch: bring the window forward. */
  focus(): void {
    if (this.win === null) return;
    if (this.win.isMinimized()) this.win.restore();
    this.win.focus();
  }

  /** From now on a close we delay to save ends in quitting. */
  markQuitting(): void {
    this.quitting = true;
  }

  /** Send an event to the renderer, now if its page has loaded, else once it has (opening the window if needed). */
  send<M extends EventMethod>(method: M, payload: EventPayloads[M]): void {
    const channel = eventChannels[method];
    if (this.win !== null && !this.win.isDestroyed() && this.loaded) {
      this.win.webContents.send(channel, payload);
      return;
    }
    this.waiting.push({ channel, payload });
    this.ensure();
  }

  private open(): void {
    const { preloadPath, devTools, title, icon } = this.options;
    const win = createBrowserWindow({ preloadPath, devTools, title, ...(icon === undefined ? {} : { icon }) });
    this.win = win;
    this.loaded = false;
    win.webContents.on('did-finish-load', () => {
      this.loaded = true;
      for (const { channel, payload } of this.waiting.splice(0)) win.webContents.send(channel, payload);
    });
    // Closing (or quitting) first lets the renderer save the edits its autosave is still holding.
    let closeReady = false;
    win.on('close', (event) => {
      if (closeReady || !this.loaded) return;
      event.preventDefault();
      void this.options.handshake
        .request(() => win.webContents.send(eventChannels.onFlushRequest, null))
        .then((outcome) => {
          if (outcome === 'timeout') this.options.log('the renderer did not confirm its last save before closing');
          return this.options.afterRendererFlush();
        })
        .catch((e: unknown) => this.options.log(`saving progress before closing failed: ${String(e)}`))
        .finally(() => {
          closeReady = true;
          if (!win.isDestroyed()) win.close();
          if (this.quitting) this.options.resumeQuit();
        });
    });
    win.on('closed', () => {
      if (this.win === win) {
        this.win = null;
        this.loaded = false;
      }
    });
  }
}
