// Messages between the renderer and the load worker: the file's bytes go in; its description, its rows
// in chunks, its per-row indexes and (afterwards, in the background) the sort ranks of its columns come out.
import type { CsvTable, FileRefusal, LoadedExport } from '../../shared/index';
import type { RowChunk } from './rowChunks';
import type { ValueCount } from './fileIndexes';

export interface LoadRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  /** Also rank the locked columns for sorting, after the rows (not for an original export). */
  readonly rank: boolean;
}

/** Everything the file says except its rows (and its text and bytes, which the UI thread already has). */
export type LoadHead = Omit<LoadedExport, 'table' | 'text' | 'bytes'> & {
  readonly table: Omit<CsvTable, 'records'>;
  readonly rows: number;
};

export interface LoadTail {
  readonly sha256: string;
  readonly currentLicenses: readonly ValueCount[];
  readonly currentLicenseOf: Int32Array;
  readonly currentAddOns: readonly ValueCount[];
}

export type LoadStage = 'reading' | 'transferring' | 'checking';

export type LoadResponse =
  | { readonly id: number; readonly type: 'progress'; readonly stage: LoadStage; readonly rows?: number }
  | { readonly id: number; readonly type: 'head'; readonly head: LoadHead }
  | { readonly id: number; readonly type: 'rows'; readonly chunk: RowChunk }
  | { readonly id: number; readonly type: 'done'; readonly tail: LoadTail }
  /** Sort ranks of one locked column, sent after 'done' while the admin already works. */
  | { readonly id: number; readonly type: 'ranks'; readonly column: number; readonly rank: Uint32Array; readonly distinct: number }
  | { readonly id: number; readonly type: 'settled' }
  | { readonly id: number; readonly type: 'refused'; readonly refusal: FileRefusal }
  | { readonly id: number; readonly type: 'failed'; readonly message: string };
