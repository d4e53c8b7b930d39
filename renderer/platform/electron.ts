// The Platform over the Electron bridge (STYLE.md "IPC"): the only renderer file that touches
// window.licensePrep. Unwraps IPC results; files main opens by itself arrive as an 'open' command.
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

/** How long a file main opened (Open Recent, a second launch) waits for the app's Open flow to take it. */
const INCOMING_FILE_TTL_MS = 2 * 60 * 1000;

export interface ElectronPlatform extends Platform {
  readonly kind: 'electron';
  /**
   * Files main opened without a dialog (Open Recent, a CSV given to a second launch). Without a subscriber,
   * such a file is announced as the 'open' menu command and handed to the next pickFile('export').
   */
  onOpenFile(handler: (file: PickedFile) => void): () => void;
  /** A handle for a dropped file whose bytes the renderer read (recent files, overwrite protection); null when unknown. */
  handleForDroppedFile(file: File, bytes: Uint8Array, purpose: FilePurpose): Promise<string | null>;
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
  let incoming: { file: PickedFile; at: number } | null = null;
  const takeIncoming = (): PickedFile | null => {
    const waiting = incoming;
    incoming = null;
    return waiting !== null && Date.now() - waiting.at < INCOMING_FILE_TTL_MS ? waiting.file : null;
  };

  api.onMenuCommand((command) => {
    for (const handler of [...menuHandlers]) handler(command);
  });
  api.onIncomingFile((file) => {
    const picked: PickedFile = { name: file.name, bytes: file.bytes, handle: file.handle };
    if (openHandlers.size > 0) {
      for (const handler of [...openHandlers]) handler(picked);
      return;
    }
    incoming = { file: picked, at: Date.now() };
    for (const handler of [...menuHandlers]) handler('open');
  });

  return {
    kind: 'electron',

    async pickFile(purpose) {
      if (purpose === 'export') {
        const waiting = takeIncoming();
        if (waiting !== null) return waiting;
      }
      return unwrap(await api.openFile({ purpose }));
    },

    async saveFile(request): Promise<SaveOutcome> {
      const sourceHandle = typeof request.sourceHandle === 'string' && /^[0-9a-f-]{36}$/.test(request.sourceHandle) ? request.sourceHandle : null;
      const result = await api.saveFile({ purpose: request.purpose, suggestedName: request.suggestedName, bytes: request.bytes, sourceHandle });
      return result.ok ? result.value : { ok: false, canceled: false, message: result.error.message };
    },

    async listProgress(): Promise<SavedProgressEntry[]> {
      return unwrap(await api.listProgress());
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
      // A file main opened before the app was listening: announce it now.
      if (incoming !== null && openHandlers.size === 0) queueMicrotask(() => handler('open'));
      return () => {
        menuHandlers.delete(handler);
      };
    },

    onOpenFile(handler) {
      openHandlers.add(handler);
      const waiting = takeIncoming();
      if (waiting !== null) queueMicrotask(() => handler(waiting));
      return () => {
        openHandlers.delete(handler);
      };
    },

    async handleForDroppedFile(file, bytes, purpose) {
      const path = api.pathForDroppedFile(file);
      if (path === '') return null;
      const result = await api.adoptDroppedFile({ path, purpose, size: bytes.byteLength, sha256: await sha256Hex(bytes) });
      return result.ok ? result.value : null;
    },

    sha256: sha256Hex,
  };
}
