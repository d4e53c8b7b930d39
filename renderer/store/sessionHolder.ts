// The open migration lives here, outside React state (STYLE.md "The data path"): the store keeps
// only what the screen shows, and listeners hear which rows changed so the grid updates just those.
import type { MigrationSession, SourceInfo } from '../../shared/index';

export interface OpenedFile {
  readonly session: MigrationSession;
  readonly name: string;
  readonly handle: string | null;
  readonly source: SourceInfo;
  /** Key of the saved progress in the platform's store. */
  readonly progressId: string;
  readonly originalName: string | null;
}

let opened: OpenedFile | null = null;

export const openedFile = (): OpenedFile | null => opened;
export const currentSession = (): MigrationSession | null => opened?.session ?? null;

export function setOpenedFile(file: OpenedFile | null): void {
  opened = file;
}

/** Rows whose cells changed; 'all' after a plan change or a new file. */
export type RowsChanged = readonly number[] | 'all';
type Listener = (rows: RowsChanged) => void;
const listeners = new Set<Listener>();

export function onRowsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitRowsChanged(rows: RowsChanged): void {
  for (const listener of listeners) listener(rows);
}
