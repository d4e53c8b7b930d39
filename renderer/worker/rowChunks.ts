// Rows travel from the load worker in chunks (docs/architecture.md "Loading a file"). A column whose values repeat
// (titles, teams, licenses, names) travels as 16-bit codes into a dictionary sent once, so the UI thread
// makes each distinct string once and every row shares it; the other columns' cells travel as one
// string per chunk plus each cell's end offset. A postMessage then clones a few big strings and typed
// arrays instead of millions of small strings, and the UI thread unpacks a chunk in short slices.

/** Separates cells in a chunk's text: a search over the text then never matches across two cells. */
export const CELL_SEPARATOR = '\u001f';

/** Rows per chunk: a few MB of text, a few ms to unpack a slice of it. */
export const CHUNK_ROWS = 20_000;

/** A column with more distinct values than this travels as text from the next chunk on (codes stay 16-bit). */
export const MAX_DICTIONARY = 8192;

export interface OddRow {
  /** Index of the row in its chunk. */
  readonly row: number;
  readonly cells: readonly string[];
}

export interface RowChunk {
  /** Index of the chunk's first row among all rows. */
  readonly first: number;
  readonly rows: number;
  /** Per column: each row's code into the column's dictionary, or null where this chunk carries the cells in `text`. */
  readonly codes: readonly (Uint16Array | null)[];
  /** Per column: dictionary values first seen in this chunk, in code order. */
  readonly added: readonly (readonly string[])[];
  /** The cells of the columns without codes, row by row, each followed by CELL_SEPARATOR. */
  readonly text: string;
  /** End offset in `text` of each of those cells (a cell starts one past the previous one's end). */
  readonly cellEnds: Uint32Array;
  /** Rows whose width differs from the header's (malformed): carried whole, in no code or text. */
  readonly odd: readonly OddRow[];
}

/** The worker's side: encodes chunks of rows, keeping each column's dictionary across chunks. */
export class ChunkEncoder {
  private readonly dictionaries: (Map<string, number> | null)[];

  constructor(readonly width: number) {
    this.dictionaries = Array.from({ length: width }, () => new Map<string, number>());
  }

  /** Columns that have travelled as text in some chunk (they get no full dictionary on the UI thread). */
  textColumns(): number[] {
    return this.dictionaries.flatMap((d, c) => (d === null ? [c] : []));
  }

  encode(records: readonly (readonly string[])[], from: number, to: number): RowChunk {
    const { width } = this;
    const rows = to - from;
    const dictionaries = this.dictionaries;
    const codes = dictionaries.map((d) => (d === null ? null : new Uint16Array(rows)));
    const added: string[][] = Array.from({ length: width }, () => []);
    const textColumns = codes.flatMap((c, i) => (c === null ? [i] : []));
    const cells = new Array<string>(rows * textColumns.length);
    const cellEnds = new Uint32Array(cells.length);
    const odd: OddRow[] = [];
    let k = 0;
    let offset = 0;
    for (let r = from; r < to; r++) {
      const record = records[r];
      const i = r - from;
      if (record.length !== width) {
        odd.push({ row: i, cells: record });
        // Its places stay: empty cells, code 0 (ignored on the UI thread).
        for (let t = 0; t < textColumns.length; t++) {
          cells[k] = '';
          cellEnds[k++] = offset;
          offset++;
        }
        continue;
      }
      for (let c = 0; c < width; c++) {
        const value = record[c];
        const dictionary = dictionaries[c];
        if (dictionary === null) {
          cells[k] = value;
          offset += value.length;
          cellEnds[k++] = offset;
          offset++;
          continue;
        }
        let code = dictionary.get(value);
        if (code === undefined) {
          code = dictionary.size;
          dictionary.set(value, code);
          added[c].push(value);
        }
        codes[c]![i] = code;
      }
    }
    // Too many distinct values: the column travels as text from the next chunk on.
    for (let c = 0; c < width; c++) if (dictionaries[c] !== null && dictionaries[c]!.size > MAX_DICTIONARY) dictionaries[c] = null;
    return { first: from, rows, codes, added, text: cells.length === 0 ? '' : cells.join(CELL_SEPARATOR) + CELL_SEPARATOR, cellEnds, odd };
  }
}

/** The UI thread's side: the dictionaries so far, and the records it unpacks chunk by chunk. */
export class ChunkDecoder {
  /** Per column: its dictionary's values in code order. */
  readonly values: string[][];

  constructor(
    readonly width: number,
    private readonly records: string[][],
    private readonly rowStart: Uint32Array,
  ) {
    this.values = Array.from({ length: width }, () => []);
  }

  /** Take a chunk's new dictionary values; its rows are then unpacked with the returned unpacker. */
  add(chunk: RowChunk): ChunkUnpacker {
    chunk.added.forEach((values, c) => {
      for (const value of values) this.values[c].push(value);
    });
    return new ChunkUnpacker(chunk, this.values, this.records, this.rowStart);
  }
}

/** Unpacks one chunk into string records a slice at a time: `step` works until its time budget is spent. */
export class ChunkUnpacker {
  private row = 0;
  private cell = 0;
  private offset = 0;
  private readonly odd: Map<number, readonly string[]>;

  constructor(
    private readonly chunk: RowChunk,
    private readonly values: readonly (readonly string[])[],
    private readonly records: string[][],
    private readonly rowStart: Uint32Array,
  ) {
    this.odd = new Map(chunk.odd.map((o) => [o.row, o.cells]));
  }

  get done(): boolean {
    return this.row >= this.chunk.rows;
  }

  step(budgetMs: number, now: () => number = () => performance.now()): boolean {
    const { text, cellEnds, codes, first, rows } = this.chunk;
    const width = codes.length;
    const deadline = now() + budgetMs;
    let { row, cell, offset } = this;
    while (row < rows) {
      // Look at the clock every 512 rows: reading it costs more than a row.
      const stop = Math.min(rows, row + 512);
      for (; row < stop; row++) {
        this.rowStart[first + row] = offset;
        const odd = this.odd.get(row);
        const record = odd ? [...odd] : new Array<string>(width);
        for (let c = 0; c < width; c++) {
          const column = codes[c];
          if (column !== null) {
            if (!odd) record[c] = this.values[c][column[row]];
            continue;
          }
          const end = cellEnds[cell++];
          if (!odd) record[c] = end === offset ? '' : text.slice(offset, end);
          offset = end + 1;
        }
        this.records[first + row] = record;
      }
      if (now() >= deadline) break;
    }
    this.row = row;
    this.cell = cell;
    this.offset = offset;
    return this.done;
  }
}
