// Entry of the `license-prep` bin: run the CLI on process.argv and exit with its status.
import { runCli } from './run';
import { exitQuietlyOnBrokenPipe, nodeCliIo, preferSmallHeap } from './nodeIo';

preferSmallHeap();
exitQuietlyOnBrokenPipe((code) => process.exit(code));

runCli(process.argv.slice(2), nodeCliIo).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`license-prep: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
