// The real file calls behind FileService: reads, a streamed sha256 (64 KiB chunks, so checking a dropped
// 250 MB file never holds it in memory), file identity, and writeFileSafely for every save.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { identityOf, writeFileSafely } from '../../files/writeTarget';
import type { FileIo } from './fileService';

export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path, { highWaterMark: 64 * 1024 })
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export const nodeFileIo: FileIo = {
  stat: (path) => stat(path),
  readFile: async (path) => new Uint8Array(await readFile(path)),
  sha256: sha256OfFile,
  identity: (path) => identityOf(path),
  write: async (path, bytes, options) => {
    await writeFileSafely(path, bytes, { inputs: options.inputs });
  },
};
