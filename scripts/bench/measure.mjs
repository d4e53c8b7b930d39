// Bench child: times one export size against the bundled core and papaparse, prints JSON on stdout.
// Run by scripts/bench.mjs as `node --expose-gc scripts/bench/measure.mjs JOB.json`, twice: with
// job.only 'floor' (papaparse's parse alone) and 'ours' (everything else). Each subject gets a heap of
// its own: parsed together, papaparse's million arrays left V8's young generation grown and made our
// load's scavenges cost 50 ms more at 100k users (seen with a PerformanceObserver on 'gc').
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { msSince, median } from './stats.mjs';
import { rng } from './generate.mjs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const core = await import(job.core);
const { loadExport, createSession, cleanFile } = core;
const plan = JSON.parse(readFileSync(job.planFile, 'utf8'));
const gc = globalThis.gc ?? (() => {});
const log = (message) => process.stderr.write(`  [${job.label}] ${message}\n`);

const readBytes = (file) => {
  const buffer = readFileSync(file);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};
const bytes = readBytes(job.file);

const floorParse = (text) => Papa.parse(text, { delimiter: ',', newline: '\r\n' });
const loadAndValidate = (input) => {
  const loaded = loadExport(input);
  if (!loaded.ok) throw new Error(`loadExport refused the bench file: ${loaded.error.reason}`);
  const session = createSession(loaded.value, plan, { me: job.me });
  const counts = session.counts();
  return { session, counts };
};

// Warm-up on a small export so the first measured run is not paying for the JIT.
{
  const warm = readBytes(job.warmFile);
  const warmText = new TextDecoder().decode(warm);
  for (let i = 0; i < 3; i++) {
    if (job.only !== 'ours') floorParse(warmText);
    if (job.only === 'floor') continue;
    const { session } = loadAndValidate(warm);
    session.applyChanges([{ row: 1, license: 'Engage' }]);
    session.applyChanges(Array.from({ length: session.rowCount }, (_, r) => ({ row: r, license: i % 2 ? 'Admin' : 'Engage' })));
    cleanFile(session);
    Papa.unparse([['a', 'b,c'], ['d', 'e']], { delimiter: ',', newline: '\r\n' });
  }
}

// Decode once for the floor (it parses the decoded string); time the decode itself for information.
const decodeRuns = [];
let text = '';
for (let i = 0; job.only !== 'ours' && i < job.runs; i++) {
  gc();
  const t = process.hrtime.bigint();
  text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  decodeRuns.push(msSince(t));
}

const floorRuns = [];
const loadRuns = [];
let floorRows = 0;
let floorErrors = 0;
let session = null;
let counts = null;
for (let i = 0; i < job.runs; i++) {
  session = null;
  if (job.only !== 'ours') {
    gc();
    const t = process.hrtime.bigint();
    let parsed = floorParse(text);
    floorRuns.push(msSince(t));
    floorRows = parsed.data.length;
    floorErrors = parsed.errors.length;
    parsed = null;
    log(`run ${i + 1}/${job.runs}: papaparse ${floorRuns.at(-1).toFixed(0)} ms`);
  }
  if (job.only !== 'floor') {
    gc();
    const t = process.hrtime.bigint();
    ({ session, counts } = loadAndValidate(bytes));
    loadRuns.push(msSince(t));
    log(`run ${i + 1}/${job.runs}: load + validate ${loadRuns.at(-1).toFixed(0)} ms`);
  }
}
if (job.only === 'floor') {
  process.stdout.write(JSON.stringify({ decodeRuns, floorRuns, floorRows, floorErrors }));
  process.exit(0);
}
const rowCount = session.rowCount;
const seats = session.seatUsage();

// One-cell edits on random rows: the app's keystroke path (edit + seat counters + error counts).
const random = rng(7);
const editUs = [];
let editsChanged = 0;
gc();
for (let i = 0; i < job.edits; i++) {
  const row = Math.floor(random() * rowCount);
  const license = session.licenseOf(row) === 'Engage' ? 'Admin' : 'Engage';
  const t = process.hrtime.bigint();
  const applied = session.applyChanges([{ row, license }]);
  session.seatUsage();
  session.counts();
  editUs.push(Number(process.hrtime.bigint() - t) / 1e3);
  editsChanged += applied.rows.length;
}

// Bulk edit of every row (one applyChanges), alternating the value so each run changes rows.
const bulkRuns = [];
const bulkChanged = [];
for (let i = 0; i < job.runs; i++) {
  const license = i % 2 === 0 ? 'Essentials' : 'Engage';
  let changes = new Array(rowCount);
  for (let r = 0; r < rowCount; r++) changes[r] = { row: r, license };
  gc();
  const t = process.hrtime.bigint();
  const applied = session.applyChanges(changes);
  session.seatUsage();
  session.counts();
  bulkRuns.push(msSince(t));
  bulkChanged.push(applied.rows.length);
  changes = null;
}
log(`edits done: one-cell median ${median(editUs).toFixed(1)} µs, bulk ${median(bulkRuns).toFixed(0)} ms`);

// Clean write after the bulk edit vs Papa.unparse of the same rows (the rows the clean file holds).
const cleanRuns = [];
let clean = null;
for (let i = 0; i < job.runs; i++) {
  clean = null;
  gc();
  const t = process.hrtime.bigint();
  clean = cleanFile(session);
  cleanRuns.push(msSince(t));
}
const cleanBytes = clean.bytes.length;
const cleanChanged = clean.changedRows;
let rows = Papa.parse(new TextDecoder().decode(clean.bytes), { delimiter: ',', newline: '\r\n' }).data;
if (rows.length > 1 && rows.at(-1).length === 1 && rows.at(-1)[0] === '') rows.pop();
clean = null;
const unparseRuns = [];
const encodeRuns = [];
let unparsedLength = 0;
for (let i = 0; i < job.runs; i++) {
  gc();
  let t = process.hrtime.bigint();
  let out = Papa.unparse(rows, { delimiter: ',', newline: '\r\n' });
  unparseRuns.push(msSince(t));
  t = process.hrtime.bigint();
  unparsedLength = new TextEncoder().encode(out).length;
  encodeRuns.push(msSince(t));
  out = null;
}
log(`clean ${median(cleanRuns).toFixed(0)} ms, unparse ${median(unparseRuns).toFixed(0)} ms`);
rows = null;

process.stdout.write(
  JSON.stringify({
    users: job.users,
    bytes: bytes.length,
    rowCount,
    floorRows,
    floorErrors,
    counts,
    seats,
    decodeRuns,
    floorRuns,
    loadRuns,
    editUs,
    editsChanged,
    bulkRuns,
    bulkChanged,
    cleanRuns,
    cleanBytes,
    cleanChanged,
    unparseRuns,
    encodeRuns,
    unparsedBytes: unparsedLength,
    maxRSS: process.resourceUsage().maxRSS * 1024,
  }),
);
