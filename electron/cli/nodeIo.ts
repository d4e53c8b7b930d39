// The CLI's real input and output: files read with a size limit and written through writeFileSafely
// (durableWrite, never over a device, FIFO or read-only file), text to the process streams at the pace of
// their reader.
import { open } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { describeLimit } from '../../shared/index';
import { DurableWriteError, explainWriteError } from '../files/durableWrite';
import { WriteRefused, writeFileSafely } from '../files/writeTarget';
import type { CliIo } from './run';

class TooBig extends Error {
  readonly code = 'ETOOBIG';
}

/**
 * The CLI is one batch over one file: ask V8 to collect garbage early rather than grow the heap (a
 * million-row validation peaks at about half the memory, for a few percent of time). Call first thing.
 */
export function preferSmallHeap(): void {
  setFlagsFromString('--optimize-for-size');
}

/**
 * Read at most `maxBytes` (and one more to know it is too big): a device such as /dev/zero, a FIFO
 * or a huge file is refused with a reason instead of reading forever or exhausting memory.
 */
export async function readLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > maxBytes) throw new TooBig(`it is larger than ${describeLimit(maxBytes)} (${describeLimit(stat.size)}), the most this program reads`);
    if (stat.isFile() && stat.size > 0) {
      // A regular file: read it into one buffer of its size (a second copy would double the peak).
      const out = new Uint8Array(stat.size);
      let at = 0;
      while (at < out.length) {
        const { bytesRead } = await handle.read(out, at, out.length - at, null);
        if (bytesRead === 0) break;
        at += bytesRead;
      }
      // It grew while we read: read on in chunks (and refuse past the limit), as for a pipe.
      if (at === out.length) {
        const probe = new Uint8Array(1);
        if ((await handle.read(probe, 0, 1, null)).bytesRead === 0) return out;
        if (out.length + 1 > maxBytes) throw new TooBig(`it is larger than ${describeLimit(maxBytes)}, the most this program reads`);
        return concat([out, probe, ...(await readRest(handle, maxBytes - out.length - 1))]);
      }
      return out.subarray(0, at);
    }
    return concat(await readRest(handle, maxBytes));
  } finally {
    await handle.close();
  }
}

/** The rest of a file, a device or a pipe in 1 MiB pieces, refused once it passes `maxBytes`. */
async function readRest(handle: Awaited<ReturnType<typeof open>>, maxBytes: number): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const size = Math.min(1 << 20, maxBytes + 1 - total);
    const buffer = new Uint8Array(size);
    const { bytesRead } = await handle.read(buffer, 0, size, null);
    if (bytesRead === 0) break;
    chunks.push(bytesRead === size ? buffer : buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) throw new TooBig(`it is larger than ${describeLimit(maxBytes)}, the most this program reads`);
  }
  return chunks;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export const nodeCliIo: CliIo = {
  stdout: (text) => {
    if (process.stdout.write(text)) return;
    return new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  },
  stderr: (text) => void process.stderr.write(text),
  readFile: readLimited,
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
