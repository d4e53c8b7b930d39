// Opening and saving files for the renderer (issue 3 "Files"): paths come from dialogs in main, saves use
// durableWrite, the original export is never replaced without a confirmation, and a failed save is
// explained with a way out (retry, or save elsewhere) — the bytes stay in the renderer until it succeeds.
import { createHash } from 'node:crypto';
import { basename, dirname, isAbsolute } from 'node:path';
import { MAX_FILE_BYTES } from '../../../shared/ipc/contract';
import { DurableWriteError, explainWriteError } from '../../files/durableWrite';
import type { FileRegistry, RegisteredPurpose } from './fileRegistry';

export type OpenPurpose = RegisteredPurpose;
export type SavePurpose = 'clean' | 'report' | 'annotated' | 'plan';

export interface FileDialogs {
  chooseOpenPath(purpose: OpenPurpose): Promise<string | null>;
  chooseSavePath(purpose: SavePurpose, suggestedName: string, defaultDir: string | null): Promise<string | null>;
  /** The chosen path is the export the admin opened: replace it, pick another place, or stop. */
  confirmReplaceOriginal(path: string): Promise<'replace' | 'elsewhere' | 'cancel'>;
  /** A save failed: `explanation` says why; the admin retries, saves elsewhere, or stops. */
  explainSaveFailure(explanation: string, path: string): Promise<'retry' | 'elsewhere' | 'cancel'>;
}

export interface FileIo {
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(path: string): Promise<Uint8Array>;
  /** durableWrite in the app. */
  write(path: string, bytes: Uint8Array): Promise<void>;
}

export interface OpenedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly handle: string;
}

export type SaveOutcome = { ok: true; name: string } | { ok: false; canceled: true } | { ok: false; canceled: false; message: string };

/** A problem the admin should read (shown as the IPC error message). */
/**
 * An absolute path on a local disk. UNC (\\host\share, //host/share) and device paths (\\?\, \\.\) are
 * refused for paths a renderer hands over: opening one would make main reach the network (and leak
 * the user's credentials to an SMB server).
 */
export function isLocalAbsolutePath(path: string): boolean {
  if (/^[\\/]{2}/.test(path)) return false;
  return isAbsolute(path);
}

export class FileProblem extends Error {
  override readonly name = 'FileProblem';
}

const MAX_SAVE_ATTEMPTS = 8;

function describeReadError(e: unknown, name: string): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  if (code === 'ENOENT') return `${name} is no longer there: was it moved, renamed or on a disconnected drive?`;
  if (code === 'EACCES' || code === 'EPERM') return `${name} cannot be read: you may not have permission to open it.`;
  if (code === 'EBUSY') return `${name} is locked by another program: close it there and try again.`;
  if (code === 'EISDIR') return `${name} is a folder, not a file.`;
  return `${name} could not be read (${e instanceof Error ? e.message : String(e)}).`;
}

export class FileService {
  constructor(
    private readonly deps: {
      dialogs: FileDialogs;
      io: FileIo;
      registry: FileRegistry;
      /** Called for every export opened (recent files). */
      onOpened?: (path: string, purpose: OpenPurpose) => void;
      maxBytes?: number;
    },
  ) {}

  /** Ask for a file with the native dialog and read it; null when the admin cancels. */
  async open(purpose: OpenPurpose): Promise<OpenedFile | null> {
    const path = await this.deps.dialogs.chooseOpenPath(purpose);
    if (path === null) return null;
    return this.openPath(path, purpose);
  }

  /** Read a path main chose itself (dialog, recent files, a second launch); throws FileProblem. */
  async openPath(path: string, purpose: OpenPurpose): Promise<OpenedFile> {
    const bytes = await this.readChecked(path);
    const handle = this.deps.registry.register(path, purpose);
    this.deps.onOpened?.(path, purpose);
    return { name: basename(path), bytes, handle };
  }

  /**
   * Remember a dropped file only if the path holds exactly the bytes the renderer already read
   * (so a hostile renderer cannot use this to read anything); returns a handle, or null.
   */
  async adoptDropped(request: { path: string; purpose: OpenPurpose; size: number; sha256: string }): Promise<string | null> {
    if (!isLocalAbsolutePath(request.path)) return null;
    let bytes: Uint8Array;
    try {
      const st = await this.deps.io.stat(request.path);
      if (!st.isFile() || st.size !== request.size || st.size > this.maxBytes) return null;
      bytes = await this.deps.io.readFile(request.path);
    } catch {
      return null;
    }
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (digest !== request.sha256) return null;
    const handle = this.deps.registry.register(request.path, request.purpose);
    this.deps.onOpened?.(request.path, request.purpose);
    return handle;
  }

  async save(request: { purpose: SavePurpose; suggestedName: string; bytes: Uint8Array; sourceHandle?: string | null }): Promise<SaveOutcome> {
    const { dialogs, io, registry } = this.deps;
    const sourcePath = registry.pathOf(request.sourceHandle);
    const defaultDir = sourcePath === null ? null : dirname(sourcePath);
    let lastProblem = 'The file was not saved.';
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      const path = await dialogs.chooseSavePath(request.purpose, basename(request.suggestedName), defaultDir);
      if (path === null) return attempt === 0 ? { ok: false, canceled: true } : { ok: false, canceled: false, message: lastProblem };
      if (registry.isSourcePath(path)) {
        const choice = await dialogs.confirmReplaceOriginal(path);
        if (choice === 'cancel') return { ok: false, canceled: true };
        if (choice === 'elsewhere') continue;
      }
      for (;;) {
        try {
          await io.write(path, request.bytes);
          return { ok: true, name: basename(path) };
        } catch (e) {
          lastProblem = e instanceof DurableWriteError ? explainWriteError(e) : `The file could not be saved (${e instanceof Error ? e.message : String(e)}): try again, or save to another folder.`;
          const choice = await dialogs.explainSaveFailure(lastProblem, path);
          if (choice === 'retry') continue;
          if (choice === 'cancel') return { ok: false, canceled: false, message: lastProblem };
          break;
        }
      }
    }
    return { ok: false, canceled: false, message: lastProblem };
  }

  private get maxBytes(): number {
    return this.deps.maxBytes ?? MAX_FILE_BYTES;
  }

  private async readChecked(path: string): Promise<Uint8Array> {
    const name = basename(path);
    let st: { size: number; isFile(): boolean };
    try {
      st = await this.deps.io.stat(path);
    } catch (e) {
      throw new FileProblem(describeReadError(e, name));
    }
    if (!st.isFile()) throw new FileProblem(`${name} is not a file.`);
    if (st.size > this.maxBytes) throw new FileProblem(`${name} is too large to open (${Math.round(st.size / 1048576)} MB; the limit is ${Math.round(this.maxBytes / 1048576)} MB).`);
    try {
      return await this.deps.io.readFile(path);
    } catch (e) {
      throw new FileProblem(describeReadError(e, name));
    }
  }
}
