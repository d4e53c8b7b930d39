// Messages between the renderer and the load worker.
import type { FileRefusal, LoadedExport } from '../../shared/index';

export interface LoadRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
}

export type LoadStage = 'reading' | 'transferring' | 'checking';

export type LoadResponse =
  | { readonly id: number; readonly type: 'progress'; readonly stage: LoadStage; readonly rows?: number }
  | { readonly id: number; readonly type: 'loaded'; readonly loaded: LoadedExport }
  | { readonly id: number; readonly type: 'refused'; readonly refusal: FileRefusal }
  | { readonly id: number; readonly type: 'failed'; readonly message: string };
