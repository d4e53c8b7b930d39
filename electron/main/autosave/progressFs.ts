// The file-system calls the autosave store makes: durableWrite's, plus reading and folders. Injectable,
// so the store is tested under Node with an in-memory fs that can "crash" at any call.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { nodeFs, type DurableFs } from '../../files/durableWrite';

export interface ProgressFs extends DurableFs {
  readFile(path: string): Promise<Uint8Array>;
  mkdir(path: string): Promise<void>;
  /** Remove a folder and everything in it; no error when it is not there. */
  rmTree(path: string): Promise<void>;
}

export const nodeProgressFs: ProgressFs = {
  ...nodeFs,
  readFile: (path) => readFile(path),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  rmTree: (path) => rm(path, { recursive: true, force: true }),
};
