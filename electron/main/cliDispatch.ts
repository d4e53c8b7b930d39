// Runs the CLI inside the packaged app (docs/formats.md "The CLI"): the same electron/cli module as `npx license-prep`,
// with no window; the caller exits the app with the returned status.
import { nodeCliIo, preferSmallHeap } from '../cli/nodeIo';
import { runCli, type CliIo } from '../cli/run';

export async function runCliMode(args: readonly string[], io: CliIo = nodeCliIo, run: typeof runCli = runCli): Promise<number> {
  if (io === nodeCliIo) preferSmallHeap();
  try {
    return await run(args, io);
  } catch (e) {
    io.stderr(`license-prep: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
