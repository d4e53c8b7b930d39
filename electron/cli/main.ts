// Entry of the `license-prep` bin: run the CLI on process.argv and exit with its status.
import { runCli } from './run';
import { nodeCliIo } from './nodeIo';

// Piped into `head` and the reader left: stop quietly, as command-line tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

runCli(process.argv.slice(2), nodeCliIo).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`license-prep: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
