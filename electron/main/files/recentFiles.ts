// Recent files (docs/architecture.md "The main process"): a short list in userData/recent-files.json, zod-validated on load,
// written with durableWrite; a damaged list is simply started afresh (it is a convenience, not work).
import { basename } from 'node:path';
import { z } from 'zod';
import { samePath } from './fileRegistry';

export const MAX_RECENT_FILES = 10;

export const recentFileSchema = z.strictObject({ path: z.string().min(1).max(4096), name: z.string(), openedAt: z.string() });
export const recentFilesSchema = z.strictObject({ version: z.literal(1), files: z.array(recentFileSchema).max(100) });

export type RecentFile = z.infer<typeof recentFileSchema>;

/** `list` with `path` moved (or added) to the front, without duplicates, at most `max` long. */
export function withRecent(list: readonly RecentFile[], path: string, openedAt: string, options: { max?: number; platform?: NodeJS.Platform } = {}): RecentFile[] {
  const rest = list.filter((f) => !samePath(f.path, path, options.platform));
  return [{ path, name: basename(path), openedAt }, ...rest].slice(0, options.max ?? MAX_RECENT_FILES);
}

export function withoutRecent(list: readonly RecentFile[], path: string, platform?: NodeJS.Platform): RecentFile[] {
  return list.filter((f) => !samePath(f.path, path, platform));
}

export function parseRecentFiles(bytes: Uint8Array | null): RecentFile[] {
  if (bytes === null) return [];
  try {
    const parsed = recentFilesSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    return parsed.success ? parsed.data.files.slice(0, MAX_RECENT_FILES) : [];
  } catch {
    return [];
  }
}

export function serializeRecentFiles(files: readonly RecentFile[]): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify({ version: 1, files }, null, 2)}\n`);
}

export class RecentFiles {
  private files: RecentFile[] = [];
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(files: readonly RecentFile[]) => void>();

  constructor(
    private readonly deps: {
      file: string;
      readFile: (path: string) => Promise<Uint8Array>;
      write: (path: string, bytes: Uint8Array) => Promise<void>;
      now?: () => Date;
      platform?: NodeJS.Platform;
      onChange?: (files: readonly RecentFile[]) => void;
      log?: (message: string) => void;
    },
  ) {}

  async load(): Promise<readonly RecentFile[]> {
    const bytes = await this.deps.readFile(this.deps.file).catch(() => null);
    this.files = parseRecentFiles(bytes);
    return this.files;
  }

  list(): readonly RecentFile[] {
    return this.files;
  }

  /** Be told of every change (the Open Recent menu); returns an unsubscribe. */
  subscribe(listener: (files: readonly RecentFile[]) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  add(path: string): Promise<void> {
    this.files = withRecent(this.files, path, (this.deps.now?.() ?? new Date()).toISOString(), { platform: this.deps.platform });
    return this.persist();
  }

  remove(path: string): Promise<void> {
    this.files = withoutRecent(this.files, path, this.deps.platform);
    return this.persist();
  }

  clear(): Promise<void> {
    this.files = [];
    return this.persist();
  }

  /** Resolves when every write asked for so far has finished. */
  flush(): Promise<void> {
    return this.writing;
  }

  private persist(): Promise<void> {
    const snapshot = this.files;
    this.deps.onChange?.(snapshot);
    for (const listener of [...this.listeners]) listener(snapshot);
    this.writing = this.writing.then(() =>
      this.deps.write(this.deps.file, serializeRecentFiles(snapshot)).catch((e: unknown) => {
        this.deps.log?.(`recent files not saved: ${e instanceof Error ? e.message : String(e)}`);
      }),
    );
    return this.writing;
  }
}
