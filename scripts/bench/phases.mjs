// Profiling driver: where load + validate time goes, phase by phase, against papaparse's parse.
// Times the core's exported steps one by one (decodeBytes, detectDialect, tokenize, mapColumns,
// createSession) and wraps the session's internal steps by patching the bundled class's prototype
// (the TypeScript `private` is compile-time only), so shared/ needs no instrumentation.
//
//   node --expose-gc scripts/bench/phases.mjs [users=1000000] [runs=3] [--profile]
//   --profile: one extra loadExport + createSession wrapped in inspector CPU profiling,
//              self/total time per function printed, the .cpuprofile kept in the temp dir.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { bundleCore } from './bundle.mjs';
import { summarizeProfile } from './cpuprofile.mjs';
import { exportBytes, generateExport, planFor } from './generate.mjs';
import { median, msSince } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const users = Number(positional[0] ?? 1e6);
const runs = Number(positional[1] ?? 3);
const profile = process.argv.includes('--profile');
const gc = globalThis.gc ?? (() => {});
const dir = mkdtempSync(path.join(os.tmpdir(), 'license-prep-phases-'));
const core = await import(pathToFileURL(await bundleCore(root, dir)).href);
if (!profile) rmSync(dir, { recursive: true, force: true });
let generated = generateExport(users);
const bytes = exportBytes(generated.text);
const me = generated.me;
generated = null;
// The floor parses the decoded string, as the bench does (a flat string, not the generator's cons string).
const text = new TextDecoder().decode(bytes);
const plan = planFor(users);

const phases = new Map();
const time = (name, fn) => {
  const t = process.hrtime.bigint();
  const value = fn();
  const list = phases.get(name) ?? [];
  list.push(msSince(t));
  phases.set(name, list);
  return value;
};

let lastSession = null;
const TOTAL = 'sum: decodeBytes + loadExportText + createSession + counts';
for (let run = 0; run < runs + 1; run++) {
  gc();
  time('floor: Papa.parse(text)', () => Papa.parse(text, { delimiter: ',', newline: '\r\n' }));
  gc();
  time('papaparse Parser.parse (what tokenize calls)', () => new Papa.Parser({ delimiter: ',', newline: '\r\n', quoteChar: '"', escapeChar: '"' }).parse(text, 0, false));
  gc();
  const decoded = time('decodeBytes', () => core.decodeBytes(bytes)).value;
  time('detectDialect (also inside loadExportText)', () => core.detectDialect(decoded.text));
  const loaded = time('loadExportText (dialect, tokenize with key hashes, mapColumns)', () => core.loadExportText(decoded));
  const session = time('createSession', () => core.createSession(loaded, plan, { me }));
  time('counts', () => session.counts());
  const sum = ['decodeBytes', 'loadExportText (dialect, tokenize with key hashes, mapColumns)', 'createSession', 'counts'].reduce((a, k) => a + phases.get(k).at(-1), 0);
  phases.set(TOTAL, [...(phases.get(TOTAL) ?? []), sum]);
  if (run === 0) {
    // The first run warms the JIT up: drop it.
    for (const list of phases.values()) list.length = 0;
  }
  if (run === runs) lastSession = session;
}

console.log(`\n${users.toLocaleString('en-US')} users, median of ${runs} runs (after one warm-up):`);
for (const [name, list] of phases) console.log(`  ${name.padEnd(58)} ${median(list).toFixed(1).padStart(8)} ms   [${list.map((x) => x.toFixed(0)).join(', ')}]`);

// ---- clean write after a bulk edit of every row, phase by phase ----------------------------------
{
  const session = lastSession;
  lastSession = null;
  session.applyChanges(Array.from({ length: session.rowCount }, (_, r) => ({ row: r, license: 'Engage' })));
  const { source } = session;
  const { table } = source;
  const clean = new Map();
  const timeClean = (name, fn) => {
    gc();
    const t = process.hrtime.bigint();
    const value = fn();
    clean.set(name, [...(clean.get(name) ?? []), msSince(t)]);
    return value;
  };
  let rows = null;
  for (let run = 0; run < runs + 1; run++) {
    const file = timeClean('cleanFile (total)', () => core.cleanFile(session));
    const body = core.utf8Bytes(source.text, false);
    timeClean('  recordStartsInBytes (inside spliceUtf8)', () => core.recordStartsInBytes(body, table.dialect).length);
    if (rows === null) {
      rows = Papa.parse(new TextDecoder().decode(file.bytes), { delimiter: ',', newline: '\r\n' }).data;
      rows.pop();
    }
    timeClean('Papa.unparse(same rows)', () => Papa.unparse(rows, { delimiter: ',', newline: '\r\n' }).length);
    if (run === 0) for (const list of clean.values()) list.length = 0;
  }
  console.log('  clean write after a bulk edit of every row:');
  for (const [name, list] of clean) console.log(`    ${name.padEnd(56)} ${median(list).toFixed(1).padStart(8)} ms   [${list.map((x) => x.toFixed(0)).join(', ')}]`);
}

if (profile) {
  gc();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const loaded = core.loadExport(bytes);
  core.createSession(loaded.value, plan, { me }).counts();
  const { profile: cpu } = await session.post('Profiler.stop');
  session.disconnect();
  const file = path.join(dir, `load-${users}.cpuprofile`);
  writeFileSync(file, JSON.stringify(cpu));
  const summary = summarizeProfile(cpu, { top: 30 });
  console.log(`\nCPU profile of one loadExport + createSession + counts (${file}; garbage collection ${summary.gc.toFixed(0)} ms):`);
  console.log('  self time:');
  for (const { name, ms } of summary.self.slice(0, 25)) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  console.log('  total time:');
  for (const { name, ms } of summary.total) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${name}`);
}
