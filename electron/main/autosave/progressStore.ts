// Saved progress on disk (docs/reliability.md "Saved progress"): <dir>/<id>/current.json and previous.json,
// written with durableWrite, zod-validated on load; a damaged current falls back to the previous
// generation with a note and is kept aside as current.json.corrupt-<timestamp>.
import { basename, join } from 'node:path';
import { parseJournal, type Journal } from '../../../shared/migration/journal';
import { MAX_LISTED_PROGRESS, progressIdSchema } from '../../../shared/ipc/contract';
import { durableWrite, sweepOrphanTemps } from '../../files/durableWrite';
import { nodeProgressFs, type ProgressFs } from './progressFs';

export const CURRENT_FILE = 'current.json';
export const PREVIOUS_FILE = 'previous.json';

/**
 * Limits (docs/reliability.md "Saved progress"): a journal file larger than this is neither written nor read (a 1,000,000-user
 * migration with every row assigned is about 70 MB); at most this many saved migrations exist at once —
 * beyond MAX_LISTED_PROGRESS they are listed by name and removed only when the admin agrees.
 */
export const MAX_JOURNAL_BYTES = 128 * 1024 * 1024;
export const MAX_SAVED_PROGRESS = 200;

export interface OlderProgress {
  readonly id: string;
  readonly savedAt: string;
}

export interface ProgressListing {
  /** The newest MAX_LISTED_PROGRESS, loaded: offered for resume. */
  readonly entries: SavedProgress[];
  /** Older ones, not loaded: the UI may ask the admin to remove them (prune). */
  readonly beyondLimit: OlderProgress[];
}

export type LoadOutcome = { kind: 'ok'; journal: Journal; note: string | null } | { kind: 'none'; note: string | null };

export interface SavedProgress {
  readonly id: string;
  readonly journal: Journal;
  readonly note: string | null;
}

type Generation = { state: 'missing' } | { state: 'valid'; journal: Journal } | { state: 'invalid'; reason: string };

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

export function encodeJournal(journal: Journal): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(journal)}\n`);
}

export function decodeJournal(bytes: Uint8Array): { ok: true; value: Journal } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return { ok: false, error: `not readable JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  return parseJournal(value);
}

export class ProgressStore {
  private readonly fs: ProgressFs;
  private readonly now: () => Date;
  private readonly log: (message: string) => void;
  /** The current.json each id had after our own last write (size, mtime): trusted without re-reading. */
  private readonly written = new Map<string, { size: number; mtimeMs: number }>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly maxJournalBytes: number;
  private readonly maxSaved: number;

  constructor(
    private readonly dir: string,
    options: { fs?: ProgressFs; now?: () => Date; log?: (message: string) => void; limits?: { journalBytes?: number; saved?: number } } = {},
  ) {
    this.maxJournalBytes = options.limits?.journalBytes ?? MAX_JOURNAL_BYTES;
    this.maxSaved = options.limits?.saved ?? MAX_SAVED_PROGRESS;
    this.fs = options.fs ?? nodeProgressFs;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
  }

  /** Create the folder and sweep temp files a killed process left (we hold the single-instance lock). */
  async init(): Promise<void> {
    await this.fs.mkdir(this.dir);
    await sweepOrphanTemps(this.dir, { fs: this.fs, olderThanMs: 0 });
    for (const id of await this.ids()) {
      const removed = await sweepOrphanTemps(join(this.dir, id), { fs: this.fs, olderThanMs: 0 });
      if (removed.length > 0) this.log(`removed ${removed.length} unfinished autosave temp file(s) of ${id}`);
    }
  }

  async ids(): Promise<string[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.dir);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return [];
      throw e;
    }
    return names.filter((n) => progressIdSchema.safeParse(n).success).sort();
  }

  /** Every resumable piece of work, newest first. */
  async list(): Promise<SavedProgress[]> {
    return (await this.listing()).entries;
  }

  /**
   * The newest `limit` saved migrations, loaded (newest first), and the older ones by id and date only —
   * so however many folders there are, start-up reads and sends at most `limit` journals.
   */
  async listing(limit: number = MAX_LISTED_PROGRESS): Promise<ProgressListing> {
    const dated: { id: string; savedAt: number }[] = [];
    for (const id of await this.ids()) {
      const savedAt = await this.savedAt(id);
      if (savedAt !== null) dated.push({ id, savedAt });
    }
    dated.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : 1));
    const entries: SavedProgress[] = [];
    const beyondLimit: OlderProgress[] = [];
    for (const { id, savedAt } of dated) {
      if (entries.length >= limit) {
        beyondLimit.push({ id, savedAt: new Date(savedAt).toISOString() });
        continue;
      }
      const outcome = await this.load(id);
      if (outcome.kind === 'ok') entries.push({ id, journal: outcome.journal, note: outcome.note });
      else if (outcome.note !== null) this.log(outcome.note);
    }
    entries.sort((a, b) => (a.journal.updatedAt < b.journal.updatedAt ? 1 : a.journal.updatedAt > b.journal.updatedAt ? -1 : 0));
    return { entries, beyondLimit };
  }

  /** Remove the saved migrations the admin agreed to lose — only those still beyond the limit. */
  async prune(ids: readonly string[], limit: number = MAX_LISTED_PROGRESS): Promise<number> {
    const older = new Set((await this.listing(limit)).beyondLimit.map((o) => o.id));
    let removed = 0;
    for (const id of new Set(ids)) {
      if (!older.has(id)) continue;
      await this.discard(id);
      removed++;
    }
    return removed;
  }

  /** When the id's progress was last saved (its newest generation's mtime), or null when it has none. */
  private async savedAt(id: string): Promise<number | null> {
    for (const name of [CURRENT_FILE, PREVIOUS_FILE]) {
      try {
        return (await this.fs.stat(join(this.folder(id), name))).mtimeMs;
      } catch {
        /* try the other generation */
      }
    }
    return null;
  }

  load(id: string): Promise<LoadOutcome> {
    return this.enqueue(id, () => this.loadNow(id));
  }

  /** Durable when the promise resolves; writes of one id happen in call order. */
  save(id: string, journal: Journal): Promise<void> {
    const bytes = encodeJournal(journal);
    if (bytes.byteLength > this.maxJournalBytes) {
      return Promise.reject(new Error(`The progress of ${journal.source.name} is too large to save (${Math.ceil(bytes.byteLength / 1048576)} MB; the limit is ${Math.ceil(this.maxJournalBytes / 1048576)} MB).`));
    }
    return this.enqueue(id, async () => {
      if (!this.written.has(id)) {
        const ids = await this.ids();
        if (!ids.includes(id) && ids.length >= this.maxSaved) {
          throw new Error(`There are already ${this.maxSaved} saved migrations: remove older ones on the Open screen, then your progress is saved again.`);
        }
      }
      await this.writeGeneration(id, bytes);
    });
  }

  discard(id: string): Promise<void> {
    return this.enqueue(id, async () => {
      this.written.delete(id);
      await this.fs.rmTree(this.folder(id));
    });
  }

  /** Wait for every save and discard asked for so far (app quit). */
  async flush(): Promise<void> {
    for (;;) {
      const pending = [...this.queues.values()];
      await Promise.allSettled(pending);
      if ([...this.queues.values()].every((p) => pending.includes(p))) return;
    }
  }

  private folder(id: string): string {
    if (!progressIdSchema.safeParse(id).success) throw new Error(`not a progress id: ${id}`);
    return join(this.dir, id);
  }

  private enqueue<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return next;
  }

  private async readGeneration(path: string): Promise<Generation> {
    let bytes: Uint8Array;
    try {
      const { size } = await this.fs.stat(path);
      if (size > this.maxJournalBytes) return { state: 'invalid', reason: `too large to be saved progress (${Math.ceil(size / 1048576)} MB)` };
      bytes = await this.fs.readFile(path);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return { state: 'missing' };
      throw e;
    }
    const decoded = decodeJournal(bytes);
    return decoded.ok ? { state: 'valid', journal: decoded.value } : { state: 'invalid', reason: decoded.error };
  }

  /** Rename a damaged file to <name>.corrupt-<timestamp> so it is kept but never read again. */
  private async keepAside(path: string): Promise<string> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    for (let n = 0; ; n++) {
      const aside = `${path}.corrupt-${stamp}${n === 0 ? '' : `-${n}`}`;
      const taken = await this.fs.stat(aside).then(
        () => true,
        () => false,
      );
      if (taken) continue;
      await this.fs.rename(path, aside);
      return aside;
    }
  }

  private async loadNow(id: string): Promise<LoadOutcome> {
    const folder = this.folder(id);
    const currentPath = join(folder, CURRENT_FILE);
    const previousPath = join(folder, PREVIOUS_FILE);
    const current = await this.readGeneration(currentPath);
    if (current.state === 'valid') {
      const st = await this.fs.stat(currentPath);
      this.written.set(id, { size: st.size, mtimeMs: st.mtimeMs });
      return { kind: 'ok', journal: current.journal, note: null };
    }
    this.written.delete(id);
    const previous = await this.readGeneration(previousPath);
    if (current.state === 'missing') {
      // An interrupted save (rotation done, new current not yet in place): previous is the last completed save.
      if (previous.state === 'valid') return { kind: 'ok', journal: previous.journal, note: null };
      if (previous.state === 'missing') return { kind: 'none', note: null };
      const aside = await this.keepAside(previousPath);
      return { kind: 'none', note: `The saved progress ${id} was damaged and could not be used (${previous.reason}); it was kept as ${basename(aside)}.` };
    }
    const aside = await this.keepAside(currentPath);
    this.log(`autosave ${id}: current generation unreadable (${current.reason}); kept as ${aside}`);
    if (previous.state === 'valid') {
      const name = previous.journal.source.name;
      return {
        kind: 'ok',
        journal: previous.journal,
        note: `The latest autosave of ${name} was damaged, so the one before it (saved ${previous.journal.updatedAt}) was restored: the last edits may be missing. The damaged file was kept as ${basename(aside)}.`,
      };
    }
    if (previous.state === 'invalid') await this.keepAside(previousPath);
    return { kind: 'none', note: `The saved progress ${id} was damaged and could not be used (${current.reason}); it was kept as ${basename(aside)}.` };
  }

  /** previous ← current (only if current is a good journal), then current ← bytes, durably. */
  private async writeGeneration(id: string, bytes: Uint8Array): Promise<void> {
    const folder = this.folder(id);
    await this.fs.mkdir(folder);
    const currentPath = join(folder, CURRENT_FILE);
    const currentStat = await this.fs.stat(currentPath).catch((e: unknown) => {
      if (errorCode(e) === 'ENOENT') return null;
      throw e;
    });
    if (currentStat !== null) {
      const ours = this.written.get(id);
      const trusted = ours !== undefined && ours.size === currentStat.size && ours.mtimeMs === currentStat.mtimeMs;
      const good = trusted || (await this.readGeneration(currentPath)).state === 'valid';
      if (good) await this.fs.rename(currentPath, join(folder, PREVIOUS_FILE));
      else await this.keepAside(currentPath);
    }
    this.written.delete(id);
    await durableWrite(currentPath, bytes, { fs: this.fs });
    const st = await this.fs.stat(currentPath);
    this.written.set(id, { size: st.size, mtimeMs: st.mtimeMs });
  }
}
