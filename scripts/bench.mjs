// `npm run bench` (README "Performance"): load + validate, one-cell edit, bulk edit and
// clean write of the real core (shared/index.ts bundled with esbuild) on generated 100,000- and
// 1,000,000-user exports, against papaparse's own parse and unparse of the same data. A report: never fails.
//
//   node scripts/bench.mjs [--sizes=100000,1000000] [--runs=5,3] [--edits=1000] [--keep]
//                          [--v8=--max-semi-space-size=64]   (extra V8 flags for the measuring children)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleCli, bundleCore } from './bench/bundle.mjs';
import { exportBytes, generateExport, planFor, HEADER } from './bench/generate.mjs';
import { fmtMB, fmtMs, fmtUs, fmtX, median, percentile, table } from './bench/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const sizes = arg('sizes', '100000,1000000').split(',').map(Number);
const runsArg = arg('runs', '5,3').split(',').map(Number);
const runsFor = (i) => runsArg[Math.min(i, runsArg.length - 1)];
const edits = Number(arg('edits', '1000'));
const keep = process.argv.includes('--keep');
const v8Flags = arg('v8', '').split(' ').filter(Boolean);

const started = Date.now();
const loadAtStart = os.loadavg()[0];
const dir = mkdtempSync(path.join(os.tmpdir(), 'license-prep-bench-'));
const say = (message) => process.stderr.write(message + '\n');

function runChild(script, job, heapMB) {
  const jobFile = path.join(dir, `job-${job.label}-${job.subject ?? 'time'}.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', `--max-old-space-size=${heapMB}`, ...v8Flags, path.join(here, 'bench', script), jobFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${script} ${job.label} exited with ${code}`))));
  });
}

const versions = {
  esbuild: JSON.parse(readFileSync(path.join(root, 'node_modules/esbuild/package.json'), 'utf8')).version,
  papaparse: JSON.parse(readFileSync(path.join(root, 'node_modules/papaparse/package.json'), 'utf8')).version,
};

try {
  say(`bench: bundling shared/index.ts with esbuild ${versions.esbuild} into ${dir}`);
  const core = pathToFileURL(await bundleCore(root, dir)).href;
  const cli = pathToFileURL(await bundleCli(root, dir)).href;

  // The warm-up file is large enough (25,000 users) to be read the way big files are (along record spans,
  // compactly): a smaller one would warm papaparse's whole-file path, which the measured sizes never take.
  const warmFile = path.join(dir, 'warm.csv');
  writeFileSync(warmFile, exportBytes(generateExport(25_000, 1).text));

  const results = [];
  for (const [i, users] of sizes.entries()) {
    const label = users >= 1e6 ? `${users / 1e6}M` : `${users / 1e3}k`;
    say(`bench: generating ${users.toLocaleString('en-US')} users`);
    const file = path.join(dir, `export-${label}.csv`);
    const planFile = path.join(dir, `plan-${label}.json`);
    let generated = generateExport(users);
    const bytes = exportBytes(generated.text);
    writeFileSync(file, bytes);
    writeFileSync(planFile, JSON.stringify(planFor(users)));
    const facts = { me: generated.me, multiline: generated.multiline, size: bytes.length, chars: generated.text.length };
    generated = null;
    const heapMB = users >= 1e6 ? 12288 : 4096;
    const job = { label, users, file, planFile, warmFile, core, me: facts.me, runs: runsFor(i), edits };
    say(`bench: ${label} timing (${job.runs} runs)`);
    // papaparse and ours each in a process of their own (measure.mjs says why), then merged.
    const floorTiming = await runChild('measure.mjs', { ...job, only: 'floor', subject: 'floor-time' }, heapMB);
    const timing = { ...(await runChild('measure.mjs', { ...job, only: 'ours', subject: 'ours-time' }, heapMB)), ...floorTiming };
    say(`bench: ${label} first load in a fresh process (${job.runs} of each)`);
    const cold = { ours: [], floor: [] };
    for (let k = 0; k < job.runs; k++) {
      for (const subject of ['floor', 'ours']) cold[subject].push((await runChild('cold.mjs', { ...job, subject }, heapMB)).ms);
    }
    say(`bench: ${label} memory`);
    const ours = await runChild('memory.mjs', { ...job, subject: 'ours' }, heapMB);
    const floor = await runChild('memory.mjs', { ...job, subject: 'floor' }, heapMB);
    say(`bench: ${label} CLI validate --format json`);
    const cliRun = await runChild('cliMemory.mjs', { ...job, cli, subject: 'cli' }, heapMB);
    results.push({ label, users, facts, timing, cold, ours, floor, cli: cliRun, runs: job.runs });
    rmSync(file, { force: true });
  }

  // ---- report -------------------------------------------------------------------------------
  const n = (x) => x.toLocaleString('en-US');
  const m = results.map((r) => {
    const t = r.timing;
    return {
      ...r,
      floor: median(t.floorRuns),
      decode: median(t.decodeRuns),
      load: median(t.loadRuns),
      edit: median(t.editUs),
      edit99: percentile(t.editUs, 99),
      editMax: Math.max(...t.editUs),
      bulk: median(t.bulkRuns),
      clean: median(t.cleanRuns),
      unparse: median(t.unparseRuns),
      encode: median(t.encodeRuns),
      coldOurs: median(r.cold.ours),
      coldFloor: median(r.cold.floor),
      mem: { ours: r.ours, floor: r.floor },
    };
  });
  const head = ['', ...m.map((r) => `${n(r.users)} users`)];
  const row = (label, f) => [label, ...m.map(f)];
  const lines = [
    head,
    row('file (UTF-8 + BOM, CRLF)', (r) => `${fmtMB(r.facts.size)}, ${n(r.facts.multiline)} multi-line cells`),
    row('runs (median of)', (r) => String(r.runs)),
    row('(1) papaparse parse = floor', (r) => fmtMs(r.floor)),
    row('    (info) UTF-8 decode of bytes', (r) => fmtMs(r.decode)),
    row('(2) load + validate (from bytes)', (r) => fmtMs(r.load)),
    row('    ratio to floor (target ≤ 1.5×)', (r) => fmtX(r.load / r.floor)),
    row('    (info) first load, fresh process', (r) => `${fmtMs(r.coldOurs)} vs papaparse ${fmtMs(r.coldFloor)} = ${fmtX(r.coldOurs / r.coldFloor)}`),
    row('(3) one-cell edit + counters, median', (r) => fmtUs(r.edit)),
    row('    p99 / max', (r) => `${fmtUs(r.edit99)} / ${fmtUs(r.editMax)}`),
    row('(4) bulk edit of every row', (r) => fmtMs(r.bulk)),
    row('(5) clean write (cleanFile)', (r) => fmtMs(r.clean)),
    row('    Papa.unparse, same rows', (r) => fmtMs(r.unparse)),
    row('    (info) + UTF-8 encode of unparse', (r) => fmtMs(r.unparse + r.encode)),
    row('    ratio clean / unparse (target ≤ 1×)', (r) => fmtX(r.clean / r.unparse)),
    row('peak RSS, load + validate', (r) => `${fmtMB(r.mem.ours.peakRss)} (+${fmtMB(r.mem.ours.peakRss - r.mem.ours.rssBefore)})`),
    row('peak RSS, papaparse parse', (r) => `${fmtMB(r.mem.floor.peakRss)} (+${fmtMB(r.mem.floor.peakRss - r.mem.floor.rssBefore)})`),
    row('peak RSS, CLI validate --format json', (r) => `${fmtMB(r.cli.peakRss)} (${fmtX(r.cli.peakRss / r.facts.size)} the file; JSON ${fmtMB(r.cli.jsonChars)})`),
    row('heapUsed after load (ours / floor)', (r) => `${fmtMB(r.mem.ours.heapAfter)} / ${fmtMB(r.mem.floor.heapAfter)}`),
  ];
  const out = [];
  out.push('');
  out.push(`License Prep bench — Node ${process.version}, ${os.cpus().length} CPUs, ${os.platform()} ${os.arch()}; core = shared/index.ts bundled by esbuild ${versions.esbuild}; papaparse ${versions.papaparse}${v8Flags.length ? `; V8 flags ${v8Flags.join(' ')}` : ''}`);
  out.push(`Export: ${HEADER.length} columns (${HEADER.join(', ')}); quoted commas, "" quotes, CRLF inside cells, non-ASCII names; plan Engage/Admin/Essentials + Meet/Deal; --me set.`);
  out.push('');
  out.push(table(lines));
  out.push('');
  out.push('Runs (ms):');
  for (const r of m) {
    const t = r.timing;
    const list = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
    out.push(`  ${r.label}: first load in a fresh process: papaparse [${list(r.cold.floor)}]  ours [${list(r.cold.ours)}]`);
    out.push(`  ${r.label}: floor [${list(t.floorRuns)}]  load+validate [${list(t.loadRuns)}]  bulk [${list(t.bulkRuns)}]  clean [${list(t.cleanRuns)}]  unparse [${list(t.unparseRuns)}]`);
    out.push(`  ${r.label}: ${n(t.rowCount)} rows loaded (papaparse: ${n(t.floorRows)} records incl. header + final empty, ${t.floorErrors} errors); findings ${n(t.counts.errors)} errors, ${n(t.counts.warnings)} warnings; ${n(t.editsChanged)}/${n(t.editUs.length)} edits changed a row; bulk changed [${t.bulkChanged.map(n).join(', ')}] rows; clean rewrote ${n(t.cleanChanged)} rows (${fmtMB(t.cleanBytes)}; unparse ${fmtMB(t.unparsedBytes)}); timing child maxRSS ${fmtMB(t.maxRSS)}`);
  }
  out.push('');
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  for (const r of m) {
    const ratio = r.load / r.floor;
    out.push(`${verdict(ratio <= 1.5)}  ${r.label} load + validate ≤ 1.5× papaparse: ${fmtMs(r.load)} vs ${fmtMs(r.floor)} = ${fmtX(ratio)}${ratio > 1.5 ? ` (over by ${((ratio / 1.5 - 1) * 100).toFixed(0)}%; ${fmtMs(r.load - 1.5 * r.floor)} too slow)` : ''}`);
  }
  for (const r of m) {
    // The memory target is set at 1M users: a smaller file is dwarfed by Node's own ~70 MB, so it is shown, not judged.
    const judged = r.users >= 1e6;
    const mark = (ok) => (judged ? verdict(ok) : 'INFO');
    const ratio = r.mem.ours.peakRss / r.facts.size;
    out.push(`${mark(ratio <= 5)}  ${r.label} peak RSS of load + validate ≤ 5× the file${judged ? '' : ' (target at 1M)'}: ${fmtMB(r.mem.ours.peakRss)} for ${fmtMB(r.facts.size)} = ${fmtX(ratio)}`);
    const cliRatio = r.cli.peakRss / r.facts.size;
    out.push(`${mark(cliRatio <= 5)}  ${r.label} peak RSS of validate --format json ≤ 5× the file${judged ? '' : ' (target at 1M)'}: ${fmtMB(r.cli.peakRss)} = ${fmtX(cliRatio)} (exit ${r.cli.code}, ${fmtMB(r.cli.jsonChars)} of JSON streamed)`);
  }
  for (const r of m) {
    out.push(`${verdict(r.edit < 1000)}  ${r.label} one-cell edit < 1 ms (target at 1M): median ${fmtUs(r.edit)}, p99 ${fmtUs(r.edit99)}`);
  }
  for (const r of m) {
    const ratio = r.clean / r.unparse;
    out.push(`${verdict(ratio <= 1)}  ${r.label} clean write ≤ Papa.unparse: ${fmtMs(r.clean)} vs ${fmtMs(r.unparse)} = ${fmtX(ratio)}`);
  }
  out.push(`(total bench time ${((Date.now() - started) / 1000).toFixed(0)} s; 1-min load average ${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end: other work on the machine makes runs noisy)`);
  console.log(out.join('\n'));
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
  else say(`bench: kept ${dir}`);
}
