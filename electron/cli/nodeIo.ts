// The CLI's real input and output: files through writeFileSafely (durableWrite), text to the process streams.
import { readFile } from 'node:fs/promises';
import { DurableWriteError, explainWriteError } from '../files/durableWrite';
import { WriteRefused, writeFileSafely } from '../files/writeTarget';
import type { CliIo } from './run';

export const nodeCliIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: async (path, bytes) => {
    try {
      // Refuses devices, FIFOs and read-only files, writes through symlinks, sweeps our stale temp files.
      await writeFileSafely(path, bytes);
    } catch (e) {
      if (e instanceof WriteRefused) throw new Error(e.why, { cause: e });
      if (e instanceof DurableWriteError) throw new Error(explainWriteError(e), { cause: e });
      throw e;
    }
  },
};

/** Piped into `head` and the reader left: stop quietly with `exit`, as command-line tools do. */
export function exitQuietlyOnBrokenPipe(exit: (code: number) => void): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    else throw e;
  });
}
