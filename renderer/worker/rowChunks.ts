// Rows travel from the load worker in chunks (docs/architecture.md "Loading a file"). A column whose values repeat
// (titles, teams, licenses, names) travels as 16-bit codes into a dictionary sent once, so the UI thread
// makes each distinct string once and every row shares it; the other columns' cells travel as one
// string per chunk plus each cell's end offset. A postMessage then clones a few big strings and typed
// arrays instead of millions of small strings, and the UI thread reads the cells in place (rowBlocks.ts).

import type { KeptColumns, RecordVisitor } from '../../shared/index';

/** Separates cells in a chunk's text: a search over the text then never matches across two cells. */
export const CELL_SEPARATOR = '\u001f';

/** Rows per chunk: a few MB of text, handed over while the rest of the file is read. */
export const CHUNK_ROWS = 20_000;

/** A column with more distinct values than this travels as text from the next chunk on (codes stay 16-bit). */
export const MAX_DICTIONARY = 8192;

/** How many of the reader's numbers per column are mapped to dictionary codes (its interners number no more). */
const MAPPED = 4096;
const NONE_MAPPED = new Int32Array(0);

/** Rows the first chunk has room for before it grows. */
const FIRST_CAPACITY = 256;

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

/**
 * The worker's side: packs rows into chunks as they are read, keeping each column's dictionary across
 * chunks. Rows go in one at a time with add(); flush() hands over the chunk so far.
 */
export class ChunkEncoder {
  private readonly dictionaries: (Map<string, number> | null)[];
  /** Per column: the dictionary's code of each of the reader's numbers (-1 until seen). */
  private readonly mapped: Int32Array[];
  /** Index among all rows of the chunk's first row. */
  private first = 0;
  private rows = 0;
  private codes: (Uint16Array | null)[] = [];
  private added: string[][] = [];
  /** How many columns travel as text in the chunk being packed. */
  private textCount = 0;
  private cells: string[] = [];
  private odd: OddRow[] = [];

  constructor(
    readonly width: number,
    private rowCapacity: number = CHUNK_ROWS,
  ) {
    this.dictionaries = Array.from({ length: width }, () => new Map<string, number>());
    this.mapped = Array.from({ length: width }, () => NONE_MAPPED);
    this.open();
  }

  /** Columns that have travelled as text in some chunk (they get no full dictionary on the UI thread). */
  textColumns(): number[] {
    return this.dictionaries.flatMap((d, c) => (d === null ? [c] : []));
  }

  /** How many rows the chunk being packed has room for (it grows when given more). */
  get capacity(): number {
    return this.rowCapacity;
  }

  /** Rows added since the last flush. */
  get pending(): number {
    return this.rows;
  }

  /**
   * Add the next row: its first `count` cells (the array is not kept), and where given, the reader's
   * numbering of each cell among its column's values (-1 for none: see RecordVisitor.visit).
   */
  add(cells: readonly string[], count: number, read: readonly number[] | null = null): void {
    const { width, dictionaries } = this;
    const i = this.rows++;
    if (i === this.rowCapacity) this.grow();
    const codes = this.codes;
    if (count !== width) {
      this.odd.push({ row: i, cells: cells.slice(0, count) });
      // Its places stay: empty cells, code 0 (ignored on the UI thread).
      for (let t = 0; t < this.textCount; t++) this.cells.push('');
      return;
    }
    for (let c = 0; c < width; c++) {
      const value = cells[c];
      const dictionary = dictionaries[c];
      if (dictionary === null) {
        this.cells.push(value);
        continue;
      }
      // The reader's number for the value, mapped once to the dictionary's code.
      const number = read === null ? -1 : read[c];
      const mapped = this.mapped[c];
      const known = number >= 0 && number < mapped.length ? mapped[number] : -1;
      if (known !== -1) {
        codes[c]![i] = known;
        continue;
      }
      let code = dictionary.get(value);
      if (code === undefined) {
        code = dictionary.size;
        dictionary.set(value, code);
        this.added[c].push(value);
      }
      if (number >= 0 && number < MAPPED) this.mapTo(c, number, code);
      codes[c]![i] = code;
    }
  }

  /** The chunk of the rows added since the last flush (null when none were). */
  flush(): RowChunk | null {
    const { rows, width } = this;
    if (rows === 0) return null;
    const cells = this.cells;
    const cellEnds = new Uint32Array(cells.length);
    let offset = 0;
    for (let k = 0; k < cells.length; k++) {
      offset += cells[k].length;
      cellEnds[k] = offset;
      offset++;
    }
    const chunk: RowChunk = {
      first: this.first,
      rows,
      codes: this.codes.map((c) => (c === null || c.length === rows ? c : c.slice(0, rows))),
      added: this.added,
      text: cells.length === 0 ? '' : cells.join(CELL_SEPARATOR) + CELL_SEPARATOR,
      cellEnds,
      odd: this.odd,
    };
    // Too many distinct values: the column travels as text from the next chunk on.
    for (let c = 0; c < width; c++) if (this.dictionaries[c] !== null && this.dictionaries[c]!.size > MAX_DICTIONARY) this.dictionaries[c] = null;
    this.first += rows;
    this.open();
    return chunk;
  }

  /** Remember that the reader's `number` in column `c` is dictionary code `code` (the map grows as needed). */
  private mapTo(c: number, number: number, code: number): void {
    let mapped = this.mapped[c];
    if (number >= mapped.length) {
      const grown = new Int32Array(Math.min(MAPPED, Math.max(16, (number + 1) * 2))).fill(-1);
      grown.set(mapped);
      this.mapped[c] = mapped = grown;
    }
    mapped[number] = code;
  }

  /** More rows than planned in one chunk: room for twice as many. */
  private grow(): void {
    const doubled = this.rowCapacity * 2;
    this.rowCapacity = this.rowCapacity < CHUNK_ROWS && doubled > CHUNK_ROWS ? CHUNK_ROWS : doubled;
    this.codes = this.codes.map((old) => {
      if (old === null) return null;
      const codes = new Uint16Array(this.rowCapacity);
      codes.set(old);
      return codes;
    });
  }

  private open(): void {
    this.rows = 0;
    this.codes = this.dictionaries.map((d) => (d === null ? null : new Uint16Array(this.rowCapacity)));
    this.added = this.dictionaries.map(() => []);
    this.textCount = this.dictionaries.filter((d) => d === null).length;
    this.cells = [];
    this.odd = [];
  }
}

/**
 * Shown each record as the file is read (a RecordVisitor), packs the rows into chunks and hands each
 * one over as it fills: the page takes the first rows in while the rest of the file is still being read,
 * and no thread holds every cell of the file as a string of its own.
 */
export class RowPacker implements RecordVisitor {
  /** The encoder of this file's chunks (made when its header is known). */
  encoder: ChunkEncoder | null = null;

  constructor(
    /** Before the first row: how many cells a row has, and how many rows there can be (at most). */
    private readonly onBegin: (width: number, rows: number) => void,
    private readonly onChunk: (chunk: RowChunk) => void,
  ) {}

  begin(header: readonly string[], records: number): KeptColumns {
    // A chunk's codes start small and grow with the rows that come (a file of thousands of columns and
    // a few rows, or of blank lines, must not cost a chunk's worth of codes per column).
    this.encoder = new ChunkEncoder(header.length, Math.max(1, Math.min(FIRST_CAPACITY, records)));
    this.onBegin(header.length, records);
    // Every cell, and any column may repeat: the reader then numbers equal cells alike, and a chunk's
    // codes come from those numbers without looking each cell up (a column of distinct values soon
    // stops being numbered).
    return { unique: [], repeating: header.map((_, c) => c) };
  }

  visit(_record: number, cells: readonly string[], count: number, codes: readonly number[] | null): void {
    const encoder = this.encoder!;
    encoder.add(cells, count, codes);
    if (encoder.pending === CHUNK_ROWS) this.onChunk(encoder.flush()!);
  }

  /** Hand over the last rows; returns the columns that travelled as text in some chunk. */
  finish(): number[] {
    const last = this.encoder?.flush();
    if (last) this.onChunk(last);
    return this.encoder?.textColumns() ?? [];
  }
}
