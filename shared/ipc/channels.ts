// The IPC channel names (docs/architecture.md "IPC"): plain constants and payload guards with no zod, so the sandboxed
// preload stays tiny. Each table names a channel once; the preload's API, main's handler list and the
// e2e bridge check are all derived from these tables (and contract.ts's schemas).

/** Method name on `window.licensePrep` → channel: renderer → main requests the page makes itself. */
export const invokeChannels = {
  openFile: 'lp:file.open',
  saveFile: 'lp:file.save',
  listProgress: 'lp:progress.list',
  saveProgress: 'lp:progress.save',
  discardProgress: 'lp:progress.discard',
  /** The admin agreed to remove saved progress beyond the limit (listProgress names it). */
  pruneProgress: 'lp:progress.prune',
  /** The renderer's answer to a flush request: its pending edits are saved. */
  flushed: 'lp:app.flushed',
} as const;

/**
 * Requests the page can never fill in itself: the preload builds them from a real object the page hands
 * over. `adoptDroppedFile(file, …)` takes a dropped `File`; the preload resolves its path with
 * webUtils.getPathForFile, so no value made by page JavaScript can name a file.
 */
export const preloadChannels = {
  adoptDroppedFile: 'lp:file.adoptDropped',
} as const;

/** Subscription name on `window.licensePrep` → main → renderer event channel. */
export const eventChannels = {
  /** A native menu item was chosen: payload is one of `menuCommandNames`. */
  onMenuCommand: 'lp:menu.command',
  /** Main opened a file without the renderer asking (Open Recent, a second launch, macOS open-file): an OpenedFilePayload. */
  onOpenFile: 'lp:file.opened',
  /** The window is closing or the app quitting: save pending edits now, then answer with `flushed`. */
  onFlushRequest: 'lp:app.flush',
} as const;

export type InvokeMethod = keyof typeof invokeChannels;
export type InvokeChannel = (typeof invokeChannels)[InvokeMethod];
export type PreloadMethod = keyof typeof preloadChannels;
export type PreloadChannel = (typeof preloadChannels)[PreloadMethod];
/** Every renderer → main channel main answers. */
export type ContractChannel = InvokeChannel | PreloadChannel;
export type EventMethod = keyof typeof eventChannels;
export type EventChannel = (typeof eventChannels)[EventMethod];

export const menuCommandNames = ['open', 'openOriginal', 'save', 'exportReport', 'exportAnnotated', 'close', 'undo', 'redo', 'find', 'rules', 'about'] as const;
export type MenuCommandName = (typeof menuCommandNames)[number];

export function isMenuCommandName(value: unknown): value is MenuCommandName {
  return typeof value === 'string' && (menuCommandNames as readonly string[]).includes(value);
}

/** A file main opened by itself, as the renderer receives it (bytes, and a handle instead of the path). */
export interface OpenedFilePayload {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly handle: string;
}

export function isOpenedFilePayload(value: unknown): value is OpenedFilePayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && v.bytes instanceof Uint8Array && typeof v.handle === 'string' && /^[0-9a-f-]{36}$/.test(v.handle);
}

export interface EventPayloads {
  onMenuCommand: MenuCommandName;
  onOpenFile: OpenedFilePayload;
  onFlushRequest: null;
}

/** What the preload lets through to a subscriber: anything else main (or a bug) sends is dropped. */
export const eventPayloadGuards: { readonly [M in EventMethod]: (payload: unknown) => payload is EventPayloads[M] } = {
  onMenuCommand: isMenuCommandName,
  onOpenFile: isOpenedFilePayload,
  onFlushRequest: (payload: unknown): payload is null => payload === null,
};

/** Every key `window.licensePrep` has, sorted: one per invoke, preload-built and event channel. */
export function bridgeKeys(): string[] {
  return [...Object.keys(invokeChannels), ...Object.keys(preloadChannels), ...Object.keys(eventChannels)].sort();
}

/** Every channel this app uses starts with this; main refuses to register anything else. */
export const CHANNEL_PREFIX = 'lp:';
