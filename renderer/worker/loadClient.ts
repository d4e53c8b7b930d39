// The UI thread's side of the load worker: the file's bytes go in; its rows come back in chunks that are
// unpacked in slices (never a long task), then its indexes; sort ranks arrive in the background.
import { decodeBytes, loadExport, type FileRefusal, type LoadedExport, type Result } from '../../shared/index';
import { yieldToUi } from '../store/scheduling';
import { countCurrentAddOns, indexCurrentLicenses, rankColumn, rankingOrder, type ColumnRanks, type ValueCount } from './fileIndexes';
import type { LoadHead, LoadResponse, LoadStage, LoadTail } from './protocol';
import { ChunkUnpacker, CHUNK_ROWS, packRows, type RowChunk } from './rowChunks';

/** The rows' text as it came from the worker, kept for search (the cells are slices of it anyway). */
export interface RowText {
  /** Chunk k holds rows [k × CHUNK_ROWS, (k + 1) × CHUNK_ROWS). */
  readonly chunks: readonly string[];
  /** Offset of each row in its chunk. */
  readonly rowStart: Uint32Array;
}

/** What stays true of a file whatever the admin edits: per-row indexes of its locked columns. */
export interface FileIndexes {
  readonly currentLicenses: readonly ValueCount[];
  /** Per row: index into currentLicenses. */
  readonly currentLicenseOf: Int32Array;
  readonly currentAddOns: readonly ValueCount[];
  readonly text: RowText;
  /** Sort ranks per locked column: filled in the background as the worker sends them, else on demand. */
  readonly ranks: Map<number, ColumnRanks>;
}

export interface LoadedFile {
  readonly loaded: LoadedExport;
  readonly sha256: string;
  readonly indexes: FileIndexes;
}

export interface LoadOptions {
  readonly onStage: (stage: LoadStage, rows?: number) => void;
  /** Rank the locked columns in the background (the file to edit, not an original to compare with). */
  readonly rank?: boolean;
  /** Called once every rank has arrived. */
  readonly onSettled?: () => void;
}

/** The loaded export with its table; the text is decoded from the bytes only if something asks (a non-UTF-8 save). */
function assemble(head: LoadHead, records: string[][], bytes: Uint8Array): LoadedExport {
  let text: string | null = null;
  const { table, columns, fileFindings, encoding, bom, guessed } = head;
  return {
    get text(): string {
      if (text === null) {
        const decoded = decodeBytes(bytes);
        text = decoded.ok ? decoded.value.text : '';
      }
      return text;
    },
    bytes,
    encoding,
    bom,
    guessed,
    table: { ...table, records },
    columns,
    fileFindings,
  };
}

/** Where there is no Worker (unit tests): the same steps, in place. */
async function loadHere(bytes: Uint8Array, rank: boolean): Promise<Result<LoadedFile, FileRefusal>> {
  const result = loadExport(bytes);
  if (!result.ok) return result;
  const { table, columns } = result.value;
  const n = table.records.length;
  const records = new Array<string[]>(n);
  const rowStart = new Uint32Array(n);
  const chunks: string[] = [];
  for (let from = 0; from < n; from += CHUNK_ROWS) {
    const chunk = packRows(table.records, from, Math.min(n, from + CHUNK_ROWS));
    chunks.push(chunk.text);
    new ChunkUnpacker(chunk, records, rowStart).step(Number.POSITIVE_INFINITY);
  }
  const current = indexCurrentLicenses(table.records, columns.currentLicense);
  const ranks = new Map<number, ColumnRanks>();
  if (rank) for (const column of rankingOrder(columns)) ranks.set(column, rankColumn(table.records, column));
  const { records: _dropped, ...tableHead } = table;
  const head: LoadHead = { ...result.value, table: tableHead, rows: n };
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return {
    ok: true,
    value: {
      loaded: assemble(head, records, bytes),
      sha256: Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''),
      indexes: { currentLicenses: current.values, currentLicenseOf: current.of, currentAddOns: countCurrentAddOns(table.records, columns.currentAddOns), text: { chunks, rowStart }, ranks },
    },
  };
}

let nextId = 1;
/** The worker still ranking the columns of the file open before: stopped when another file opens. */
let ranking: Worker | null = null;

const SLICE_MS = 8;

/** Load bytes in a worker of its own (ended once done, so its memory goes with it). */
export function loadInWorker(bytes: Uint8Array, options: LoadOptions): Promise<Result<LoadedFile, FileRefusal>> {
  const rank = options.rank ?? false;
  if (typeof Worker === 'undefined') return loadHere(bytes, rank);
  if (rank && ranking !== null) {
    ranking.terminate();
    ranking = null;
  }
  const worker = new Worker(new URL('./loadExport.worker.ts', import.meta.url), { type: 'module' });
  const id = nextId++;
  // The worker takes a copy: the caller keeps its bytes (the clean file is written from them).
  const copy = bytes.slice();
  return new Promise((resolve, reject) => {
    let head: LoadHead | null = null;
    let records: string[][] = [];
    let rowStart = new Uint32Array(0);
    const chunks: string[] = [];
    const queue: RowChunk[] = [];
    let tail: LoadTail | null = null;
    let pumping = false;
    const ranks = new Map<number, ColumnRanks>();
    let finished = false;

    const end = (): void => {
      worker.terminate();
      if (ranking === worker) ranking = null;
    };
    const fail = (error: Error): void => {
      finished = true;
      end();
      reject(error);
    };
    const finishIfReady = (): void => {
      if (finished || head === null || tail === null || pumping || queue.length > 0) return;
      finished = true;
      const indexes: FileIndexes = { currentLicenses: tail.currentLicenses, currentLicenseOf: tail.currentLicenseOf, currentAddOns: tail.currentAddOns, text: { chunks, rowStart }, ranks };
      resolve({ ok: true, value: { loaded: assemble(head, records, bytes), sha256: tail.sha256, indexes } });
    };
    // Unpack queued chunks a slice at a time, giving the page back between slices.
    const pump = async (): Promise<void> => {
      if (pumping) return;
      pumping = true;
      try {
        while (queue.length > 0) {
          const unpacker = new ChunkUnpacker(queue[0], records, rowStart);
          while (!unpacker.step(SLICE_MS)) await yieldToUi();
          queue.shift();
          await yieldToUi();
        }
      } finally {
        pumping = false;
      }
      finishIfReady();
    };

    worker.onmessage = (event: MessageEvent<LoadResponse>) => {
      const message = event.data;
      if (message.id !== id) return;
      switch (message.type) {
        case 'progress':
          if (!finished) options.onStage(message.stage, message.rows);
          return;
        case 'head':
          head = message.head;
          records = new Array<string[]>(head.rows);
          rowStart = new Uint32Array(head.rows);
          return;
        case 'rows':
          chunks.push(message.chunk.text);
          queue.push(message.chunk);
          void pump().catch(fail);
          return;
        case 'done':
          tail = message.tail;
          if (rank) ranking = worker;
          else {
            end();
            options.onSettled?.();
          }
          finishIfReady();
          return;
        case 'ranks':
          ranks.set(message.column, { rank: message.rank, distinct: message.distinct });
          return;
        case 'settled':
          end();
          options.onSettled?.();
          return;
        case 'refused':
          finished = true;
          end();
          resolve({ ok: false, error: message.refusal });
          return;
        case 'failed':
          fail(new Error(message.message));
          return;
      }
    };
    worker.onerror = (event) => fail(new Error(event.message || 'the file could not be read'));
    worker.postMessage({ id, bytes: copy, rank }, [copy.buffer]);
  });
}
