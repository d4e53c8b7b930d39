// Saved progress on disk (RELIABILITY.md "Saved progress"): <dir>/<id>/current.json and previous.json,
// written with durableWrite, zod-validated on load; a damaged current falls back to the previous
// generation with a note and is kept aside as current.json.corrupt-<timestamp>.
import { basename, join } from 'node:path';
import { parseJournal, type Journal } from '../../../shared/migration/journal';
import { progressIdSchema } from '../../../shared/ipc/contract';
import { durableWrite, sweepOrphanTemps } from '../../files/durableWrite';
import { nodeProgressFs, type ProgressFs } from './progressFs';

export const CURRENT_FILE = 'current.json';
export const PREVIOUS_FILE = 'previous.json';

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

  constructor(
    private readonly dir: string,
    options: { fs?: ProgressFs; now?: () => Date; log?: (message: string) => void } = {},
  ) {
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
    const entries: SavedProgress[] = [];
    for (const id of await this.ids()) {
      const outcome = await this.load(id);
      if (outcome.kind === 'ok') entries.push({ id, journal: outcome.journal, note: outcome.note });
      else if (outcome.note !== null) this.log(outcome.note);
    }
    return entries.sort((a, b) => (a.journal.updatedAt < b.journal.updatedAt ? 1 : a.journal.updatedAt > b.journal.updatedAt ? -1 : 0));
  }

  load(id: string): Promise<LoadOutcome> {
    return this.enqueue(id, () => this.loadNow(id));
  }

  /** Durable when the promise resolves; writes of one id happen in call order. */
  save(id: string, journal: Journal): Promise<void> {
    const bytes = encodeJournal(journal);
    return this.enqueue(id, () => this.writeGeneration(id, bytes));
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
