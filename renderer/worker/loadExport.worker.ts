// Decode and tokenize an export off the UI thread (STYLE.md "The data path"); the session is built
// on the main thread from the result, whose table travels packed (one string + offsets).
import { loadExport, packedBuffers, packTable } from '../../shared/index';
import type { LoadRequest, LoadResponse } from './protocol';

const post = (message: LoadResponse, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = (event: MessageEvent<LoadRequest>) => {
  const { id, bytes } = event.data;
  try {
    post({ id, type: 'progress', stage: 'reading' });
    const result = loadExport(bytes);
    if (!result.ok) return post({ id, type: 'refused', refusal: result.error });
    post({ id, type: 'progress', stage: 'transferring', rows: result.value.table.rowCount });
    const table = packTable(result.value.table);
    const transfer: Transferable[] = packedBuffers(table);
    post({ id, type: 'loaded', loaded: { ...result.value, table } }, transfer);
  } catch (e) {
    post({ id, type: 'failed', message: (e as Error).message });
  }
};
