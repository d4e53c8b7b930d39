// Messages between the renderer and the load worker: the file's bytes go in (and come back once read);
// its description, its rows in chunks and (afterwards, in the background) the sort ranks of its
// text-only columns come out.
import type { CsvTableHead, FileRefusal, KeyHashes, LoadedExport, UserCheck } from '../../shared/index';
import type { RowChunk } from './rowChunks';

export type LoadRequest =
  | {
      readonly type: 'load';
      readonly id: number;
      /** Transferred: the worker hands the bytes back with the head. */
      readonly bytes: Uint8Array;
      /** Also rank the text-only locked columns for sorting, when told to (not for an original export). */
      readonly rank: boolean;
      /** The encoding the admin chose (a WHATWG label), or undefined to detect it. */
      readonly encoding?: string;
    }
  /** The file is open and its first screen shown: rank now (not while the UI thread checks every row). */
  | { readonly type: 'rank'; readonly id: number };

/** Everything the file says except its rows, its text (the UI thread decodes that only if asked) and its users (checked after the rows are sent). */
export type LoadHead = Omit<LoadedExport, 'table' | 'text' | 'keyHashes' | 'userCheck'> & {
  readonly table: CsvTableHead;
  readonly rows: number;
};

export interface LoadTail {
  readonly sha256: string;
  /** Columns that travelled as text in some chunk (no full dictionary). */
  readonly textColumns: readonly number[];
  /** When the worker had read the file and posted its last rows (performance.timeOrigin + now). */
  readonly packedAt: number;
  /** When the users were checked (a mark on the page's timeline). */
  readonly checkedAt: number;
  /** The rows' key hashes and the user check, made once the rows were sent (transferred). */
  readonly users: { readonly keyHashes?: KeyHashes; readonly userCheck?: UserCheck };
}

export type LoadStage = 'reading' | 'transferring' | 'checking';

export type LoadResponse =
  | { readonly id: number; readonly type: 'progress'; readonly stage: LoadStage; readonly rows?: number }
  /** Before the first rows: how many cells a row has, and how many rows there can be at most (blank records not yet left out). */
  | { readonly id: number; readonly type: 'start'; readonly width: number; readonly rows: number }
  /** After the last rows: the file's description (its row count is final), and its bytes back. */
  | { readonly id: number; readonly type: 'head'; readonly head: LoadHead; readonly bytes: Uint8Array }
  | { readonly id: number; readonly type: 'rows'; readonly chunk: RowChunk }
  | { readonly id: number; readonly type: 'done'; readonly tail: LoadTail }
  /** Sort ranks of one text-only locked column, sent after 'done' while the admin already works. */
  | { readonly id: number; readonly type: 'ranks'; readonly column: number; readonly rank: Uint32Array; readonly distinct: number }
  | { readonly id: number; readonly type: 'settled' }
  | { readonly id: number; readonly type: 'refused'; readonly refusal: FileRefusal; readonly bytes: Uint8Array }
  | { readonly id: number; readonly type: 'failed'; readonly message: string };
