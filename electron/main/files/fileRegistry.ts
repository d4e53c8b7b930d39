// Paths stay in main (docs/architecture.md "Files stay in main"): the renderer only ever holds an opaque token
// for a file main opened.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { sameFile, type FileIdentity } from '../../files/writeTarget';

export type RegisteredPurpose = 'export' | 'original' | 'plan';

interface Entry {
  readonly path: string;
  readonly purpose: RegisteredPurpose;
  /** Device and inode when opened: the same file under another name (a link, a bind mount) is still it. */
  readonly identity: FileIdentity | null;
}

/** Compare paths as the OS does: case-insensitively on Windows and macOS (default file systems). */
export function samePath(a: string, b: string, platform: NodeJS.Platform = process.platform): boolean {
  const norm = (p: string) => {
    const r = resolve(p);
    return platform === 'win32' || platform === 'darwin' ? r.toLowerCase() : r;
  };
  return norm(a) === norm(b);
}

export class FileRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: { maxEntries?: number; platform?: NodeJS.Platform; newToken?: () => string } = {},
  ) {}

  /** Remember a path main opened; returns the token the renderer may hold. */
  register(path: string, purpose: RegisteredPurpose, identity: FileIdentity | null = null): string {
    const token = (this.options.newToken ?? randomUUID)();
    this.entries.set(token, { path: resolve(path), purpose, identity });
    const max = this.options.maxEntries ?? 256;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return token;
  }

  pathOf(token: string | null | undefined): string | null {
    if (token === null || token === undefined) return null;
    return this.entries.get(token)?.path ?? null;
  }

  /**
   * Is `path` an export (or original) the admin opened — by its name, or by device and inode when
   * `identity` is known? Those are never overwritten without asking.
   */
  isSourcePath(path: string, identity: FileIdentity | null = null): boolean {
    for (const entry of this.entries.values()) {
      if (entry.purpose === 'plan') continue;
      if (samePath(entry.path, path, this.options.platform)) return true;
      if (identity !== null && entry.identity !== null && sameFile(entry.identity, identity)) return true;
    }
    return false;
  }

  /** The exports and originals the admin opened (a save must not replace them unless confirmed). */
  sourcePaths(): string[] {
    return [...new Set([...this.entries.values()].filter((e) => e.purpose !== 'plan').map((e) => e.path))];
  }
}
