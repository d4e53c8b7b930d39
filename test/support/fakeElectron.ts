// A stand-in for the `electron` module that records every call, so the BUILT main and preload bundles can
// be loaded under plain Node (no Electron binary here). Bundled by electron/main/boot.test.ts as
// node_modules/electron of a temporary app folder; bootHarness.ts drives it and writes what it recorded.
// It behaves like Electron where order matters: enableSandbox and registerSchemesAsPrivileged throw after
// ready, protocol.handle throws before it, and 'ready' comes only after the main script has run.

type Listener = (...args: unknown[]) => unknown;

export interface Recorded {
  calls: string[];
  errors: string[];
  windows: { options: Record<string, unknown>; loadedUrl: string | null; sent: { channel: string; payload: unknown }[] }[];
  handled: string[];
  exposed: { key: string; api: Record<string, unknown> } | null;
  exitCode: number | null;
  stderr: string;
  stdout: string;
}

export const record: Recorded = { calls: [], errors: [], windows: [], handled: [], exposed: null, exitCode: null, stderr: '', stdout: '' };
const call = (name: string) => void record.calls.push(name);
const env = process.env;

let ready = false;
let resolveReady: () => void = () => undefined;
const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
const appListeners = new Map<string, Listener[]>();
export const ipcHandlers = new Map<string, Listener>();
export let protocolHandler: ((request: Request) => Promise<Response>) | null = null;
export let onExit: (code: number) => void = () => undefined;
export function setOnExit(handler: (code: number) => void): void {
  onExit = handler;
}

/** Fire 'ready' once the main script has finished its first run, as Electron does. */
export function becomeReady(): void {
  if (ready) return;
  ready = true;
  call('ready');
  emitApp('ready');
  resolveReady();
}

export function emitApp(event: string, ...args: unknown[]): void {
  for (const listener of appListeners.get(event) ?? []) listener(...args);
}

function guardBeforeReady(name: string): void {
  if (ready) {
    record.errors.push(`${name} called after ready`);
    throw new Error(`${name}() can only be called before app is ready`);
  }
}

export const app = {
  isPackaged: env.FAKE_ELECTRON_PACKAGED === '1',
  dock: undefined,
  setName: (name: string) => call(`app.setName ${name}`),
  getName: () => 'License Prep',
  setPath: (name: string, value: string) => call(`app.setPath ${name} ${value}`),
  getPath: (name: string) => {
    if (name === 'userData') return env.FAKE_ELECTRON_USER_DATA ?? '/nonexistent';
    return env.FAKE_ELECTRON_USER_DATA ?? '/nonexistent';
  },
  getAppPath: () => env.FAKE_ELECTRON_APP_PATH ?? process.cwd(),
  requestSingleInstanceLock: () => (call('app.requestSingleInstanceLock'), true),
  enableSandbox: () => (guardBeforeReady('app.enableSandbox'), call('app.enableSandbox')),
  isReady: () => ready,
  whenReady: () => readyPromise,
  on: (event: string, listener: Listener) => {
    call(`app.on ${event}`);
    appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
    return app;
  },
  exit: (code = 0) => {
    call(`app.exit ${code}`);
    record.exitCode = code;
    onExit(code);
  },
  quit: () => call('app.quit'),
  addRecentDocument: (path: string) => call(`app.addRecentDocument ${path}`),
  clearRecentDocuments: () => call('app.clearRecentDocuments'),
};

class FakeWebContents {
  private readonly listeners = new Map<string, Listener[]>();
  constructor(private readonly window: (typeof record.windows)[number]) {}
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  send(channel: string, payload: unknown) {
    this.window.sent.push({ channel, payload });
  }
  setWindowOpenHandler() {
    call('webContents.setWindowOpenHandler');
  }
  isDestroyed() {
    return false;
  }
}

export const windows: FakeBrowserWindow[] = [];

export class FakeBrowserWindow {
  readonly webContents: FakeWebContents;
  readonly recorded: (typeof record.windows)[number];
  private readonly listeners = new Map<string, Listener[]>();
  constructor(options: Record<string, unknown>) {
    if (!ready) record.errors.push('BrowserWindow created before ready');
    call('new BrowserWindow');
    this.recorded = { options, loadedUrl: null, sent: [] };
    record.windows.push(this.recorded);
    this.webContents = new FakeWebContents(this.recorded);
    windows.push(this);
    emitApp('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return windows;
  }
  loadURL(url: string) {
    call(`loadURL ${url}`);
    this.recorded.loadedUrl = url;
    return Promise.resolve();
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  show() {
    call('window.show');
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {
    call('window.focus');
  }
  close() {
    call('window.close');
  }
}

export const BrowserWindow = FakeBrowserWindow;

export const protocol = {
  registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => {
    guardBeforeReady('protocol.registerSchemesAsPrivileged');
    call(`protocol.registerSchemesAsPrivileged ${JSON.stringify(schemes)}`);
  },
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
    if (!ready) record.errors.push('protocol.handle called before ready');
    call(`protocol.handle ${scheme}`);
    protocolHandler = handler;
  },
};

const webRequest = { onBeforeRequest: () => call('session.webRequest.onBeforeRequest') };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => call('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: () => call('session.setPermissionCheckHandler'),
    setDevicePermissionHandler: () => call('session.setDevicePermissionHandler'),
    setDisplayMediaRequestHandler: () => call('session.setDisplayMediaRequestHandler'),
    webRequest,
  },
};

export const ipcMain = {
  handle: (channel: string, handler: Listener) => {
    if (ipcHandlers.has(channel)) record.errors.push(`ipcMain.handle ${channel} twice`);
    call(`ipcMain.handle ${channel}`);
    record.handled.push(channel);
    ipcHandlers.set(channel, handler);
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu: () => call('Menu.setApplicationMenu'),
};

export const dialog = {
  showErrorBox: (title: string, content: string) => call(`dialog.showErrorBox ${title}: ${content}`),
  showMessageBox: async (...args: unknown[]) => (call(`dialog.showMessageBox ${JSON.stringify(args[args.length - 1]).slice(0, 200)}`), { response: 0 }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
};

// ---- the preload's side ----
export const contextBridge = {
  exposeInMainWorld: (key: string, api: Record<string, unknown>) => {
    call(`contextBridge.exposeInMainWorld ${key}`);
    record.exposed = { key, api };
  },
};

export const rendererInvocations: unknown[][] = [];
export const ipcRenderer = {
  invoke: async (...args: unknown[]) => (rendererInvocations.push(args), { ok: true, value: null }),
  on: (channel: string) => call(`ipcRenderer.on ${channel}`),
  removeListener: () => undefined,
};

/** Files "dropped" in the fake renderer: only these have a path. */
export const droppedPaths = new WeakMap<object, string>();
export const webUtils = {
  getPathForFile: (file: unknown) => {
    if (!(file instanceof File)) throw new TypeError('getPathForFile expects a File');
    return droppedPaths.get(file) ?? '';
  },
};
