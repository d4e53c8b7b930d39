// Opening and saving files for the renderer (README "Files"): paths come from dialogs in main (or from a
// real dropped File, resolved in the preload), saves go through writeFileSafely, the original export is
// never replaced without a confirmation (recognised by device and inode too), and a failed save is
// explained with a way out (retry, or save elsewhere) — the bytes stay in the renderer until it succeeds.
// Files are read one at a time, so no number of requests can make main hold more than one file.
import { basename, dirname, isAbsolute } from 'node:path';
import { MAX_FILE_BYTES } from '../../../shared/ipc/contract';
import { DurableWriteError, explainWriteError } from '../../files/durableWrite';
import { WriteRefused, type FileIdentity } from '../../files/writeTarget';
import type { FileRegistry, RegisteredPurpose } from './fileRegistry';
import { OneAtATime } from './oneAtATime';

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
  /** The sha256 of a file, read in small chunks (bounded memory). */
  sha256(path: string): Promise<string>;
  /** Device, inode and real path (writeTarget's identityOf in the app). */
  identity(path: string): Promise<FileIdentity | null>;
  /** writeFileSafely in the app: refuses devices, FIFOs, read-only files and the `inputs`; throws WriteRefused or DurableWriteError. */
  write(path: string, bytes: Uint8Array, options: { inputs: readonly string[] }): Promise<void>;
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
  private readonly reads = new OneAtATime();

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
  openPath(path: string, purpose: OpenPurpose): Promise<OpenedFile> {
    return this.reads.run(async () => {
      const bytes = await this.readChecked(path);
      const handle = this.deps.registry.register(path, purpose, await this.identity(path));
      this.deps.onOpened?.(path, purpose);
      return { name: basename(path), bytes, handle };
    });
  }

  /**
   * A dropped file: `path` comes from the preload (webUtils.getPathForFile on a real File the user
   * dropped), never from page JavaScript. It is remembered only if it holds exactly the bytes the
   * renderer already read (size, then a streamed sha256); returns a handle, or null.
   */
  adoptDropped(request: { path: string; purpose: OpenPurpose; size: number; sha256: string }): Promise<string | null> {
    if (!isLocalAbsolutePath(request.path)) return Promise.resolve(null);
    return this.reads.run(async () => {
      try {
        const st = await this.deps.io.stat(request.path);
        if (!st.isFile() || st.size !== request.size || st.size > this.maxBytes) return null;
        if ((await this.deps.io.sha256(request.path)) !== request.sha256) return null;
      } catch {
        return null;
      }
      const handle = this.deps.registry.register(request.path, request.purpose, await this.identity(request.path));
      this.deps.onOpened?.(request.path, request.purpose);
      return handle;
    });
  }

  private async identity(path: string): Promise<FileIdentity | null> {
    return this.deps.io.identity(path).catch(() => null);
  }

  async save(request: { purpose: SavePurpose; suggestedName: string; bytes: Uint8Array; sourceHandle?: string | null }): Promise<SaveOutcome> {
    const { dialogs, io, registry } = this.deps;
    const sourcePath = registry.pathOf(request.sourceHandle);
    const defaultDir = sourcePath === null ? null : dirname(sourcePath);
    let lastProblem = 'The file was not saved.';
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      const path = await dialogs.chooseSavePath(request.purpose, basename(request.suggestedName), defaultDir);
      if (path === null) return attempt === 0 ? { ok: false, canceled: true } : { ok: false, canceled: false, message: lastProblem };
      // The export under another name (a link, a bind mount) is still the export: compare device and inode.
      let confirmedReplace = false;
      if (registry.isSourcePath(path, await this.identity(path))) {
        const choice = await dialogs.confirmReplaceOriginal(path);
        if (choice === 'cancel') return { ok: false, canceled: true };
        if (choice === 'elsewhere') continue;
        confirmedReplace = true;
      }
      for (;;) {
        try {
          await io.write(path, request.bytes, { inputs: confirmedReplace ? [] : registry.sourcePaths() });
          return { ok: true, name: basename(path) };
        } catch (e) {
          lastProblem =
            e instanceof WriteRefused
              ? `${basename(path)} ${e.why}`
              : e instanceof DurableWriteError
                ? explainWriteError(e)
                : `The file could not be saved (${e instanceof Error ? e.message : String(e)}): try again, or save to another folder.`;
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
