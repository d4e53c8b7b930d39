// Messages between the renderer and the load worker.
import type { FileRefusal, LoadedExport, PackedTable } from '../../shared/index';

/** A loaded export with its table packed (one string + offsets) for a cheap postMessage. */
export type PackedExport = Omit<LoadedExport, 'table'> & { readonly table: PackedTable };

export interface LoadRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
}

export type LoadStage = 'reading' | 'transferring' | 'checking';

export type LoadResponse =
  | { readonly id: number; readonly type: 'progress'; readonly stage: LoadStage; readonly rows?: number }
  | { readonly id: number; readonly type: 'loaded'; readonly loaded: PackedExport }
  | { readonly id: number; readonly type: 'refused'; readonly refusal: FileRefusal }
  | { readonly id: number; readonly type: 'failed'; readonly message: string };
