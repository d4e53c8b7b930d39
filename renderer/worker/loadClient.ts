// The UI thread's side of the load worker: the file's bytes go in; its rows come back in chunks that are
// unpacked in slices (never a long task); sort ranks of its text-only columns arrive in the background.
import { decodeBytes, loadExport, tableHeadOf, WholeTable, type FileRefusal, type LoadedExport, type Result } from '../../shared/index';
import { mark, yieldToUi } from '../store/scheduling';
import { countCurrentAddOns, dictionaryOf, dictionaryOfValues, indexCurrentLicenses, rankColumn, rankingOrder, type ColumnDictionary, type ColumnRanks, type ValueCount } from './fileIndexes';
import type { LoadHead, LoadResponse, LoadStage, LoadTail } from './protocol';
import { ChunkDecoder, ChunkEncoder, CHUNK_ROWS, type RowChunk } from './rowChunks';

/** One chunk of rows as it came from the worker, kept for search (the text-only cells are slices of it). */
export interface RowBlock {
  readonly first: number;
  readonly rows: number;
  readonly text: string;
  /** Per column: each row's code into the column's dictionary (a view of the column's codes), or null (cells in `text`). */
  readonly codes: readonly (Uint16Array | null)[];
  /** Rows of the block (block-relative) carried whole: in neither codes nor text. */
  readonly odd: ReadonlySet<number>;
}

/** What stays true of a file whatever the admin edits: its columns' dictionaries and per-row indexes. */
export interface FileIndexes {
  readonly currentLicenses: readonly ValueCount[];
  /** Per row: index into currentLicenses. */
  readonly currentLicenseOf: Int32Array;
  readonly currentAddOns: readonly ValueCount[];
  /** Per column: its distinct values (the codes of the blocks point into them). */
  readonly values: readonly (readonly string[])[];
  /** Per column: the whole column as a dictionary when every block has codes for it, else null. */
  readonly dictionaries: readonly (ColumnDictionary | null)[];
  readonly blocks: readonly RowBlock[];
  /** Each row's offset in its block's text. */
  readonly rowStart: Uint32Array;
  /** Sort ranks per locked column: filled in the background as the worker sends them, else on demand. */
  readonly ranks: Map<number, ColumnRanks>;
}

export interface LoadedFile {
  readonly loaded: LoadedExport;
  readonly sha256: string;
  readonly indexes: FileIndexes;
  /** The file's bytes, back from the worker (the loaded export decodes its text from them when asked). */
  readonly bytes: Uint8Array;
}

/** A refusal, with the file's bytes back from the worker (to open it again, in an encoding the admin chooses). */
export type LoadRefusal = FileRefusal & { readonly bytes?: Uint8Array };

/**
 * The indexes of a file whose columns were chosen after it was read (the column-mapping step): the
 * current licenses and add-ons counted again from the chosen columns; the rest stays.
 */
export function indexesForColumns(indexes: FileIndexes, loaded: LoadedExport): FileIndexes {
  const { table, columns } = loaded;
  const column = (c: number): ColumnDictionary => indexes.dictionaries[c] ?? dictionaryOfTable(table, c);
  const current = indexCurrentLicenses(column(columns.currentLicense));
  const currentAddOns = columns.currentAddOns >= 0 ? countCurrentAddOns(column(columns.currentAddOns)) : [];
  return { ...indexes, currentLicenses: current.values, currentLicenseOf: current.of, currentAddOns };
}

function dictionaryOfTable(table: LoadedExport['table'], column: number): ColumnDictionary {
  return dictionaryOfValues(table.rowCount, (r) => (column >= 0 ? table.cell(r, column) : ''));
}

export interface LoadOptions {
  readonly onStage: (stage: LoadStage, rows?: number) => void;
  /** Rank the text-only columns in the background (the file to edit, not an original to compare with). */
  readonly rank?: boolean;
  /** Called once every rank has arrived. */
  readonly onSettled?: () => void;
  /** Read the bytes in this encoding (a WHATWG label the admin chose) instead of detecting it. */
  readonly encoding?: string;
}

/** The loaded export with its table; the text is decoded from the bytes only when something asks (a save). */
function assemble(head: LoadHead, records: string[][], bytes: Uint8Array, users: LoadTail['users']): LoadedExport {
  let text: string | null = null;
  const { table, columns, duplicateColumns, encoding, bom, guessed } = head;
  const { keyHashes, userCheck } = users;
  return {
    get text(): string {
      if (text === null) {
        const decoded = decodeBytes(bytes, { encoding });
        text = decoded.ok ? decoded.value.text : '';
      }
      return text;
    },
    encoding,
    bom,
    guessed,
    table: new WholeTable(table, records),
    columns,
    duplicateColumns,
    ...(keyHashes ? { keyHashes } : {}),
    ...(userCheck ? { userCheck } : {}),
  };
}

/** Receives a file's chunks: unpacks their rows into records and keeps their codes and text for the indexes. */
class Receiver {
  readonly records: string[][];
  readonly rowStart: Uint32Array;
  readonly blocks: RowBlock[] = [];
  private readonly decoder: ChunkDecoder;
  /** Per column: codes of every row so far (blocks hold views of it). */
  private readonly codes: Uint16Array[];

  constructor(readonly head: LoadHead) {
    const width = head.table.header.length;
    this.records = new Array<string[]>(head.rows);
    this.rowStart = new Uint32Array(head.rows);
    this.decoder = new ChunkDecoder(width, this.records, this.rowStart);
    this.codes = Array.from({ length: width }, () => new Uint16Array(head.rows));
  }

  /** Take a chunk; returns its unpacker (step it until done). */
  take(chunk: RowChunk) {
    const codes = chunk.codes.map((block, c) => {
      if (block === null) return null;
      const view = this.codes[c].subarray(chunk.first, chunk.first + chunk.rows);
      view.set(block);
      return view;
    });
    this.blocks.push({ first: chunk.first, rows: chunk.rows, text: chunk.text, codes, odd: new Set(chunk.odd.map((o) => o.row)) });
    return this.decoder.add(chunk);
  }

  indexes(textColumns: readonly number[], ranks: Map<number, ColumnRanks>): FileIndexes {
    const { columns } = this.head;
    const values = this.decoder.values;
    const dictionaries = values.map((list, c): ColumnDictionary | null => (textColumns.includes(c) ? null : { values: list, codes: this.codes[c] }));
    const column = (c: number): ColumnDictionary => dictionaries[c] ?? dictionaryOf(this.records, c);
    const current = indexCurrentLicenses(column(columns.currentLicense));
    const currentAddOns = columns.currentAddOns >= 0 ? countCurrentAddOns(column(columns.currentAddOns)) : [];
    return { currentLicenses: current.values, currentLicenseOf: current.of, currentAddOns, values, dictionaries, blocks: this.blocks, rowStart: this.rowStart, ranks };
  }
}

/** Where there is no Worker (unit tests): the same steps, in place. */
async function loadHere(bytes: Uint8Array, rank: boolean, encoding?: string): Promise<Result<LoadedFile, LoadRefusal>> {
  const result = loadExport(bytes, { whole: true, encoding });
  if (!result.ok) return { ok: false, error: { ...result.error, bytes } };
  const { table, columns } = result.value;
  const parsed = Array.from({ length: table.rowCount }, (_, r) => table.cells(r) as string[]);
  const head: LoadHead = { table: tableHeadOf(table), columns, duplicateColumns: result.value.duplicateColumns, encoding: result.value.encoding, bom: result.value.bom, guessed: result.value.guessed, rows: parsed.length };
  const receiver = new Receiver(head);
  const encoder = new ChunkEncoder(table.header.length);
  for (let from = 0; from < parsed.length; from += CHUNK_ROWS) receiver.take(encoder.encode(parsed, from, Math.min(parsed.length, from + CHUNK_ROWS))).step(Number.POSITIVE_INFINITY);
  const textColumns = encoder.textColumns();
  const ranks = new Map<number, ColumnRanks>();
  if (rank) for (const column of rankingOrder(columns, textColumns)) ranks.set(column, rankColumn(new WholeTable(head.table, receiver.records), column));
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return {
    ok: true,
    value: {
      loaded: assemble(head, receiver.records, bytes, { keyHashes: result.value.keyHashes, userCheck: result.value.userCheck }),
      sha256: Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''),
      indexes: receiver.indexes(textColumns, ranks),
      bytes,
    },
  };
}

let nextId = 1;
/** The worker still ranking the columns of the file open before: stopped when another file opens or it closes. */
let ranking: Worker | null = null;
/** The latest load that is to rank: an earlier one, finishing later, does not. */
let latestRanked = 0;

/** Stop ranking the columns of a file that is no longer open. */
export function stopRanking(): void {
  ranking?.terminate();
  ranking = null;
}

/** The file is open and shown: its worker may rank the text-only columns now. */
export function startRanking(): void {
  ranking?.postMessage({ type: 'rank', id: 0 });
}

const SLICE_MS = 8;

/**
 * Load bytes in a worker of its own (ended once done, so its memory goes with it). The bytes are handed
 * to the worker and come back as the loaded export's bytes: the caller must not use its array meanwhile.
 */
export function loadInWorker(bytes: Uint8Array, options: LoadOptions): Promise<Result<LoadedFile, LoadRefusal>> {
  const rank = options.rank ?? false;
  if (typeof Worker === 'undefined') return loadHere(bytes, rank, options.encoding);
  const worker = new Worker(new URL('./loadExport.worker.ts', import.meta.url), { type: 'module' });
  const id = nextId++;
  if (rank) {
    stopRanking();
    latestRanked = id;
  }
  return new Promise((resolve, reject) => {
    let receiver: Receiver | null = null;
    let returned: Uint8Array | null = null;
    const queue: RowChunk[] = [];
    let textColumns: readonly number[] | null = null;
    let users: LoadTail['users'] = {};
    let sha256 = '';
    let pumping = false;
    let finished = false;
    const ranks = new Map<number, ColumnRanks>();

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
      if (finished || receiver === null || returned === null || textColumns === null || pumping || queue.length > 0) return;
      finished = true;
      mark('rows-unpacked');
      resolve({ ok: true, value: { loaded: assemble(receiver.head, receiver.records, returned, users), sha256, indexes: receiver.indexes(textColumns, ranks), bytes: returned } });
    };
    // Unpack queued chunks a slice at a time, giving the page back between slices.
    const pump = async (): Promise<void> => {
      if (pumping || receiver === null) return;
      pumping = true;
      try {
        while (queue.length > 0) {
          const unpacker = receiver.take(queue[0]);
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
          mark('head');
          receiver = new Receiver(message.head);
          returned = message.bytes;
          return;
        case 'rows':
          queue.push(message.chunk);
          void pump().catch(fail);
          return;
        case 'done':
          mark('worker-parsed', message.tail.parsedAt - performance.timeOrigin);
          mark('worker-packed', message.tail.packedAt - performance.timeOrigin);
          textColumns = message.tail.textColumns;
          sha256 = message.tail.sha256;
          users = message.tail.users;
          if (rank && id === latestRanked) ranking = worker;
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
          resolve({ ok: false, error: { ...message.refusal, bytes: message.bytes } });
          return;
        case 'failed':
          fail(new Error(message.message));
          return;
      }
    };
    worker.onerror = (event) => fail(new Error(event.message || 'the file could not be read'));
    worker.postMessage({ type: 'load', id, bytes, rank, encoding: options.encoding }, [bytes.buffer]);
    mark('worker-started');
  });
}
