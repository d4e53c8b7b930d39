// The UI thread's side of the load worker: the file's bytes go in; its rows come back in chunks, kept as they
// come and read in place (rowBlocks.ts); sort ranks of its text-only columns arrive in the background.
import { decodeBytes, loadExport, tableHeadOf, type FileRefusal, type LoadedExport, type Result } from '../../shared/index';
import { mark } from '../store/scheduling';
import { countCurrentAddOns, dictionaryOfValues, indexCurrentLicenses, rankColumn, rankingOrder, type ColumnDictionary, type ColumnRanks, type ValueCount } from './fileIndexes';
import type { LoadHead, LoadResponse, LoadStage, LoadTail } from './protocol';
import { RowBlocks, type RowBlock } from './rowBlocks';
import { RowPacker } from './rowChunks';

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

/** The file as read, once every chunk and the head have come: the loaded export and its indexes. */
function assemble(received: RowBlocks, head: LoadHead, bytes: Uint8Array, users: LoadTail['users'], textColumns: readonly number[], ranks: Map<number, ColumnRanks>): { loaded: LoadedExport; indexes: FileIndexes } {
  const n = head.rows;
  const { table: tableHead, columns, duplicateColumns, encoding, bom, guessed } = head;
  const table = received.table(tableHead, n);
  const { values } = received;
  const dictionaries = values.map((list, c): ColumnDictionary | null => {
    const codes = received.columnCodes[c] ?? null;
    return textColumns.includes(c) || codes === null ? null : { values: list, codes };
  });
  const column = (c: number): ColumnDictionary => dictionaries[c] ?? dictionaryOfTable(table, c);
  const current = indexCurrentLicenses(column(columns.currentLicense));
  const currentAddOns = columns.currentAddOns >= 0 ? countCurrentAddOns(column(columns.currentAddOns)) : [];
  const { keyHashes, userCheck } = users;
  // The text is decoded from the bytes only when something asks (a save).
  let text: string | null = null;
  const loaded: LoadedExport = {
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
    table,
    columns,
    duplicateColumns,
    ...(keyHashes ? { keyHashes } : {}),
    ...(userCheck ? { userCheck } : {}),
  };
  return { loaded, indexes: { currentLicenses: current.values, currentLicenseOf: current.of, currentAddOns, values, dictionaries, blocks: received.blocks, rowStart: received.rowStart, ranks } };
}

/** Where there is no Worker (unit tests): the same steps, in place. */
async function loadHere(bytes: Uint8Array, rank: boolean, encoding?: string): Promise<Result<LoadedFile, LoadRefusal>> {
  let received: RowBlocks | null = null;
  const packer = new RowPacker(
    (width, rows) => (received = new RowBlocks(width, rows)),
    (chunk) => received!.take(chunk),
  );
  const result = loadExport(bytes, { encoding, visitor: packer });
  if (!result.ok) return { ok: false, error: { ...result.error, bytes } };
  const textColumns = packer.finish();
  const { table, columns, duplicateColumns, keyHashes, userCheck } = result.value;
  const head: LoadHead = { table: tableHeadOf(table), columns, duplicateColumns, encoding: result.value.encoding, bom: result.value.bom, guessed: result.value.guessed, rows: table.rowCount };
  const ranks = new Map<number, ColumnRanks>();
  if (rank) for (const column of rankingOrder(columns, textColumns)) ranks.set(column, rankColumn(table, column));
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  const { loaded, indexes } = assemble(received ?? new RowBlocks(table.header.length, 0), head, bytes, { keyHashes, userCheck }, textColumns, ranks);
  return { ok: true, value: { loaded, sha256: Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''), indexes, bytes } };
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
    let received: RowBlocks | null = null;
    let head: LoadHead | null = null;
    let returned: Uint8Array | null = null;
    let textColumns: readonly number[] | null = null;
    let users: LoadTail['users'] = {};
    let sha256 = '';
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
      if (finished || head === null || returned === null || textColumns === null) return;
      finished = true;
      mark('rows-received');
      const { loaded, indexes } = assemble(received ?? new RowBlocks(head.table.header.length, 0), head, returned, users, textColumns, ranks);
      resolve({ ok: true, value: { loaded, sha256, indexes, bytes: returned } });
    };

    worker.onmessage = (event: MessageEvent<LoadResponse>) => {
      const message = event.data;
      if (message.id !== id) return;
      switch (message.type) {
        case 'progress':
          if (!finished) options.onStage(message.stage, message.rows);
          return;
        case 'start':
          received = new RowBlocks(message.width, message.rows);
          return;
        case 'head':
          mark('head');
          head = message.head;
          returned = message.bytes;
          finishIfReady();
          return;
        case 'rows':
          received?.take(message.chunk);
          return;
        case 'done':
          mark('worker-packed', message.tail.packedAt - performance.timeOrigin);
          mark('worker-checked', message.tail.checkedAt - performance.timeOrigin);
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
          mark('worker-settled');
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
