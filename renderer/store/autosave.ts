// Saved progress (docs/formats.md "Saved progress"): at most a second after the first unsaved edit, and
// at once when the page hides, another file opens or the window closes. A save is asynchronous (IPC, or
// IndexedDB), and a page being reloaded or closed may not live to finish it: so when the page goes away
// with edits not yet durable, the rows changed since the last durable save are also handed to the
// platform synchronously (keepUnsavedProgress), to be merged into saved progress on the next start.
import { journalOf, journalOfRows } from '../../shared/index';
import { platform } from '../platform/index';
import { appStore, type OpenMigration } from './appStore';

const AUTOSAVE_DELAY_MS = 1000;

/** What is not durable yet for one open migration. */
interface Pending {
  readonly open: OpenMigration;
  /** Something changed since the last save started (cells, plan, "which user are you"). */
  dirty: boolean;
  /** 1 for each row whose cells changed since the last save started (a byte per row: a bulk edit of a million rows is a fill, not a million-entry set). */
  rows: Uint8Array;
  /** The rows of the save being written (durable only once it resolves), or null. */
  writing: Uint8Array | null;
  /** The saves of this migration, one after the other. */
  queue: Promise<void>;
  timer: ReturnType<typeof setTimeout> | null;
}

let pending: Pending | null = null;

function pendingFor(open: OpenMigration): Pending {
  if (pending === null || pending.open.progressId !== open.progressId || pending.open.session !== open.session) {
    pending = { open, dirty: false, rows: new Uint8Array(open.session.rowCount), writing: null, queue: Promise.resolve(), timer: null };
  }
  return pending;
}

/** The open migration changed (`rows`: rows whose cells changed): saved at most AUTOSAVE_DELAY_MS later, however fast edits keep coming. */
export function noteChanged(rows: readonly number[] = []): void {
  const open = appStore.getState().open;
  if (!open) return;
  const p = pendingFor(open);
  p.dirty = true;
  const marks = p.rows;
  for (let i = 0; i < rows.length; i++) marks[rows[i]] = 1;
  if (p.timer !== null) return;
  p.timer = setTimeout(() => {
    p.timer = null;
    void save(p);
  }, AUTOSAVE_DELAY_MS);
}

/** Save pending edits now (on hide, before another file, before the window closes); resolves when written. */
export function flushAutosave(): Promise<void> {
  const p = pending;
  if (p === null) return Promise.resolve();
  if (p.timer !== null) {
    clearTimeout(p.timer);
    p.timer = null;
  }
  return save(p);
}

/** One save of `p`'s migration, after the ones before it; a failure puts its rows back as not saved. */
function save(p: Pending): Promise<void> {
  p.queue = p.queue.then(async () => {
    if (!p.dirty) return;
    const { open } = p;
    const at = new Date().toISOString();
    p.dirty = false;
    p.writing = p.rows;
    p.rows = new Uint8Array(p.rows.length);
    try {
      await platform().saveProgress(open.progressId, journalOf(open.session, open.source, at, open.originalFile));
      p.writing = null;
      platform().forgetUnsavedProgress?.(open.progressId);
      if (appStore.getState().open === open) appStore.setState({ lastSavedAt: at });
    } catch (e) {
      const failed = p.writing;
      if (failed !== null) for (let r = 0; r < failed.length; r++) p.rows[r] |= failed[r];
      p.writing = null;
      p.dirty = true;
      appStore.setState({ notice: { tone: 'error', text: `Progress could not be saved: ${(e as Error).message}` } });
    }
  });
  return p.queue;
}

/**
 * The page is going away (pagehide): whatever is not durable yet is handed to the platform synchronously,
 * and a save is started too (it may or may not finish before the page is gone).
 */
export function keepUnsavedNow(): void {
  const p = pending;
  if (p === null || (!p.dirty && p.writing === null)) return;
  const { open } = p;
  platform().keepUnsavedProgress?.(open.progressId, journalOfRows(open.session, open.source, marked(p.rows, p.writing), new Date().toISOString(), open.originalFile));
  void flushAutosave();
}

/** The rows marked in either byte map. */
function* marked(rows: Uint8Array, writing: Uint8Array | null): Generator<number> {
  for (let r = 0; r < rows.length; r++) if (rows[r] === 1 || (writing !== null && writing[r] === 1)) yield r;
}
