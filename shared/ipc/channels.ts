// The IPC channel names (STYLE.md "IPC"): plain constants with no zod, so the sandboxed preload stays tiny.
// Invoke channels are renderer → main requests; event channels are main → renderer notifications.

/** Method name on `window.licensePrep` → channel. One entry per channel, `lp:<noun>.<verb>`. */
export const invokeChannels = {
  openFile: 'lp:file.open',
  saveFile: 'lp:file.save',
  adoptDroppedFile: 'lp:file.adoptDropped',
  listProgress: 'lp:progress.list',
  saveProgress: 'lp:progress.save',
  discardProgress: 'lp:progress.discard',
  /** The renderer's answer to a flush request: its pending edits are saved. */
  flushed: 'lp:app.flushed',
} as const;

export const eventChannels = {
  /** A native menu item was chosen: payload is one of `menuCommandNames`. */
  menuCommand: 'lp:menu.command',
  /** Main opened a file without a dialog (Open Recent, a second launch with a CSV): payload is an IncomingFile. */
  incomingFile: 'lp:file.incoming',
  /** The window is closing or the app quitting: save pending edits now, then answer with `flushed`. */
  flushRequest: 'lp:app.flush',
} as const;

export type InvokeMethod = keyof typeof invokeChannels;
export type InvokeChannel = (typeof invokeChannels)[InvokeMethod];
export type EventChannel = (typeof eventChannels)[keyof typeof eventChannels];

export const menuCommandNames = ['open', 'openOriginal', 'save', 'exportReport', 'exportAnnotated', 'close', 'undo', 'redo', 'find', 'rules', 'about'] as const;
export type MenuCommandName = (typeof menuCommandNames)[number];

export function isMenuCommandName(value: unknown): value is MenuCommandName {
  return typeof value === 'string' && (menuCommandNames as readonly string[]).includes(value);
}

/** Every channel this app uses starts with this; main refuses to register anything else. */
export const CHANNEL_PREFIX = 'lp:';
