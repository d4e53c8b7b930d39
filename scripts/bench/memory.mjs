// Bench child: the memory one load costs, in a fresh process so the high-water mark is its own.
// `node --expose-gc scripts/bench/memory.mjs JOB.json` with job.subject 'ours' (loadExport +
// createSession + counts, from the bytes) or 'floor' (Papa.parse of the decoded text).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const core = await import(job.core);
const plan = JSON.parse(readFileSync(job.planFile, 'utf8'));
const gc = globalThis.gc ?? (() => {});

const readBytes = () => {
  const buffer = readFileSync(job.file);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};
// As the CLI does: the file is read, decoded and dropped; the floor parses the decoded string, so its
// baseline holds the text, and ours starts from nothing (the read bytes count in its peak).
let text = job.subject === 'floor' ? new TextDecoder().decode(readBytes()) : null;
gc();
gc();
const before = process.memoryUsage();
// The peak is the kernel's high-water mark (maxRSS): no sampling gaps during the synchronous load.
let held;
if (job.subject === 'floor') {
  held = Papa.parse(text, { delimiter: ',', newline: '\r\n' });
} else {
  const loaded = core.loadExport(readBytes());
  if (!loaded.ok) throw new Error(loaded.error.reason);
  held = core.createSession(loaded.value, plan, { me: job.me });
  held.counts();
}
const peakRss = process.resourceUsage().maxRSS * 1024;
gc();
gc();
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    subject: job.subject,
    rssBefore: before.rss,
    heapBefore: before.heapUsed,
    peakRss,
    rssAfter: after.rss,
    heapAfter: after.heapUsed,
    externalAfter: after.external,
    held: held !== undefined,
  }),
);
text = null;
