// Writing never destroys what is at a path (docs/reliability.md "What a write never replaces"): before durableWrite replaces
// a file, decide what the path really is — a device, a FIFO, a read-only file or one of our inputs is
// refused with a one-line reason; a symlink is written through to its target, keeping the link.
import { constants as fsConstants } from 'node:fs';
import { access, lstat, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { durableWrite, sweepOrphanTemps, type DurableFs } from './durableWrite';

/** The file-system facts the checks read; a fake in tests (e.g. two paths to one inode, as a bind mount gives). */
export interface TargetStats {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
  isSymbolicLink(): boolean;
}

export interface TargetFs {
  /** Follows symlinks. */
  stat(path: string): Promise<TargetStats>;
  lstat(path: string): Promise<TargetStats>;
  readlink(path: string): Promise<string>;
  realpath(path: string): Promise<string>;
  /** Resolves when the caller may write to `path` (access(2) with W_OK). */
  canWrite(path: string): Promise<void>;
}

export const nodeTargetFs: TargetFs = {
  stat: (path) => stat(path, { bigint: true }).then(bigStats),
  lstat: (path) => lstat(path, { bigint: true }).then(bigStats),
  readlink: (path) => readlink(path),
  realpath: (path) => realpath(path),
  canWrite: (path) => access(path, fsConstants.W_OK),
};

function bigStats(s: import('node:fs').BigIntStats): TargetStats {
  return {
    dev: s.dev,
    ino: s.ino,
    mode: Number(s.mode),
    uid: Number(s.uid),
    gid: Number(s.gid),
    isFile: () => s.isFile(),
    isDirectory: () => s.isDirectory(),
    isFIFO: () => s.isFIFO(),
    isCharacterDevice: () => s.isCharacterDevice(),
    isBlockDevice: () => s.isBlockDevice(),
    isSocket: () => s.isSocket(),
    isSymbolicLink: () => s.isSymbolicLink(),
  };
}

/** A path we will not write to; `message` is one line for the admin ("… is a named pipe (FIFO) …"). */
export class WriteRefused extends Error {
  override readonly name = 'WriteRefused';
  constructor(
    readonly path: string,
    readonly why: string,
  ) {
    super(`${path} ${why}`);
  }
}

/** Where a write to a path lands: `target` is the file to replace (the end of a symlink chain), `existing` its stats. */
export interface WriteTarget {
  readonly requested: string;
  readonly target: string;
  readonly existing: TargetStats | null;
}

const MAX_LINK_HOPS = 40;

function code(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** Follow a symlink chain by hand (the last link may point at a file not created yet); refuses loops. */
async function endOfLinks(fs: TargetFs, path: string): Promise<string> {
  let current = path;
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    let st: TargetStats;
    try {
      st = await fs.lstat(current);
    } catch (e) {
      if (code(e) === 'ENOENT') return current;
      throw e;
    }
    if (!st.isSymbolicLink()) return current;
    const link = await fs.readlink(current);
    current = isAbsolute(link) ? link : resolve(dirname(current), link);
  }
  throw new WriteRefused(path, 'is a chain of symbolic links that never ends: nothing was written.');
}

function describeNotRegular(st: TargetStats): string | null {
  if (st.isDirectory()) return 'is a folder, not a file: choose a file name inside it.';
  if (st.isFIFO()) return 'is a named pipe (FIFO), not a regular file: License Prep writes only regular files.';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a regular file: License Prep writes only regular files.';
  if (st.isSocket()) return 'is a socket, not a regular file: License Prep writes only regular files.';
  if (!st.isFile()) return 'is not a regular file: License Prep writes only regular files.';
  return null;
}

/**
 * Decide where a write to `path` lands, or refuse: a device, FIFO, socket or folder (whether named
 * directly or through a symlink), a read-only file, or a file we may not write. A symlink is resolved to
 * its final target so the write replaces that file and the link stays a link.
 */
export async function resolveWriteTarget(path: string, fs: TargetFs = nodeTargetFs): Promise<WriteTarget> {
  const requested = resolve(path);
  let existing: TargetStats | null;
  try {
    existing = await fs.stat(requested);
  } catch (e) {
    const c = code(e);
    if (c === 'ELOOP') throw new WriteRefused(requested, 'is a chain of symbolic links that never ends: nothing was written.');
    if (c !== 'ENOENT') {
      if (c === 'ENOTDIR') throw new WriteRefused(requested, 'is inside something that is not a folder.');
      if (c === 'EACCES' || c === 'EPERM') throw new WriteRefused(requested, 'cannot be reached: you may not have permission to use this folder.');
      throw e;
    }
    existing = null;
  }
  if (existing === null) {
    // Nothing there, or a dangling symlink: write the file the link names (as a shell's `>` would).
    const target = await endOfLinks(fs, requested);
    return { requested, target, existing: null };
  }
  const notRegular = describeNotRegular(existing);
  if (notRegular !== null) throw new WriteRefused(requested, notRegular);
  if ((existing.mode & 0o222) === 0) throw new WriteRefused(requested, 'is read-only: it was left as it is. Save under another name, or make it writable first.');
  const target = await fs.realpath(requested);
  try {
    await fs.canWrite(target);
  } catch (e) {
    if (code(e) === 'EROFS') throw new WriteRefused(requested, 'is on a read-only disk: save to another folder.');
    throw new WriteRefused(requested, 'may not be written by you (permission denied): it was left as it is. Save under another name.');
  }
  return { requested, target, existing };
}

/** The identity of a file: device and inode when it exists, and its real path (case-folded where names ignore case). */
export interface FileIdentity {
  readonly path: string;
  readonly dev: bigint | null;
  readonly ino: bigint | null;
}

function foldCase(path: string, platform: NodeJS.Platform): string {
  return platform === 'win32' || platform === 'darwin' ? path.toLowerCase() : path;
}

export async function identityOf(path: string, fs: TargetFs = nodeTargetFs, platform: NodeJS.Platform = process.platform): Promise<FileIdentity> {
  const absolute = resolve(path);
  let real = absolute;
  try {
    real = await fs.realpath(absolute);
  } catch {
    // Not there yet: its folder may still be a link.
    try {
      real = join(await fs.realpath(dirname(absolute)), basename(absolute));
    } catch {
      /* the folder is missing too: the write will say so */
    }
  }
  let dev: bigint | null = null;
  let ino: bigint | null = null;
  try {
    const st = await fs.stat(absolute);
    dev = st.dev;
    ino = st.ino;
  } catch {
    /* not there */
  }
  return { path: foldCase(real, platform), dev, ino };
}

/** Two names for one file: the same device and inode (a hard link, a bind mount), or the same real path. */
export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  if (a.dev !== null && a.ino !== null && a.dev === b.dev && a.ino === b.ino) return true;
  return a.path === b.path;
}

export interface NamedPath {
  /** How the admin named it: `--out`, `the file`, `the original export`… */
  readonly label: string;
  readonly path: string;
}

/**
 * The first reason an output may not be written: it is one of the inputs (by identity), two outputs are
 * one file, or the output path itself is refused (device, FIFO, read-only…). Null when all are fine.
 */
export async function outputProblem(inputs: readonly NamedPath[], outputs: readonly NamedPath[], fs: TargetFs = nodeTargetFs, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  const inputIds = await Promise.all(inputs.map(async (i) => ({ label: i.label, id: await identityOf(i.path, fs, platform) })));
  const outputIds: { output: NamedPath; id: FileIdentity }[] = [];
  for (const output of outputs) {
    const id = await identityOf(output.path, fs, platform);
    const clash = inputIds.find((i) => sameFile(i.id, id));
    if (clash) return `${output.label} ${output.path} would overwrite ${clash.label}: choose another name`;
    const twin = outputIds.find((o) => sameFile(o.id, id));
    if (twin) return `${twin.output.label} and ${output.label} name the same file: choose two names`;
    outputIds.push({ output, id });
    try {
      await resolveWriteTarget(output.path, fs);
    } catch (e) {
      if (e instanceof WriteRefused) return `${output.label} ${output.path} ${e.why}`;
      throw e;
    }
  }
  return null;
}

export interface SafeWriteOptions {
  readonly targetFs?: TargetFs;
  readonly durableFs?: DurableFs;
  /** Files this write must never replace (the opened export, the original): refused by identity. */
  readonly inputs?: readonly string[];
  readonly sweep?: (dir: string) => Promise<unknown>;
}

/**
 * The one way License Prep writes a file the admin named: refuse what must not be replaced, sweep our own
 * stale temp files from the target's folder, then durableWrite through any symlink. Returns the path written.
 */
export async function writeFileSafely(path: string, bytes: Uint8Array, options: SafeWriteOptions = {}): Promise<string> {
  const fs = options.targetFs ?? nodeTargetFs;
  const where = await resolveWriteTarget(path, fs);
  if (options.inputs !== undefined && options.inputs.length > 0) {
    const out = await identityOf(where.target, fs);
    for (const input of options.inputs) {
      if (sameFile(await identityOf(input, fs), out)) throw new WriteRefused(where.requested, 'is a file License Prep is reading from: choose another name.');
    }
  }
  const sweep = options.sweep ?? ((dir: string) => sweepOrphanTemps(dir, options.durableFs === undefined ? {} : { fs: options.durableFs }));
  await sweep(dirname(where.target)).catch(() => undefined);
  await durableWrite(where.target, bytes, {
    ...(options.durableFs === undefined ? {} : { fs: options.durableFs }),
    ...(where.existing === null ? {} : { owner: { uid: where.existing.uid, gid: where.existing.gid } }),
  });
  return where.target;
}
