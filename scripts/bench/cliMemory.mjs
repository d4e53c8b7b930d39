// Bench child: `license-prep validate FILE --plan PLAN --format json` run in this fresh process with the
// real CLI code (bundled), its JSON streamed to /dev/null; prints the process's own peak RSS.
import { createWriteStream, readFileSync } from 'node:fs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { runCli, nodeCliIo, preferSmallHeap } = await import(job.cli);
// As the `license-prep` bin does first thing.
preferSmallHeap();
const sink = createWriteStream('/dev/null');
let written = 0;
const io = {
  ...nodeCliIo,
  stdout: (text) => {
    written += text.length;
    if (sink.write(text)) return undefined;
    return new Promise((resolve) => sink.once('drain', resolve));
  },
};
const before = process.memoryUsage().rss;
const code = await runCli(['validate', job.file, '--plan', job.planFile, '--me', job.me ?? 'nobody@example.com', '--format', 'json'], io);
await new Promise((resolve) => sink.end(resolve));
process.stdout.write(JSON.stringify({ code, rssBefore: before, peakRss: process.resourceUsage().maxRSS * 1024, jsonChars: written }));
