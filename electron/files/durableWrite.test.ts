// durableWrite, sweepOrphanTemps and explainWriteError (docs/reliability.md "Writing files"): old bytes or new
// bytes, never a mix; a full disk, a lock, a kill mid-write or a vanished folder leaves the target as it was.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  rmdirSync,
  statSync,
  utimesSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  DurableWriteError,
  durableWrite,
  explainWriteError,
  nodeFs,
  sweepOrphanTemps,
  type DurableFileHandle,
  type DurableFs,
  type DurableWriteErrorKind,
} from './durableWrite';

// ---------- helpers ----------

const isRoot = process.getuid?.() === 0;
const scratchDirs: string[] = [];

/** A fresh folder under /tmp that uid 65534 can traverse (mode 0755). */
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lp-durable-'));
  chmodSync(dir, 0o755);
  scratchDirs.push(dir);
  return dir;
}

function tempsIn(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.lp-tmp'));
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

async function failure(p: Promise<unknown>): Promise<DurableWriteError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DurableWriteError);
    return e as DurableWriteError;
  }
  throw new Error('expected durableWrite to fail, but it succeeded');
}

const bytesOf = (s: string) => new TextEncoder().encode(s);

/** A target file with known old content, in its own folder. */
function existingTarget(content: Uint8Array | string = 'old,content\n1,2\n') {
  const dir = freshDir();
  const target = join(dir, 'licenses.csv');
  const old = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  writeFileSync(target, old);
  return { dir, target, old };
}

type WriteFn = DurableFileHandle['write'];
interface FakeOptions {
  open?: DurableFs['open'];
  rename?: (real: DurableFs['rename'], from: string, to: string) => Promise<void>;
  fsyncDir?: DurableFs['fsyncDir'];
  write?: (real: WriteFn, buffer: Uint8Array, offset: number, length: number, position: number) => Promise<{ bytesWritten: number }>;
  sync?: () => Promise<void>;
  close?: () => Promise<void>;
  handleStat?: (real: () => Promise<{ size: number }>) => Promise<{ size: number }>;
}

/** Real node fs underneath, with selected calls replaced; counts calls. */
function fakeFs(o: FakeOptions) {
  const calls = { open: 0, write: 0, rename: 0, fsyncDir: 0, unlink: 0 };
  const opened: { path: string; flags: string }[] = [];
  const fs: DurableFs = {
    async open(path, flags, mode) {
      calls.open++;
      opened.push({ path, flags });
      if (o.open) return o.open(path, flags, mode);
      const h = await nodeFs.open(path, flags, mode);
      const realWrite: WriteFn = (b, off, len, pos) => h.write(b, off, len, pos);
      return {
        write: (b, off, len, pos) => {
          calls.write++;
          return o.write ? o.write(realWrite, b, off, len, pos) : realWrite(b, off, len, pos);
        },
        sync: () => (o.sync ? o.sync() : h.sync()),
        stat: () => (o.handleStat ? o.handleStat(() => h.stat()) : h.stat()),
        close: async () => {
          await h.close();
          if (o.close) await o.close();
        },
      };
    },
    rename(from, to) {
      calls.rename++;
      return o.rename ? o.rename(nodeFs.rename, from, to) : nodeFs.rename(from, to);
    },
    unlink(path) {
      calls.unlink++;
      return nodeFs.unlink(path);
    },
    fsyncDir(dir) {
      calls.fsyncDir++;
      return o.fsyncDir ? o.fsyncDir(dir) : nodeFs.fsyncDir(dir);
    },
    stat: (p) => nodeFs.stat(p),
    readdir: (d) => nodeFs.readdir(d),
  };
  return { fs, calls, opened };
}

function skipNote(what: string, reason: string | null): void {
  if (reason) console.warn(`[durableWrite.test] SKIPPING ${what}: ${reason} (the fake-fs variant still runs)`);
}

function probe(cmd: string, args: string[]): string | null {
  if (!isRoot) return 'not running as root';
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
    return null;
  } catch (e) {
    return `\`${cmd} ${args.join(' ')}\` failed: ${(e as Error).message.split('\n')[0]}`;
  }
}

const mountSkip = (() => {
  if (!isRoot) return 'not running as root';
  const dir = mkdtempSync(join(tmpdir(), 'lp-mount-probe-'));
  try {
    const r = probe('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    if (r === null) execFileSync('umount', [dir]);
    return r;
  } finally {
    rmdirSync(dir);
  }
})();
const setprivSkip = probe('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', '0']);
skipNote('real tmpfs tests (full disk, read-only mount)', mountSkip);
skipNote('real setpriv read-only folder test', setprivSkip);

const mounted: string[] = [];
function mountTmpfs(size: string): string {
  const dir = freshDir();
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounted.push(dir);
  chmodSync(dir, 0o755);
  return dir;
}

// Children import the module bundled to plain ESM by esbuild (Node 20 cannot run .ts).
let bundleUrl = '';
let childScript = '';
const CHILD_SOURCE = `
const [mode, moduleUrl, target, arg] = process.argv.slice(2);
const { durableWrite } = await import(moduleUrl);
if (mode === 'write-one') {
  try {
    await durableWrite(target, new TextEncoder().encode(arg));
    console.log(JSON.stringify({ ok: true }));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, kind: e.kind, name: e.name, message: e.message }));
  }
} else if (mode === 'big') {
  const bytes = Buffer.alloc(${20 * 1024 * 1024}, Number(arg));
  process.stdout.write('ready\\n');
  await durableWrite(target, bytes);
  process.stdout.write('done\\n');
}
`;

beforeAll(async () => {
  const out = freshDir();
  const bundle = join(out, 'durableWrite.mjs');
  await build({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), 'durableWrite.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'silent',
  });
  chmodSync(bundle, 0o644);
  bundleUrl = pathToFileURL(bundle).href;
  childScript = join(out, 'child.mjs');
  writeFileSync(childScript, CHILD_SOURCE, { mode: 0o644 });
});

afterAll(() => {
  for (const dir of mounted.reverse()) {
    try {
      execFileSync('umount', [dir]);
    } catch {
      // already unmounted
    }
  }
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

// ---------- spec ----------

describe('durableWrite: the normal path', () => {
  it('writes a new file with exactly the given bytes', async () => {
    const dir = freshDir();
    const target = join(dir, 'new.csv');
    const bytes = randomBytes(100_000);
    await durableWrite(target, bytes);
    expect(readFileSync(target).equals(bytes)).toBe(true);
  });

  it('replaces an existing longer file completely (no leftover tail)', async () => {
    const { target } = existingTarget('a much longer old file that must not leave a tail behind\n'.repeat(50));
    await durableWrite(target, bytesOf('short\n'));
    expect(readFileSync(target, 'utf8')).toBe('short\n');
  });

  it('leaves no temp files behind, and only the target in the folder', async () => {
    const { dir, target } = existingTarget();
    await durableWrite(target, bytesOf('v2'));
    await durableWrite(target, bytesOf('v3'));
    expect(readdirSync(dir)).toEqual(['licenses.csv']);
    expect(readFileSync(target, 'utf8')).toBe('v3');
  });

  it('writes empty bytes as an empty file, replacing old content', async () => {
    const { target } = existingTarget();
    await durableWrite(target, new Uint8Array(0));
    expect(statSync(target).size).toBe(0);
    const fresh = join(freshDir(), 'empty.csv');
    await durableWrite(fresh, new Uint8Array(0));
    expect(readFileSync(fresh).length).toBe(0);
  });

  it('keeps the permission bits of the file it replaces', async () => {
    const { target } = existingTarget();
    chmodSync(target, 0o600);
    await durableWrite(target, bytesOf('private'));
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toBe('private');
  });

  it('creates the temp file in the same folder, exclusively (wx), under a recognisable name', async () => {
    const { dir, target } = existingTarget();
    const { fs, opened } = fakeFs({});
    await durableWrite(target, bytesOf('x'), { fs });
    const temp = opened.find((o) => o.path !== dir);
    expect(temp).toBeDefined();
    expect(dirname(temp!.path)).toBe(dir);
    expect(temp!.flags).toBe('wx');
    expect(basename(temp!.path)).toMatch(/^\.licenses\.csv\.\d+\.[0-9a-f]{12}\.lp-tmp$/);
  });

  it('accepts a path relative to the working folder', async () => {
    const dir = freshDir();
    const rel = relative(process.cwd(), join(dir, 'rel.csv'));
    await durableWrite(rel, bytesOf('rel'));
    expect(readdirSync(dir)).toEqual(['rel.csv']);
    expect(readFileSync(join(dir, 'rel.csv'), 'utf8')).toBe('rel');
  });
});

describe('durableWrite: full disk', () => {
  it.skipIf(mountSkip !== null)('real 2 MiB tmpfs: a 3 MiB write throws DiskFull and the old file stays byte for byte', async () => {
    const dir = mountTmpfs('2m');
    const target = join(dir, 'licenses.csv');
    const good = randomBytes(64 * 1024);
    await durableWrite(target, good);
    expect(readFileSync(target).equals(good)).toBe(true);

    const err = await failure(durableWrite(target, randomBytes(3 * 1024 * 1024)));
    expect(err.kind).toBe('DiskFull');
    expect(err.path).toBe(target);
    expect(readFileSync(target).equals(good)).toBe(true);
    expect(tempsIn(dir)).toEqual([]);

    // The space taken by the temp file was given back: a write that fits still works.
    const next = randomBytes(1024 * 1024);
    await durableWrite(target, next);
    expect(readFileSync(target).equals(next)).toBe(true);
  });

  it('fake fs: ENOSPC after a partial write throws DiskFull; old file intact, temp removed', async () => {
    const { dir, target, old } = existingTarget();
    let n = 0;
    const { fs } = fakeFs({
      write: async (real, b, off, len, pos) => {
        if (n++ === 0) return real(b, off, Math.min(len, 1000), pos); // the disk takes a first piece...
        throw errno('ENOSPC'); // ...then is full
      },
    });
    const err = await failure(durableWrite(target, randomBytes(5000), { fs }));
    expect(err.kind).toBe('DiskFull');
    expect((err.cause as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(tempsIn(dir)).toEqual([]);
  });
});

describe('durableWrite: short writes', () => {
  it('continues when each write call takes at most 7 bytes: the file is complete and correct', async () => {
    const { target } = existingTarget('x'.repeat(20_000));
    const { fs, calls } = fakeFs({ write: (real, b, off, len, pos) => real(b, off, Math.min(len, 7), pos) });
    const bytes = randomBytes(10_007);
    await durableWrite(target, bytes, { fs });
    expect(readFileSync(target).equals(bytes)).toBe(true);
    expect(calls.write).toBe(Math.ceil(10_007 / 7));
  });

  it('a write that returns 0 forever ends in an error (no endless loop); original intact, temp removed', async () => {
    const { dir, target, old } = existingTarget();
    let n = 0;
    const { fs, calls } = fakeFs({
      write: async () => {
        // Safety net so a broken implementation fails this test instead of hanging the run.
        if (++n > 1000) throw new Error('fake fs: write called 1000 times without progress');
        return { bytesWritten: 0 };
      },
    });
    const err = await failure(durableWrite(target, bytesOf('new content'), { fs }));
    expect(err.kind).toBe('Failed');
    expect(err.message).toMatch(/no progress/);
    expect(calls.write).toBeLessThanOrEqual(10);
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(tempsIn(dir)).toEqual([]);
  });

  it('a write that reports more bytes than asked is an error, not a silent truncation', async () => {
    const { dir, target, old } = existingTarget();
    const { fs } = fakeFs({ write: async (_real, _b, _off, len) => ({ bytesWritten: len + 1 }) });
    const err = await failure(durableWrite(target, bytesOf('new content'), { fs }));
    expect(err.kind).toBe('Failed');
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(tempsIn(dir)).toEqual([]);
  });

  it('a temp file whose size differs after fsync is rejected; original intact', async () => {
    const { dir, target, old } = existingTarget();
    const { fs, calls } = fakeFs({ handleStat: async (real) => ({ size: (await real()).size - 1 }) });
    const err = await failure(durableWrite(target, bytesOf('new content'), { fs }));
    expect(err.kind).toBe('Failed');
    expect(calls.rename).toBe(0);
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(tempsIn(dir)).toEqual([]);
  });
});

describe('durableWrite: file locked by another program (rename fails)', () => {
  it('EBUSY on rename twice, then success: retries and succeeds', async () => {
    const { dir, target } = existingTarget();
    let n = 0;
    const { fs, calls } = fakeFs({
      rename: async (real, from, to) => {
        if (n++ < 2) throw errno('EBUSY');
        return real(from, to);
      },
    });
    await durableWrite(target, bytesOf('after retry'), { fs, retryDelayMs: 1 });
    expect(calls.rename).toBe(3);
    expect(readFileSync(target, 'utf8')).toBe('after retry');
    expect(tempsIn(dir)).toEqual([]);
  });

  it('EBUSY forever: Locked after a bounded number of retries; original intact, temp removed', async () => {
    const { dir, target, old } = existingTarget();
    const { fs, calls } = fakeFs({ rename: async () => Promise.reject(errno('EBUSY')) });
    const err = await failure(durableWrite(target, bytesOf('never lands'), { fs, retries: 4, retryDelayMs: 1 }));
    expect(err.kind).toBe('Locked');
    expect(calls.rename).toBe(5);
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(tempsIn(dir)).toEqual([]);
  });

  it('EPERM forever on rename: Locked on Windows (a sharing violation), Protected elsewhere (an immutable file)', async () => {
    const { dir, target, old } = existingTarget();
    const { fs } = fakeFs({ rename: async () => Promise.reject(errno('EPERM')) });
    const err = await failure(durableWrite(target, bytesOf('never lands'), { fs, retries: 2, retryDelayMs: 1, platform: 'win32' }));
    expect(err.kind).toBe('Locked');
    const linux = await failure(durableWrite(target, bytesOf('never lands'), { fs, retries: 2, retryDelayMs: 1, platform: 'linux' }));
    expect(linux.kind).toBe('Protected');
    expect(explainWriteError(linux)).not.toContain('another program');
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(tempsIn(dir)).toEqual([]);
  });

  it('does not retry errors that are not lock-like (EXDEV fails at once)', async () => {
    const { target, old } = existingTarget();
    const { fs, calls } = fakeFs({ rename: async () => Promise.reject(errno('EXDEV')) });
    const err = await failure(durableWrite(target, bytesOf('x'), { fs, retries: 5, retryDelayMs: 1 }));
    expect(err.kind).toBe('Failed');
    expect(calls.rename).toBe(1);
    expect(readFileSync(target).equals(old)).toBe(true);
  });
});

describe('durableWrite: read-only folder', () => {
  it.skipIf(setprivSkip !== null)('real: uid 65534 writing into a root-owned 0755 folder gets ReadOnly; file intact', () => {
    const { dir, target, old } = existingTarget();
    const out = execFileSync(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, childScript, 'write-one', bundleUrl, target, 'intruder'],
      { encoding: 'utf8' },
    );
    const result = JSON.parse(out.trim()) as { ok: boolean; kind?: string; name?: string };
    expect(result).toMatchObject({ ok: false, kind: 'ReadOnly', name: 'DurableWriteError' });
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(tempsIn(dir)).toEqual([]);
  });

  it.skipIf(mountSkip !== null)('real: a read-only mount (EROFS) gets ReadOnly; file intact', async () => {
    const dir = mountTmpfs('1m');
    const target = join(dir, 'licenses.csv');
    await durableWrite(target, bytesOf('kept'));
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    try {
      const err = await failure(durableWrite(target, bytesOf('lost?')));
      expect(err.kind).toBe('ReadOnly');
      expect(readFileSync(target, 'utf8')).toBe('kept');
      expect(tempsIn(dir)).toEqual([]);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', dir]);
    }
  });

  it('fake fs: EACCES on opening the temp file gives ReadOnly; file intact, nothing created', async () => {
    const { dir, target, old } = existingTarget();
    const { fs, calls } = fakeFs({ open: async () => Promise.reject(errno('EACCES')) });
    const err = await failure(durableWrite(target, bytesOf('x'), { fs }));
    expect(err.kind).toBe('ReadOnly');
    expect(calls.rename).toBe(0);
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(readdirSync(dir)).toEqual(['licenses.csv']);
  });
});

describe('durableWrite: folder gone', () => {
  it('real: writing into a folder that was removed gives Vanished', async () => {
    const dir = freshDir();
    rmdirSync(dir);
    const err = await failure(durableWrite(join(dir, 'licenses.csv'), bytesOf('x')));
    expect(err.kind).toBe('Vanished');
  });

  it('rename ENOENT while the folder still exists is Failed, not Vanished', async () => {
    const { target, old } = existingTarget();
    const { fs } = fakeFs({ rename: async () => Promise.reject(errno('ENOENT')) });
    const err = await failure(durableWrite(target, bytesOf('x'), { fs }));
    expect(err.kind).toBe('Failed');
    expect(readFileSync(target).equals(old)).toBe(true);
  });
});

describe('durableWrite: error kinds by failing step (fake fs)', () => {
  type Step = 'open' | 'write' | 'sync' | 'close' | 'rename';
  const cases: [Step, string, DurableWriteErrorKind][] = [
    ['open', 'ENOSPC', 'DiskFull'],
    ['open', 'EDQUOT', 'DiskFull'],
    ['open', 'EROFS', 'ReadOnly'],
    ['open', 'EACCES', 'ReadOnly'],
    ['open', 'EPERM', 'ReadOnly'],
    ['open', 'ENOENT', 'Vanished'],
    ['open', 'ENOTDIR', 'NotAFolder'],
    ['open', 'EMFILE', 'Failed'],
    ['write', 'ENOSPC', 'DiskFull'],
    ['write', 'EDQUOT', 'DiskFull'],
    ['write', 'EIO', 'Failed'],
    ['sync', 'EIO', 'Failed'],
    ['sync', 'ENOSPC', 'DiskFull'],
    ['close', 'EDQUOT', 'DiskFull'],
    ['rename', 'EBUSY', 'Locked'],
    ['rename', 'EPERM', process.platform === 'win32' ? 'Locked' : 'Protected'],
    ['rename', 'EACCES', process.platform === 'win32' ? 'Locked' : 'Protected'],
    ['rename', 'EROFS', 'ReadOnly'],
    ['rename', 'EIO', 'Failed'],
  ];
  it.each(cases)('%s fails with %s → %s; original intact, no temp left', async (step, code, kind) => {
    const { dir, target, old } = existingTarget();
    const fail = async (): Promise<never> => Promise.reject(errno(code));
    const { fs } = fakeFs({
      open: step === 'open' ? fail : undefined,
      write: step === 'write' ? fail : undefined,
      sync: step === 'sync' ? fail : undefined,
      close: step === 'close' ? fail : undefined,
      rename: step === 'rename' ? fail : undefined,
    });
    const err = await failure(durableWrite(target, bytesOf('new'), { fs, retries: 1, retryDelayMs: 1 }));
    expect(err.kind).toBe(kind);
    expect((err.cause as NodeJS.ErrnoException).code).toBe(code);
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(tempsIn(dir)).toEqual([]);
  });
});

describe('durableWrite: folder fsync', () => {
  it.each(['EISDIR', 'EINVAL', 'EPERM'])('ignores %s from fsync of the folder (platforms without directory fsync)', async (code) => {
    const { target } = existingTarget();
    const { fs, calls } = fakeFs({ fsyncDir: async () => Promise.reject(errno(code)) });
    await durableWrite(target, bytesOf('saved'), { fs });
    expect(calls.fsyncDir).toBe(1);
    expect(readFileSync(target, 'utf8')).toBe('saved');
  });

  it('reports other folder-fsync errors as Failed (new bytes are in place, but durability is unknown)', async () => {
    const { target } = existingTarget();
    const { fs } = fakeFs({ fsyncDir: async () => Promise.reject(errno('EIO')) });
    const err = await failure(durableWrite(target, bytesOf('saved'), { fs }));
    expect(err.kind).toBe('Failed');
    expect(readFileSync(target, 'utf8')).toBe('saved');
  });
});

describe('durableWrite: process killed mid-write', () => {
  const SIZE = 20 * 1024 * 1024;

  /** Kill after `killAfterMs` from "ready", or — with 'temp' — the moment its temp file appears (surely mid-write). */
  function runChild(dir: string, target: string, byte: number, kill: number | 'temp'): Promise<'killed' | 'finished'> {
    return new Promise((resolvePromise, reject) => {
      const before = new Set(readdirSync(dir));
      const child = spawn(process.execPath, [childScript, 'big', bundleUrl, target, String(byte)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const watcher =
        kill === 'temp'
          ? watch(dir, (_event, name) => {
              if (name && name.endsWith('.lp-tmp') && !before.has(name)) child.kill('SIGKILL');
            })
          : undefined;
      let out = '';
      let err = '';
      let timer: NodeJS.Timeout | undefined;
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (typeof kill === 'number' && timer === undefined && out.includes('ready\n')) {
          timer = setTimeout(() => child.kill('SIGKILL'), kill);
        }
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        watcher?.close();
        if (signal === 'SIGKILL') resolvePromise('killed');
        else if (code === 0 && out.includes('done\n')) resolvePromise('finished');
        else reject(new Error(`child failed (code ${code}, signal ${signal}): ${err}`));
      });
    });
  }

  it('20 SIGKILLs at random moments: the target is always entirely old or entirely new; sweep removes the orphans', async () => {
    const dir = freshDir();
    const target = join(dir, 'licenses.csv');
    let current = 0x41;
    writeFileSync(target, Buffer.alloc(SIZE, current));
    let replaced = 0;
    let killed = 0;

    for (let i = 0; i < 20; i++) {
      const next = 0x42 + i; // a distinct byte per round
      // Mostly a random 0–40 ms after the child is ready; every 5th round the instant its temp file appears.
      const outcome = await runChild(dir, target, next, i % 5 === 4 ? 'temp' : Math.random() * 40);
      if (outcome === 'killed') killed++;
      const now = readFileSync(target);
      expect(now.length).toBe(SIZE);
      const isOld = now.equals(Buffer.alloc(SIZE, current));
      const isNew = !isOld && now.equals(Buffer.alloc(SIZE, next));
      expect(isOld || isNew, `round ${i}: target is neither all 0x${current.toString(16)} nor all 0x${next.toString(16)}`).toBe(true);
      if (isNew) {
        replaced++;
        current = next;
      }
    }

    const leftovers = tempsIn(dir).map((n) => join(dir, n));
    console.info(`[durableWrite.test] kill loop: ${killed}/20 killed, ${replaced}/20 replaced, ${leftovers.length} orphan temp files`);
    expect(killed).toBeGreaterThan(0);
    // Kills that landed mid-write left orphans; they must be swept, and nothing else touched.
    expect(leftovers.length).toBeGreaterThan(0);
    const removed = await sweepOrphanTemps(dir, { olderThanMs: 0 });
    expect([...removed].sort()).toEqual([...leftovers].sort());
    expect(readdirSync(dir)).toEqual(['licenses.csv']);
    expect(readFileSync(target).equals(Buffer.alloc(SIZE, current))).toBe(true);
  }, 30_000);
});

describe('sweepOrphanTemps', () => {
  const OLD_TEMP = '.licenses.csv.4242.0123456789ab.lp-tmp';
  const FRESH_TEMP = '.licenses.csv.4243.abcdef012345.lp-tmp';

  function littered() {
    const dir = freshDir();
    for (const name of [OLD_TEMP, FRESH_TEMP, 'licenses.csv', 'notes.lp-tmp', '.x.lp-tmp', '.a.1.0123456789AB.lp-tmp']) {
      writeFileSync(join(dir, name), 'data');
    }
    mkdirSync(join(dir, '.dir.csv.1.0123456789ab.lp-tmp'));
    const hourAgo = (Date.now() - 60 * 60 * 1000) / 1000;
    utimesSync(join(dir, OLD_TEMP), hourAgo, hourAgo);
    return dir;
  }

  it('removes only our own temp files older than the threshold (default spares fresh ones)', async () => {
    const dir = littered();
    const removed = await sweepOrphanTemps(dir);
    expect(removed).toEqual([join(dir, OLD_TEMP)]);
    expect(readdirSync(dir).sort()).toEqual(
      [FRESH_TEMP, 'licenses.csv', 'notes.lp-tmp', '.x.lp-tmp', '.a.1.0123456789AB.lp-tmp', '.dir.csv.1.0123456789ab.lp-tmp'].sort(),
    );
  });

  it('with olderThanMs 0 also removes fresh temp files, never other files or folders', async () => {
    const dir = littered();
    const removed = await sweepOrphanTemps(dir, { olderThanMs: 0 });
    expect([...removed].sort()).toEqual([join(dir, OLD_TEMP), join(dir, FRESH_TEMP)].sort());
    expect(readFileSync(join(dir, 'licenses.csv'), 'utf8')).toBe('data');
    expect(readdirSync(dir)).toContain('.dir.csv.1.0123456789ab.lp-tmp');
  });

  it('returns [] for a folder that does not exist', async () => {
    const dir = freshDir();
    rmdirSync(dir);
    expect(await sweepOrphanTemps(dir)).toEqual([]);
  });
});

describe('explainWriteError', () => {
  const kinds: DurableWriteErrorKind[] = ['DiskFull', 'Locked', 'Protected', 'ReadOnly', 'Vanished', 'NotAFolder', 'Failed'];
  const expected: Record<DurableWriteErrorKind, RegExp> = {
    DiskFull: /disk is full.*free some space/i,
    Locked: /open in another program.*close it/i,
    Protected: /protected.*another name/i,
    ReadOnly: /cannot be written.*another folder/i,
    Vanished: /does not exist.*existing folder/i,
    NotAFolder: /not a folder.*another folder/i,
    Failed: /could not be saved.*try again/i,
  };

  it.each(kinds)('%s: a friendly sentence with a way out', (kind) => {
    const text = explainWriteError(new DurableWriteError(kind, '/x/licenses.csv', errno('EIO')));
    expect(text).toMatch(expected[kind]);
    expect(text).toMatch(/^[A-Z].*\.$/);
    expect(text).not.toMatch(/E[A-Z]{3,}|undefined|\/x\//); // no raw codes or paths
    // Only kinds that fail before the rename promise the old file is untouched.
    expect(text.includes('Nothing was overwritten')).toBe(kind !== 'Failed');
  });

  it('gives a different text for every kind', () => {
    const texts = kinds.map((k) => explainWriteError(new DurableWriteError(k, '/x')));
    expect(new Set(texts).size).toBe(kinds.length);
  });

  it('DurableWriteError carries kind, path and cause', () => {
    const cause = errno('ENOSPC');
    const e = new DurableWriteError('DiskFull', '/x/licenses.csv', cause);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DurableWriteError');
    expect(e).toMatchObject({ kind: 'DiskFull', path: '/x/licenses.csv', cause });
    expect(e.message).toContain('ENOSPC');
  });
});
