// Writing never destroys what is at a path: devices, FIFOs, read-only files and inputs are refused; a
// symlink is written through; our own stale temp files are swept. Real files where this machine allows.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DurableWriteError } from './durableWrite';
import { identityOf, outputProblem, resolveWriteTarget, sameFile, WriteRefused, writeFileSafely, type TargetFs, type TargetStats } from './writeTarget';

const isRoot = process.getuid?.() === 0;
const scratch: string[] = [];
const mounts: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lp-target-'));
  chmodSync(dir, 0o755);
  scratch.push(dir);
  return dir;
}
const bytes = (s: string) => new TextEncoder().encode(s);
const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.lp-tmp'));

function canRun(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
const mountWorks = isRoot && (() => {
  const a = freshDir();
  const b = freshDir();
  const ok = canRun('mount', ['--bind', a, b]);
  if (ok) execFileSync('umount', [b]);
  return ok;
})();
if (!mountWorks) console.warn('[writeTarget.test] SKIPPING real bind-mount and tmpfs tests: not root or mount refused (the fake-fs twins still run)');

async function refusal(p: Promise<unknown>): Promise<WriteRefused> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WriteRefused);
    return e as WriteRefused;
  }
  throw new Error('expected the write to be refused');
}

afterAll(() => {
  for (const m of mounts.reverse()) {
    try {
      execFileSync('umount', [m]);
    } catch {
      /* already gone */
    }
  }
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

describe('what is not a regular file is never replaced', () => {
  it('refuses a FIFO (mkfifo) without opening it: it stays a FIFO, no temp file is left', async () => {
    const dir = freshDir();
    const fifo = join(dir, 'out.csv');
    execFileSync('mkfifo', [fifo]);
    const e = await refusal(writeFileSafely(fifo, bytes('a,b\n')));
    expect(e.why).toMatch(/named pipe \(FIFO\)/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it.skipIf(!isRoot)('refuses a device node, named directly or through a symlink; it stays a device', async () => {
    const dir = freshDir();
    const device = join(dir, 'null');
    execFileSync('mknod', [device, 'c', '1', '3']);
    symlinkSync(device, join(dir, 'link.csv'));
    expect((await refusal(writeFileSafely(device, bytes('x')))).why).toMatch(/is a device/);
    expect((await refusal(writeFileSafely(join(dir, 'link.csv'), bytes('x')))).why).toMatch(/is a device/);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
  });

  it('refuses a folder and a symlink loop', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'sub'));
    expect((await refusal(writeFileSafely(join(dir, 'sub'), bytes('x')))).why).toMatch(/is a folder/);
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    expect((await refusal(writeFileSafely(join(dir, 'a'), bytes('x')))).why).toMatch(/never ends/);
  });
});

describe('a symlink is written through, and stays a link', () => {
  it('replaces the file the link names, atomically in that file\'s folder', async () => {
    const dir = freshDir();
    const elsewhere = freshDir();
    const real = join(elsewhere, 'real.csv');
    writeFileSync(real, 'old\n');
    const link = join(dir, 'out.csv');
    symlinkSync(real, link);
    expect(await writeFileSafely(link, bytes('new\n'))).toBe(real);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
    expect(temps(elsewhere)).toEqual([]);
  });

  it('follows a chain of relative links; a dangling link creates the file it names', async () => {
    const dir = freshDir();
    symlinkSync('middle.csv', join(dir, 'out.csv'));
    symlinkSync('sub/final.csv', join(dir, 'middle.csv'));
    mkdirSync(join(dir, 'sub'));
    expect(await writeFileSafely(join(dir, 'out.csv'), bytes('made\n'))).toBe(join(dir, 'sub', 'final.csv'));
    expect(readFileSync(join(dir, 'sub', 'final.csv'), 'utf8')).toBe('made\n');
    expect(lstatSync(join(dir, 'out.csv')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'middle.csv')).isSymbolicLink()).toBe(true);
  });
});

describe('a read-only file is refused, never replaced or given away', () => {
  it('refuses a 0444 file with a clear reason; its bytes, mode and owner stay', async () => {
    const dir = freshDir();
    const file = join(dir, 'out.csv');
    writeFileSync(file, 'keep me\n');
    chmodSync(file, 0o444);
    if (isRoot) chownSync(file, 65534, 65534);
    const before = statSync(file);
    const e = await refusal(writeFileSafely(file, bytes('new\n')));
    expect(e.message).toBe(`${file} is read-only: it was left as it is. Save under another name, or make it writable first.`);
    const after = statSync(file);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    expect([after.ino, after.mode, after.uid, after.gid]).toEqual([before.ino, before.mode, before.uid, before.gid]);
  });

  it.skipIf(!isRoot)("root replacing someone else's writable file keeps its owner and mode", async () => {
    const dir = freshDir();
    const file = join(dir, 'out.csv');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o640);
    chownSync(file, 65534, 65534);
    await writeFileSafely(file, bytes('new\n'));
    const st = statSync(file);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([65534, 65534, 0o640]);
  });

  it('fake fs: a file the caller may not write (EACCES from access) is refused; EROFS says read-only disk', async () => {
    const fs = fakeFs({ '/w/out.csv': { dev: 1n, ino: 2n } }, { canWrite: 'EACCES' });
    expect((await refusal(resolveWriteTarget('/w/out.csv', fs))).why).toMatch(/permission denied/);
    const ro = fakeFs({ '/w/out.csv': { dev: 1n, ino: 2n } }, { canWrite: 'EROFS' });
    expect((await refusal(resolveWriteTarget('/w/out.csv', ro))).why).toMatch(/read-only disk/);
  });
});

describe('the same file under another name is an input, by device and inode', () => {
  it('a hard link to an input is caught, though its path differs', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'export.csv'), 'a\n');
    linkSync(join(dir, 'export.csv'), join(dir, 'copy.csv'));
    expect(await outputProblem([{ label: 'the file', path: join(dir, 'export.csv') }], [{ label: '--out', path: join(dir, 'copy.csv') }])).toBe(
      `--out ${join(dir, 'copy.csv')} would overwrite the file: choose another name`,
    );
    await expect(writeFileSafely(join(dir, 'copy.csv'), bytes('x'), { inputs: [join(dir, 'export.csv')] })).rejects.toThrow(/reading from/);
    expect(readFileSync(join(dir, 'export.csv'), 'utf8')).toBe('a\n');
  });

  it.skipIf(!mountWorks)('real bind mount: the export reached through another mount point is refused', async () => {
    const real = freshDir();
    const view = freshDir();
    writeFileSync(join(real, 'export.csv'), 'original\n');
    execFileSync('mount', ['--bind', real, view]);
    mounts.push(view);
    try {
      const a = await identityOf(join(real, 'export.csv'));
      const b = await identityOf(join(view, 'export.csv'));
      expect(a.path).not.toBe(b.path);
      expect(sameFile(a, b)).toBe(true);
      expect(await outputProblem([{ label: 'the original export', path: join(real, 'export.csv') }], [{ label: '--out', path: join(view, 'export.csv') }])).toMatch(/would overwrite the original export/);
      await expect(writeFileSafely(join(view, 'export.csv'), bytes('x'), { inputs: [join(real, 'export.csv')] })).rejects.toThrow(WriteRefused);
      expect(readFileSync(join(real, 'export.csv'), 'utf8')).toBe('original\n');
    } finally {
      execFileSync('umount', [view]);
      mounts.splice(mounts.indexOf(view), 1);
    }
  });

  it('fake fs twin: two paths with one device and inode are one file; same path, different files are not confused', async () => {
    const fs = fakeFs({ '/data/export.csv': { dev: 7n, ino: 99n }, '/mnt/view/export.csv': { dev: 7n, ino: 99n }, '/mnt/view/other.csv': { dev: 7n, ino: 100n } });
    expect(sameFile(await identityOf('/data/export.csv', fs, 'linux'), await identityOf('/mnt/view/export.csv', fs, 'linux'))).toBe(true);
    expect(sameFile(await identityOf('/data/export.csv', fs, 'linux'), await identityOf('/mnt/view/other.csv', fs, 'linux'))).toBe(false);
    expect(await outputProblem([{ label: 'the file', path: '/data/export.csv' }], [{ label: '--out', path: '/mnt/view/export.csv' }], fs, 'linux')).toMatch(/would overwrite the file/);
    expect(await outputProblem([{ label: 'the file', path: '/data/export.csv' }], [{ label: '--out', path: '/mnt/view/new.csv' }], fs, 'linux')).toBeNull();
  });
});

describe('our stale temp files are swept before each write', () => {
  it('removes temps of writers that are not running, spares live ones and anything not ours', async () => {
    const dir = freshDir();
    const dead = '.out.csv.999999999.0123456789ab.lp-tmp';
    const deadFresh = '.out.csv.999999998.0123456789ab.lp-tmp';
    const live = `.out.csv.${process.pid}.abcdefabcdef.lp-tmp`;
    const notOurs = ['.out.csv.x.lp-tmp', 'notes.txt'];
    for (const n of [dead, deadFresh, live, ...notOurs]) writeFileSync(join(dir, n), 'partial');
    const aMinuteAgo = (Date.now() - 60_000) / 1000;
    utimesSync(join(dir, dead), aMinuteAgo, aMinuteAgo);
    utimesSync(join(dir, live), aMinuteAgo, aMinuteAgo);
    await writeFileSafely(join(dir, 'out.csv'), bytes('new\n'));
    expect(readdirSync(dir).sort()).toEqual([deadFresh, live, ...notOurs, 'out.csv'].sort());
  });

  describe('a process killed with SIGKILL mid-write', () => {
    let bundleUrl = '';
    beforeAll(async () => {
      const out = freshDir();
      const bundle = join(out, 'writeTarget.mjs');
      await build({ entryPoints: [join(dirname(fileURLToPath(import.meta.url)), 'writeTarget.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'silent' });
      bundleUrl = pathToFileURL(bundle).href;
    });

    it('leaves the old file whole; the next write sweeps its temp file', async () => {
      const dir = freshDir();
      const target = join(dir, 'licenses.csv');
      writeFileSync(target, 'old\n');
      const script = `const { writeFileSafely } = await import(${JSON.stringify(bundleUrl)}); await writeFileSafely(${JSON.stringify(target)}, new Uint8Array(64 * 1024 * 1024).fill(66));`;
      const orphans = await new Promise<string[]>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
        const watcher = watch(dir, (_e, name) => {
          if (name?.endsWith('.lp-tmp')) child.kill('SIGKILL');
        });
        child.on('error', reject);
        child.on('exit', (_code, signal) => {
          watcher.close();
          if (signal !== 'SIGKILL') reject(new Error('the writer finished before it could be killed'));
          else resolve(temps(dir));
        });
      });
      expect(readFileSync(target, 'utf8')).toBe('old\n');
      expect(orphans).toHaveLength(1);
      // Time passes (the writer is gone and its file untouched): the next save sweeps it.
      const past = (Date.now() - 30_000) / 1000;
      utimesSync(join(dir, orphans[0]), past, past);
      await writeFileSafely(target, bytes('new\n'));
      expect(readdirSync(dir)).toEqual(['licenses.csv']);
      expect(readFileSync(target, 'utf8')).toBe('new\n');
    }, 30_000);
  });
});

describe('a full disk', () => {
  it.skipIf(!mountWorks)('real 2 MiB tmpfs: a 3 MiB save is DiskFull, the old file stays byte for byte, no temp left', async () => {
    const dir = freshDir();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir]);
    mounts.push(dir);
    try {
      const target = join(dir, 'out.csv');
      writeFileSync(target, 'old\n');
      const e = await writeFileSafely(target, new Uint8Array(3 * 1024 * 1024).fill(65)).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(DurableWriteError);
      expect((e as DurableWriteError).kind).toBe('DiskFull');
      expect(readFileSync(target, 'utf8')).toBe('old\n');
      expect(readdirSync(dir)).toEqual(['out.csv']);
    } finally {
      execFileSync('umount', [dir]);
      mounts.splice(mounts.indexOf(dir), 1);
    }
  });
});

// ---- a fake TargetFs: regular files only, each with its device and inode ----
function fakeFs(files: Record<string, { dev: bigint; ino: bigint }>, options: { canWrite?: string } = {}): TargetFs {
  const statOf = (path: string): TargetStats => {
    const f = files[path];
    if (!f) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return { dev: f.dev, ino: f.ino, mode: 0o644, uid: 0, gid: 0, isFile: () => true, isDirectory: () => false, isFIFO: () => false, isCharacterDevice: () => false, isBlockDevice: () => false, isSocket: () => false, isSymbolicLink: () => false };
  };
  return {
    stat: async (p) => statOf(p),
    lstat: async (p) => statOf(p),
    readlink: async (p) => {
      throw Object.assign(new Error(`EINVAL: ${p}`), { code: 'EINVAL' });
    },
    realpath: async (p) => {
      if (files[p] || !p.endsWith('.csv')) return p;
      throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    },
    canWrite: async () => {
      if (options.canWrite) throw Object.assign(new Error(options.canWrite), { code: options.canWrite });
    },
  };
}
