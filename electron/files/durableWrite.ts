// Replace a file so it holds either its old bytes or all of the new ones, never a mix (docs/reliability.md
// "durableWrite"): temp file in the same folder, checked writes, fsync, rename; typed errors the UI can explain.
import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export type DurableWriteErrorKind = 'DiskFull' | 'Locked' | 'Protected' | 'ReadOnly' | 'Vanished' | 'NotAFolder' | 'Failed';

/** A failed save the UI can explain; whenever `kind` is not 'Failed', the target file was left untouched. */
export class DurableWriteError extends Error {
  readonly kind: DurableWriteErrorKind;
  readonly path: string;
  override readonly cause?: unknown;

  constructor(kind: DurableWriteErrorKind, path: string, cause?: unknown, detail?: string) {
    const why = detail ?? (cause instanceof Error ? cause.message : cause === undefined ? 'unknown error' : String(cause));
    super(`${kind}: could not save ${path}: ${why}`);
    this.name = 'DurableWriteError';
    this.kind = kind;
    this.path = path;
    this.cause = cause;
  }
}

export interface DurableStats {
  size: number;
  mtimeMs: number;
  mode: number;
  isFile(): boolean;
}

export interface DurableFileHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  /** Give the temp file the owner of the file it replaces (only root may; optional in fakes). */
  chown?(uid: number, gid: number): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

/** The file-system calls durableWrite and sweepOrphanTemps need; swap in a fake to simulate failures. */
export interface DurableFs {
  open(path: string, flags: string, mode?: number): Promise<DurableFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Flush the folder entry (the rename) to disk. */
  fsyncDir(dir: string): Promise<void>;
  stat(path: string): Promise<DurableStats>;
  /** Like stat, but a symlink is reported as itself (the sweep never follows one); optional in fakes. */
  lstat?(path: string): Promise<DurableStats>;
  readdir(dir: string): Promise<string[]>;
}

export const nodeFs: DurableFs = {
  open: (path, flags, mode) => open(path, flags, mode),
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  fsyncDir: async (dir) => {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  stat: (path) => stat(path),
  lstat: (path) => lstat(path),
  readdir: (dir) => readdir(dir),
};

const TEMP_SUFFIX = '.lp-tmp';
/** `.<basename>.<pid>.<12 hex>.lp-tmp` — only names like this are ever swept. */
const TEMP_PATTERN = /^\..+\.\d+\.[0-9a-f]{12}\.lp-tmp$/;
const DEFAULT_RETRIES = 8;
const DEFAULT_RETRY_DELAY_MS = 50;
/** A temp file untouched this long is stale whoever wrote it (a live writer keeps touching its file). */
const DEFAULT_SWEEP_AGE_MS = 10 * 60 * 1000;
/** A temp file of a process that is no longer running, untouched this long, is stale. */
const DEFAULT_DEAD_WRITER_GRACE_MS = 5 * 1000;
/** Consecutive writes that make no progress before giving up (instead of looping forever). */
const MAX_ZERO_WRITES = 3;
/** Directory fsync is unsupported on some platforms (Windows) or folders; the file is already in place. */
const IGNORED_DIR_SYNC_CODES = new Set(['EISDIR', 'EINVAL', 'EPERM', 'ENOTSUP', 'EACCES']);
const RENAME_RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

type Phase = 'open' | 'write' | 'rename';

function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') return e.code;
  return undefined;
}

function classify(code: string | undefined, phase: Phase, platform: NodeJS.Platform): DurableWriteErrorKind {
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'DiskFull';
  if (code === 'EROFS') return 'ReadOnly';
  if (code === 'ENOTDIR') return 'NotAFolder';
  if (code === 'ENOENT') return 'Vanished';
  if (phase === 'open' && (code === 'EACCES' || code === 'EPERM')) return 'ReadOnly';
  // Windows refuses to replace a file another program has open; elsewhere EPERM/EACCES on rename means
  // the file is protected (immutable, or a sticky folder and another owner), not "open in Excel".
  if (phase === 'rename' && (code === 'EPERM' || code === 'EACCES')) return platform === 'win32' ? 'Locked' : 'Protected';
  if (phase === 'rename' && code === 'EBUSY') return 'Locked';
  if (code === 'EBUSY') return 'Locked';
  return 'Failed';
}

function tempNameFor(target: string): string {
  // Keep the name well under 255 bytes even for long (multi-byte) file names.
  const stem = Array.from(basename(target)).slice(0, 40).join('');
  return `.${stem}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function writeAll(handle: DurableFileHandle, bytes: Uint8Array, target: string): Promise<void> {
  let offset = 0;
  let zeroWrites = 0;
  while (offset < bytes.length) {
    const remaining = bytes.length - offset;
    const { bytesWritten } = await handle.write(bytes, offset, remaining, offset);
    if (!Number.isInteger(bytesWritten) || bytesWritten < 0 || bytesWritten > remaining) {
      throw new DurableWriteError('Failed', target, undefined, `write reported ${String(bytesWritten)} bytes written`);
    }
    if (bytesWritten === 0) {
      zeroWrites += 1;
      if (zeroWrites >= MAX_ZERO_WRITES) {
        throw new DurableWriteError('Failed', target, undefined, `write made no progress at byte ${offset} of ${bytes.length}`);
      }
      continue;
    }
    zeroWrites = 0;
    offset += bytesWritten;
  }
}

async function renameWithRetry(fs: DurableFs, from: string, to: string, retries: number, delayMs: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const code = errorCode(e);
      if (attempt >= retries || code === undefined || !RENAME_RETRY_CODES.has(code)) throw e;
      await sleep(delayMs * (attempt + 1));
    }
  }
}

/**
 * Replace `path` with `bytes` durably: temp file in the same folder, full write, fsync, size check,
 * rename over the target, fsync the folder. On any failure the temp file is removed, the target keeps
 * its old bytes, and a DurableWriteError says why.
 */
export async function durableWrite(
  path: string,
  bytes: Uint8Array,
  options: { fs?: DurableFs; retries?: number; retryDelayMs?: number; owner?: { uid: number; gid: number }; platform?: NodeJS.Platform } = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const platform = options.platform ?? process.platform;
  const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
  const retryDelayMs = Math.max(0, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS);
  const target = resolve(path);
  const dir = dirname(target);
  const temp = join(dir, tempNameFor(target));

  // Keep the permission bits of the file being replaced (new files get the usual 0666 & ~umask).
  let mode = 0o666;
  try {
    mode = (await fs.stat(target)).mode & 0o777;
  } catch {
    // No existing file (or not stat-able): the open/rename below report real problems.
  }

  let handle: DurableFileHandle;
  try {
    handle = await fs.open(temp, 'wx', mode);
  } catch (e) {
    throw new DurableWriteError(classify(errorCode(e), 'open', platform), target, e);
  }

  let phase: Phase = 'write';
  let handleOpen = true;
  try {
    if (options.owner !== undefined && handle.chown !== undefined && typeof process.getuid === 'function' && options.owner.uid !== process.getuid()) {
      // Replacing someone else's file (root saving over an admin's export): it stays theirs. Only root may
      // give a file away; anyone else keeps the usual owner (the file was writable to them).
      await handle.chown(options.owner.uid, options.owner.gid).catch(() => undefined);
    }
    await writeAll(handle, bytes, target);
    await handle.sync();
    const { size } = await handle.stat();
    if (size !== bytes.length) {
      throw new DurableWriteError('Failed', target, undefined, `temp file has ${size} bytes, expected ${bytes.length}`);
    }
    handleOpen = false;
    await handle.close();
    phase = 'rename';
    await renameWithRetry(fs, temp, target, retries, retryDelayMs);
  } catch (e) {
    if (handleOpen) await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    if (e instanceof DurableWriteError) throw e;
    let kind = classify(errorCode(e), phase, platform);
    if (kind === 'Vanished' && phase === 'rename') {
      // ENOENT on rename: only "Vanished" if the folder itself is gone (not just our temp file).
      kind = await fs.stat(dir).then(
        () => 'Failed' as const,
        () => 'Vanished' as const,
      );
    }
    throw new DurableWriteError(kind, target, e);
  }

  try {
    await fs.fsyncDir(dir);
  } catch (e) {
    const code = errorCode(e);
    if (code === undefined || !IGNORED_DIR_SYNC_CODES.has(code)) {
      // The new bytes are in place but may not survive a power cut: report, but never as "nothing overwritten".
      throw new DurableWriteError('Failed', target, e);
    }
  }
}

/** The pid in one of our temp file names, or null when the name is not ours. */
export function tempFileWriter(name: string): number | null {
  if (!TEMP_PATTERN.test(name)) return null;
  const pid = Number(/\.(\d+)\.[0-9a-f]{12}\.lp-tmp$/.exec(name)?.[1]);
  return Number.isSafeInteger(pid) ? pid : null;
}

/** Is a process with this pid running here? (signal 0 checks without sending anything). */
export function processIsAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return errorCode(e) === 'EPERM';
  }
}

/**
 * Remove temp files that durableWrite left in `dir` when its process was killed. Only our own names
 * (`.<name>.<pid>.<12 hex>.lp-tmp`, regular files) that are stale are removed: the process that wrote it is
 * not running (and the file is untouched for a few seconds), or it is untouched for `olderThanMs` (default
 * 10 minutes) whoever wrote it. Live writes — this process's or another instance's — are spared.
 * Best effort: unreadable/missing folders and files that cannot be removed are skipped.
 */
export async function sweepOrphanTemps(
  dir: string,
  options: { fs?: DurableFs; olderThanMs?: number; deadWriterGraceMs?: number; isAlive?: (pid: number) => boolean } = {},
): Promise<string[]> {
  const fs = options.fs ?? nodeFs;
  const olderThanMs = options.olderThanMs ?? DEFAULT_SWEEP_AGE_MS;
  const graceMs = Math.min(olderThanMs, options.deadWriterGraceMs ?? DEFAULT_DEAD_WRITER_GRACE_MS);
  const isAlive = options.isAlive ?? processIsAlive;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM') return [];
    throw e;
  }
  const removed: string[] = [];
  const now = Date.now();
  for (const name of names) {
    const pid = tempFileWriter(name);
    if (pid === null) continue;
    const full = join(dir, name);
    try {
      const st = await (fs.lstat !== undefined ? fs.lstat(full) : fs.stat(full));
      if (!st.isFile()) continue;
      const age = now - st.mtimeMs;
      const stale = age >= olderThanMs || (age >= graceMs && pid !== process.pid && !isAlive(pid));
      if (!stale) continue;
      await fs.unlink(full);
      removed.push(full);
    } catch {
      // Vanished meanwhile, or still locked by a live writer: leave it for the next sweep.
    }
  }
  return removed;
}

const EXPLANATIONS: Record<DurableWriteErrorKind, string> = {
  DiskFull: 'The disk is full: free some space or save to another folder. Nothing was overwritten.',
  Locked:
    'The file is open in another program (such as Excel): close it there and save again, or save under another name. Nothing was overwritten.',
  Protected:
    'The file is protected and cannot be replaced (marked immutable, or owned by another user in a shared folder): save under another name or in another folder. Nothing was overwritten.',
  ReadOnly: 'This folder cannot be written to: save to another folder, such as Documents. Nothing was overwritten.',
  Vanished:
    'The folder does not exist, or is no longer there (a disconnected drive or network share?): choose an existing folder. Nothing was overwritten.',
  NotAFolder: 'A part of the path is a file, not a folder: choose another folder. Nothing was overwritten.',
  Failed: 'The file could not be saved because of an unexpected error: try again, or save to another folder.',
};

/** One friendly sentence with a way out, for showing to the user. */
export function explainWriteError(e: DurableWriteError): string {
  return EXPLANATIONS[e.kind] ?? EXPLANATIONS.Failed;
}
