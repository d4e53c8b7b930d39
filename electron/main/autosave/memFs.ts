// An in-memory ProgressFs for tests: every completed call is durable, and `crashAt(n)` makes the n-th call
// and everything after it fail — a process killed mid-save, leaving whatever it had already done.
import { dirname } from 'node:path';
import type { DurableFileHandle, DurableStats } from '../../files/durableWrite';
import type { ProgressFs } from './progressFs';

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

export class CrashError extends Error {
  override readonly name = 'CrashError';
}

interface FileNode {
  bytes: Uint8Array;
  mtimeMs: number;
}

export class MemFs implements ProgressFs {
  readonly files = new Map<string, FileNode>();
  readonly dirs = new Set<string>(['/']);
  private clock = 1;
  private calls = 0;
  private crashAtCall = Infinity;
  dead = false;

  /** Make the n-th call from now (1 = the next one) throw, and every call after it. */
  crashAt(n: number): void {
    this.crashAtCall = this.calls + n;
  }

  /** Back to life (the next process). */
  revive(): void {
    this.dead = false;
    this.crashAtCall = Infinity;
  }

  private step(): void {
    this.calls++;
    if (this.dead || this.calls >= this.crashAtCall) {
      this.dead = true;
      throw new CrashError('the process was killed');
    }
  }

  /** Test-only write that bypasses crash accounting (simulating damage from outside). */
  poke(path: string, bytes: Uint8Array): void {
    this.files.set(path, { bytes, mtimeMs: ++this.clock });
  }

  names(dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const out = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p.startsWith(prefix) && p !== prefix) out.add(p.slice(prefix.length).split('/')[0]);
    }
    return [...out].sort();
  }

  async open(path: string, flags: string): Promise<DurableFileHandle> {
    this.step();
    if (!this.dirs.has(dirname(path))) throw fsError('ENOENT', path);
    if (flags.includes('x') && this.files.has(path)) throw fsError('EEXIST', path);
    const node: FileNode = { bytes: new Uint8Array(0), mtimeMs: ++this.clock };
    this.files.set(path, node);
    return {
      write: async (buffer, offset, length, position) => {
        this.step();
        const next = new Uint8Array(Math.max(node.bytes.length, position + length));
        next.set(node.bytes);
        next.set(buffer.subarray(offset, offset + length), position);
        node.bytes = next;
        node.mtimeMs = ++this.clock;
        return { bytesWritten: length };
      },
      sync: async () => this.step(),
      stat: async () => {
        this.step();
        return { size: node.bytes.length };
      },
      close: async () => this.step(),
    };
  }

  async rename(from: string, to: string): Promise<void> {
    this.step();
    const node = this.files.get(from);
    if (node === undefined) throw fsError('ENOENT', from);
    if (!this.dirs.has(dirname(to))) throw fsError('ENOENT', to);
    this.files.delete(from);
    this.files.set(to, node);
  }

  async unlink(path: string): Promise<void> {
    this.step();
    if (!this.files.delete(path)) throw fsError('ENOENT', path);
  }

  async fsyncDir(): Promise<void> {
    this.step();
  }

  async stat(path: string): Promise<DurableStats> {
    this.step();
    const node = this.files.get(path);
    if (node !== undefined) return { size: node.bytes.length, mtimeMs: node.mtimeMs, mode: 0o644, isFile: () => true };
    if (this.dirs.has(path)) return { size: 0, mtimeMs: 0, mode: 0o755, isFile: () => false };
    throw fsError('ENOENT', path);
  }

  async readdir(dir: string): Promise<string[]> {
    this.step();
    if (!this.dirs.has(dir)) throw fsError('ENOENT', dir);
    return this.names(dir);
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.step();
    const node = this.files.get(path);
    if (node === undefined) throw fsError(this.dirs.has(path) ? 'EISDIR' : 'ENOENT', path);
    return node.bytes.slice();
  }

  async mkdir(path: string): Promise<void> {
    this.step();
    let p = path;
    while (!this.dirs.has(p)) {
      this.dirs.add(p);
      p = dirname(p);
    }
  }

  async rmTree(path: string): Promise<void> {
    this.step();
    const prefix = `${path}/`;
    for (const p of [...this.files.keys()]) if (p.startsWith(prefix)) this.files.delete(p);
    for (const d of [...this.dirs]) if (d === path || d.startsWith(prefix)) this.dirs.delete(d);
  }
}
