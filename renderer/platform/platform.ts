// Where files and saved progress come from: the Electron bridge in the app, the browser otherwise
// (Tad's Transport idea, docs/architecture.md "Layers"). Components never know which one they run on.
import type { Journal } from '../../shared/index';

export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Opaque handle the platform can save next to / over (Electron: a main-process token). */
  readonly handle?: string | null;
}

export type FilePurpose = 'export' | 'original' | 'plan';
export type SavePurpose = 'clean' | 'report' | 'annotated' | 'plan';

export type SaveOutcome =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly canceled: true }
  | { readonly ok: false; readonly canceled: false; readonly message: string };

export interface SavedProgressEntry {
  readonly id: string;
  readonly journal: Journal;
  /** Set when the current generation was unreadable and the previous one was used. */
  readonly note?: string | null;
}

export type MenuCommand = 'open' | 'openOriginal' | 'save' | 'exportReport' | 'exportAnnotated' | 'close' | 'undo' | 'redo' | 'find' | 'rules' | 'about';

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Ask the user for a file; null when they cancel. */
  pickFile(purpose: FilePurpose): Promise<PickedFile | null>;
  /** Ask where to save (or save as a download) `bytes`; `sourceHandle` lets the platform refuse to overwrite the export silently. */
  saveFile(request: { readonly purpose: SavePurpose; readonly suggestedName: string; readonly bytes: Uint8Array; readonly sourceHandle?: string | null }): Promise<SaveOutcome>;
  listProgress(): Promise<SavedProgressEntry[]>;
  /** Debounced by the caller; must be durable when the promise resolves. */
  saveProgress(id: string, journal: Journal): Promise<void>;
  discardProgress(id: string): Promise<void>;
  /**
   * The page is unloading with edits not durable yet: keep `journal` (the rows changed since the last
   * durable save, see journalOfRows) synchronously; it is merged into saved progress `id` on the next
   * start. Only where a save cannot be trusted to finish while the page unloads (the browser).
   */
  keepUnsavedProgress?(id: string, journal: Journal): void;
  /** A save of `id` completed: what keepUnsavedProgress kept for it is no longer needed. */
  forgetUnsavedProgress?(id: string): void;
  /** Native menu commands (Electron); the browser adapter wires keyboard shortcuts instead. Returns an unsubscribe. */
  onMenuCommand(handler: (command: MenuCommand) => void): () => void;
  sha256(bytes: Uint8Array): Promise<string>;
  /** A handle for a file dropped on the window (Electron: recent files, overwrite protection); absent in a browser. */
  handleForDroppedFile?(file: File, bytes: Uint8Array, purpose: FilePurpose): Promise<string | null>;
  /** Electron: the window is closing or the app quitting; `save` writes pending edits, then main may close. */
  onFlushRequest?(save: () => Promise<void>): () => void;
  /** Electron: a file main opened by itself (Open Recent, a second launch, macOS "Open With"). Returns an unsubscribe. */
  onOpenFile?(handler: (file: PickedFile) => void): () => void;
  /** Electron: saved progress beyond the newest ones listed (not loaded); remove it only when the admin agrees. */
  olderSavedProgress?(): Promise<readonly { readonly id: string; readonly savedAt: string }[]>;
  pruneSavedProgress?(ids: readonly string[]): Promise<number>;
}
