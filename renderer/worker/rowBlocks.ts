// The UI thread's side of the rows the load worker sends (docs/architecture.md "Loading a file"): the chunks
// are kept as they came — each repeating column as codes into its dictionary, the other cells in one
// string per chunk — and read in place through a CsvTable. No row is unpacked into strings of its own:
// a million users then cost the page their chunks' text and a few typed arrays, not twelve million
// strings for the garbage collector to trace, and a chunk is ready as soon as it arrives.
import { TableHead, type CsvTable, type CsvTableHead } from '../../shared/index';
import type { RowChunk } from './rowChunks';

/** One chunk of rows as it came from the worker (search reads its text; the table reads its cells). */
export interface RowBlock {
  readonly first: number;
  readonly rows: number;
  readonly text: string;
  /** Per column: each row's code into the column's dictionary, or null (cells in `text`). */
  readonly codes: readonly (Uint16Array | null)[];
  /** Rows of the block (block-relative) carried whole (their places in codes and text are placeholders). */
  readonly odd: ReadonlySet<number>;
  /** End offset in `text` of each text cell, row by row. */
  readonly cellEnds: Uint32Array;
  /** Per column: its place among the block's text cells of a row, or -1 when it has codes. */
  readonly textIndex: Int32Array;
  /** Text cells per row. */
  readonly textCells: number;
}

/** A block as RowBlocks holds it: its codes become views of the column's codes once all rows have come. */
interface HeldBlock extends RowBlock {
  readonly codes: (Uint16Array | null)[];
}

/** Receives a file's chunks as they come: keeps them, and each column's dictionary. */
export class RowBlocks {
  readonly blocks: HeldBlock[] = [];
  /** Each row's offset in its block's text. */
  rowStart: Uint32Array;
  /** Per column: its dictionary's values in code order. */
  readonly values: string[][];
  /**
   * Per column: the codes of every row when every block has codes for it, else null (made by table(),
   * once all rows have come; the blocks then read views of them).
   */
  columnCodes: (Uint16Array | null)[] = [];
  /** Rows carried whole (malformed), by row. */
  readonly odd = new Map<number, readonly string[]>();

  /** `rows`: how many rows there can be at most (blank records are counted, but never come). */
  constructor(
    readonly width: number,
    rows: number,
  ) {
    this.rowStart = new Uint32Array(Math.min(rows, 1024));
    this.values = Array.from({ length: width }, () => []);
  }

  take(chunk: RowChunk): void {
    const { first, rows, cellEnds, codes } = chunk;
    chunk.added.forEach((values, c) => {
      for (const value of values) this.values[c].push(value);
    });
    const textIndex = new Int32Array(this.width).fill(-1);
    let textCells = 0;
    codes.forEach((column, c) => {
      if (column === null) textIndex[c] = textCells++;
    });
    if (first + rows > this.rowStart.length) {
      const grown = new Uint32Array(Math.max(first + rows, this.rowStart.length * 2));
      grown.set(this.rowStart);
      this.rowStart = grown;
    }
    for (let i = 0; i < rows; i++) this.rowStart[first + i] = i === 0 || textCells === 0 ? 0 : cellEnds[i * textCells - 1] + 1;
    for (const { row, cells } of chunk.odd) this.odd.set(first + row, cells);
    this.blocks.push({ first, rows, text: chunk.text, codes: [...codes], odd: new Set(chunk.odd.map((o) => o.row)), cellEnds, textIndex, textCells });
  }

  /** The rows as a table, once all have come (`rows` of them). */
  table(head: CsvTableHead, rows: number): BlockTable {
    // A column coded in every block gets one array of codes; its blocks then read views of it.
    this.columnCodes = Array.from({ length: this.width }, (_, c) => {
      if (!this.blocks.every((b) => b.codes[c] !== null)) return null;
      const all = new Uint16Array(rows);
      for (const block of this.blocks) {
        const codes = block.codes[c]!;
        all.set(codes.subarray(0, Math.max(0, Math.min(block.rows, rows - block.first))), block.first);
        block.codes[c] = all.subarray(block.first, block.first + block.rows);
      }
      return all;
    });
    // A malformed row travelled whole, with code 0 as a placeholder: give it the code of what it holds,
    // so counts over the codes (the Overview's current licenses, sorting) count it as it reads.
    if (this.odd.size > 0) {
      this.columnCodes.forEach((codes, c) => {
        if (codes === null) return;
        const values = this.values[c];
        const codeOf = new Map(values.map((value, code) => [value, code]));
        for (const [r, cells] of this.odd) {
          if (r >= rows) continue;
          const value = cells[c] ?? '';
          let code = codeOf.get(value);
          if (code === undefined && values.length < 0xffff) {
            code = values.length;
            values.push(value);
            codeOf.set(value, code);
          }
          codes[r] = code ?? 0;
        }
      });
    }
    this.rowStart = this.rowStart.subarray(0, rows);
    return new BlockTable(head, rows, this);
  }
}

/** A table read in place from the chunks the worker sent. */
export class BlockTable extends TableHead implements CsvTable {
  private readonly blocks: readonly RowBlock[];
  private readonly values: readonly (readonly string[])[];
  /** Per column: the codes of every row when every block has codes for it, else null. */
  private readonly coded: readonly (Uint16Array | null)[];
  /** 1 for a row carried whole. */
  private readonly isOdd: Uint8Array;
  private readonly odd: ReadonlyMap<number, readonly string[]>;
  private readonly width: number;
  /** Rows per block when every block but the last has as many, else 0. */
  private readonly size: number;

  constructor(
    head: CsvTableHead,
    readonly rowCount: number,
    from: RowBlocks,
  ) {
    super(head);
    this.blocks = from.blocks;
    this.values = from.values;
    this.width = from.width;
    this.coded = from.columnCodes;
    this.odd = from.odd;
    const size = from.blocks.length > 0 ? from.blocks[0].rows : 0;
    this.size = from.blocks.every((b, i) => b.first === i * size && (b.rows === size || i === from.blocks.length - 1)) ? size : 0;
    this.isOdd = new Uint8Array(rowCount);
    for (const r of from.odd.keys()) if (r < rowCount) this.isOdd[r] = 1;
  }

  cell(r: number, c: number): string {
    if (this.isOdd[r] === 1) return this.odd.get(r)![c] ?? '';
    if (c < 0 || c >= this.width || !(r >= 0 && r < this.rowCount)) return '';
    const codes = this.coded[c];
    if (codes !== null) return this.values[c][codes[r]];
    const block = this.blockOf(r);
    const i = r - block.first;
    const column = block.codes[c];
    if (column !== null) return this.values[c][column[i]];
    const k = i * block.textCells + block.textIndex[c];
    const start = k === 0 ? 0 : block.cellEnds[k - 1] + 1;
    return block.text.slice(start, block.cellEnds[k]);
  }

  cells(r: number): readonly string[] {
    if (this.isOdd[r] === 1) return this.odd.get(r)!;
    const cells = new Array<string>(this.width);
    for (let c = 0; c < this.width; c++) cells[c] = this.cell(r, c);
    return cells;
  }

  record(r: number): string[] {
    return [...this.cells(r)];
  }

  column(c: number): string[] {
    const out = new Array<string>(this.rowCount);
    for (let r = 0; r < out.length; r++) out[r] = this.cell(r, c);
    return out;
  }

  private blockOf(r: number): RowBlock {
    const { blocks, size } = this;
    // Every block but the last holds `size` rows (the worker's chunks): no search.
    if (size > 0) return blocks[Math.min(blocks.length - 1, Math.floor(r / size))];
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid].first <= r) lo = mid;
      else hi = mid - 1;
    }
    return blocks[lo];
  }
}
