// docs/reliability.md "What a write never replaces": a refused output path is exit 2 with one line on stderr,
// and what was at the path stays — a FIFO, a device, a read-only file, the export under another name, --report too.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const isRoot = process.getuid?.() === 0;
const PLAN = JSON.stringify({ licenses: [{ name: 'Engage', seats: 3, addOnsAllowed: true }], addOns: [{ name: 'Meet', seats: 2 }] });
const VALID = 'User ID,Email,Current License,New License,New Add-ons\n001,ann@x.com,Optimize,Engage,Meet\n';
const scratch: string[] = [];
let cli = '';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lp-cli-safety-'));
  scratch.push(dir);
  cli = join(dir, 'cli.cjs');
  await build({ entryPoints: [join(__dirname, 'main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
});
afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lp-cli-work-'));
  scratch.push(dir);
  writeFileSync(join(dir, 'plan.json'), PLAN);
  writeFileSync(join(dir, 'export.csv'), VALID);
  return dir;
}
const exec = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 20_000 });
function refused(result: ReturnType<typeof exec>, reason: RegExp): void {
  expect(result.status).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(reason);
}

describe('license-prep refuses output paths that must not be replaced (exit 2, one line)', () => {
  it('a FIFO given to --out or --report stays a FIFO, and the run does not hang on it', () => {
    const dir = workDir();
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    refused(exec('clean', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--out', join(dir, 'pipe.csv')), /^license-prep: --out .*pipe\.csv is a named pipe \(FIFO\)/);
    refused(exec('validate', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--report', join(dir, 'pipe.csv')), /^license-prep: --report .*pipe\.csv is a named pipe/);
    expect(lstatSync(join(dir, 'pipe.csv')).isFIFO()).toBe(true);
  });

  it.skipIf(!isRoot)('a device node (and a symlink to one, as /dev/stdout is) stays a device', () => {
    const dir = workDir();
    execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3']);
    symlinkSync(join(dir, 'null'), join(dir, 'stdout'));
    refused(exec('clean', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--out', join(dir, 'null')), /is a device, not a regular file/);
    refused(exec('clean', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--out', join(dir, 'stdout')), /is a device/);
    expect(lstatSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
    expect(readlinkSync(join(dir, 'stdout'))).toBe(join(dir, 'null'));
  });

  it('a read-only (0444) output is left as it is', () => {
    const dir = workDir();
    writeFileSync(join(dir, 'out.csv'), 'keep\n');
    chmodSync(join(dir, 'out.csv'), 0o444);
    refused(exec('clean', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--out', join(dir, 'out.csv')), /out\.csv is read-only/);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('keep\n');
  });

  it('the export under another name (a hard link) is refused as the export', () => {
    const dir = workDir();
    linkSync(join(dir, 'export.csv'), join(dir, 'same.csv'));
    refused(exec('clean', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--out', join(dir, 'same.csv')), /would overwrite the file/);
    refused(exec('validate', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--original', join(dir, 'same.csv'), '--report', join(dir, 'same.csv')), /would overwrite/);
    expect(readFileSync(join(dir, 'export.csv'), 'utf8')).toBe(VALID);
  });

  it('writes through a symlink to its target, keeping the link', () => {
    const dir = workDir();
    writeFileSync(join(dir, 'real.csv'), 'old\n');
    symlinkSync('real.csv', join(dir, 'out.csv'));
    const r = exec('clean', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--out', join(dir, 'out.csv'), '--me', 'ann@x.com');
    expect(r.status).toBe(0);
    expect(readlinkSync(join(dir, 'out.csv'))).toBe('real.csv');
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe(VALID);
  });

  it("sweeps a killed run's stale temp file from the output's folder before writing", () => {
    const dir = workDir();
    const orphan = '.out.csv.999999999.0123456789ab.lp-tmp';
    writeFileSync(join(dir, orphan), 'x'.repeat(1000));
    const past = (Date.now() - 60_000) / 1000;
    utimesSync(join(dir, orphan), past, past);
    expect(exec('clean', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--out', join(dir, 'out.csv'), '--me', 'ann@x.com').status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['export.csv', 'out.csv', 'plan.json']);
  });

  it.skipIf(!isRoot)('a full disk (2 MiB tmpfs) is exit 2 with the reason, and the old output stays whole', () => {
    const dir = workDir();
    const disk = mkdtempSync(join(tmpdir(), 'lp-cli-full-'));
    scratch.push(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk]);
    try {
      const rows = Array.from({ length: 80_000 }, (_, i) => `${i},user${i}@x.com,Optimize,Engage,`).join('\n');
      writeFileSync(join(dir, 'big.csv'), `User ID,Email,Current License,New License,New Add-ons\n${rows}\n`);
      writeFileSync(join(dir, 'plan.json'), JSON.stringify({ licenses: [{ name: 'Engage', seats: 100_000, addOnsAllowed: true }], addOns: [] }));
      writeFileSync(join(disk, 'out.csv'), 'old\n');
      refused(exec('clean', join(dir, 'big.csv'), '--plan', join(dir, 'plan.json'), '--out', join(disk, 'out.csv'), '--me', 'user1@x.com'), /disk is full/);
      expect(readFileSync(join(disk, 'out.csv'), 'utf8')).toBe('old\n');
      expect(readdirSync(disk)).toEqual(['out.csv']);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});
