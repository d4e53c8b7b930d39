// The main thread's side of the load worker: one request at a time, progress reported as it comes.
import { loadExport, unpackTable, type FileRefusal, type LoadedExport, type Result } from '../../shared/index';
import type { LoadResponse, LoadStage } from './protocol';

let worker: Worker | null = null;
let nextId = 1;

function getWorker(): Worker | null {
  if (worker === null && typeof Worker !== 'undefined') {
    worker = new Worker(new URL('./loadExport.worker.ts', import.meta.url), { type: 'module' });
  }
  return worker;
}

/** Load bytes in the worker; falls back to the main thread where workers are unavailable. */
export function loadInWorker(bytes: Uint8Array, onStage: (stage: LoadStage, rows?: number) => void): Promise<Result<LoadedExport, FileRefusal>> {
  const w = getWorker();
  if (w === null) return Promise.resolve(loadExport(bytes));
  const id = nextId++;
  // The worker takes the buffer; keep our own copy only for the caller's hash, done before this.
  const copy = bytes.slice();
  return new Promise((resolve, reject) => {
    const listener = (event: MessageEvent<LoadResponse>): void => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === 'progress') return onStage(message.stage, message.rows);
      w.removeEventListener('message', listener);
      if (message.type === 'loaded') resolve({ ok: true, value: { ...message.loaded, table: unpackTable(message.loaded.table) } });
      else if (message.type === 'refused') resolve({ ok: false, error: message.refusal });
      else reject(new Error(message.message));
    };
    w.addEventListener('message', listener);
    w.postMessage({ id, bytes: copy }, [copy.buffer]);
  });
}
