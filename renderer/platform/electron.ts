// The Platform over the Electron bridge (docs/architecture.md "IPC"): the only renderer file that touches
// window.licensePrep. Unwraps IPC results; files main opens by itself arrive through onOpenFile.
import type { MenuCommandName } from '../../shared/ipc/channels';
import type { IpcResult, LicensePrepApi } from '../../shared/ipc/contract';
import type { FilePurpose, MenuCommand, PickedFile, Platform, SaveOutcome, SavedProgressEntry } from './platform';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    readonly licensePrep?: LicensePrepApi;
  }
}

// The renderer's command names and the contract's must be the same set.
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const menuCommandsMatch: SameSet<MenuCommand, MenuCommandName> = true;
void menuCommandsMatch;

/** A file main opened before the app subscribed is kept until it does (only the newest: each open replaces the last). */
const MAX_WAITING_FILES = 1;

export interface ElectronPlatform extends Platform {
  readonly kind: 'electron';
  onOpenFile(handler: (file: PickedFile) => void): () => void;
  /** A handle for a dropped file whose bytes the renderer read (recent files, overwrite protection); null when unknown. */
  handleForDroppedFile(file: File, bytes: Uint8Array, purpose: FilePurpose): Promise<string | null>;
  olderSavedProgress(): Promise<readonly { readonly id: string; readonly savedAt: string }[]>;
  pruneSavedProgress(ids: readonly string[]): Promise<number>;
}

export function isElectron(): boolean {
  return typeof window !== 'undefined' && window.licensePrep !== undefined;
}

function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new Error(result.error.message);
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createElectronPlatform(): ElectronPlatform {
  const api = window.licensePrep;
  if (api === undefined) throw new Error('The License Prep bridge is missing: this is not the desktop app.');

  const menuHandlers = new Set<(command: MenuCommand) => void>();
  const openHandlers = new Set<(file: PickedFile) => void>();
  const waitingFiles: PickedFile[] = [];

  // Subscribed at once (before React mounts), so a file main sends as soon as the page loads is not lost.
  api.onMenuCommand((command) => {
    for (const handler of [...menuHandlers]) handler(command);
  });
  api.onOpenFile((file) => {
    const picked: PickedFile = { name: file.name, bytes: file.bytes, handle: file.handle };
    if (openHandlers.size === 0) {
      waitingFiles.push(picked);
      waitingFiles.splice(0, Math.max(0, waitingFiles.length - MAX_WAITING_FILES));
      return;
    }
    for (const handler of [...openHandlers]) handler(picked);
  });

  return {
    kind: 'electron',

    async pickFile(purpose) {
      return unwrap(await api.openFile({ purpose }));
    },

    async saveFile(request): Promise<SaveOutcome> {
      const sourceHandle = typeof request.sourceHandle === 'string' && /^[0-9a-f-]{36}$/.test(request.sourceHandle) ? request.sourceHandle : null;
      const result = await api.saveFile({ purpose: request.purpose, suggestedName: request.suggestedName, bytes: request.bytes, sourceHandle });
      return result.ok ? result.value : { ok: false, canceled: false, message: result.error.message };
    },

    async listProgress(): Promise<SavedProgressEntry[]> {
      return unwrap(await api.listProgress()).entries;
    },

    async olderSavedProgress() {
      return unwrap(await api.listProgress()).beyondLimit;
    },

    async pruneSavedProgress(ids) {
      return unwrap(await api.pruneProgress({ ids: [...ids] })).removed;
    },

    async saveProgress(id, journal) {
      unwrap(await api.saveProgress({ id, journal }));
    },

    async discardProgress(id) {
      unwrap(await api.discardProgress({ id }));
    },

    onFlushRequest(save) {
      // Answer even when the save failed: main must not wait forever; the failure was already shown.
      return api.onFlushRequest(() => void save().finally(() => void api.flushed()));
    },

    onMenuCommand(handler) {
      menuHandlers.add(handler);
      return () => {
        menuHandlers.delete(handler);
      };
    },

    onOpenFile(handler) {
      openHandlers.add(handler);
      const waiting = waitingFiles.splice(0);
      if (waiting.length > 0) queueMicrotask(() => waiting.forEach((file) => handler(file)));
      return () => {
        openHandlers.delete(handler);
      };
    },

    async handleForDroppedFile(file, bytes, purpose) {
      // The preload resolves the File's path itself; this side only says what it read.
      const result = await api.adoptDroppedFile(file, { purpose, sha256: await sha256Hex(bytes) });
      return result.ok ? result.value : null;
    },

    sha256: sha256Hex,
  };
}
