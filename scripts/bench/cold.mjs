// Bench child: one load in a fresh process, as the CLI does it once per run — nothing warmed up, the
// JIT compiling while the file is read. `node scripts/bench/cold.mjs JOB.json` with job.subject 'ours'
// (loadExport + createSession + counts, from the bytes) or 'floor' (Papa.parse of the decoded text,
// the decode not timed, as in measure.mjs). Prints {"ms": …}.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { msSince } from './stats.mjs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const buffer = readFileSync(job.file);
const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
let ms;
if (job.subject === 'floor') {
  const text = new TextDecoder().decode(bytes);
  const t = process.hrtime.bigint();
  Papa.parse(text, { delimiter: ',', newline: '\r\n' });
  ms = msSince(t);
} else {
  const core = await import(job.core);
  const plan = JSON.parse(readFileSync(job.planFile, 'utf8'));
  const t = process.hrtime.bigint();
  const loaded = core.loadExport(bytes);
  if (!loaded.ok) throw new Error(loaded.error.reason);
  core.createSession(loaded.value, plan, { me: job.me }).counts();
  ms = msSince(t);
}
process.stdout.write(JSON.stringify({ ms }));
