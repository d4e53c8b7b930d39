// Rows travel from the load worker in chunks (STYLE.md "The data path"): one string per chunk plus
// each cell's end offset, so a postMessage clones a few big strings instead of millions of small ones,
// and the UI thread unpacks a chunk in slices short enough never to freeze the page.
// Cells are separated by U+001F and rows ended by U+001E in the chunk text: a search over the text
// (renderer/store/search.ts) then never matches across two cells.

export const CELL_SEPARATOR = '\u001f';
export const ROW_END = '\u001e';

/** Rows per chunk: about 10 MB of text at the widest exports, a few ms of packing. */
export const CHUNK_ROWS = 50_000;

export interface RowChunk {
  /** Index of the chunk's first row among all rows. */
  readonly first: number;
  /** The rows' cells: each followed by CELL_SEPARATOR, each row's last by ROW_END instead. */
  readonly text: string;
  /** End offset in `text` of each cell, in order (a cell starts one past the previous cell's end). */
  readonly cellEnds: Uint32Array;
  /** Number of cells of each row of the chunk. */
  readonly widths: Uint32Array;
}

/** Pack rows [from, to) of `records`. */
export function packRows(records: readonly (readonly string[])[], from: number, to: number): RowChunk {
  let cellCount = 0;
  for (let r = from; r < to; r++) cellCount += records[r].length;
  const cellEnds = new Uint32Array(cellCount);
  const widths = new Uint32Array(to - from);
  const parts = new Array<string>(to - from);
  let offset = 0;
  let k = 0;
  for (let r = from; r < to; r++) {
    const record = records[r];
    widths[r - from] = record.length;
    for (let c = 0; c < record.length; c++) {
      offset += record[c].length;
      cellEnds[k++] = offset;
      offset++; // the separator after the cell
    }
    if (record.length === 0) offset++; // a row without cells still ends
    parts[r - from] = record.length === 0 ? ROW_END : record.join(CELL_SEPARATOR) + ROW_END;
  }
  return { first: from, text: parts.join(''), cellEnds, widths };
}

/**
 * Unpacks a chunk into string records a slice at a time: `step` turns rows into records until the
 * time budget is spent and says whether the chunk is done. `rowStart` receives each row's offset
 * in the chunk text (the search reads it).
 */
export class ChunkUnpacker {
  private row = 0;
  private cell = 0;
  private offset = 0;

  constructor(
    private readonly chunk: RowChunk,
    private readonly records: string[][],
    private readonly rowStart: Uint32Array,
  ) {}

  get done(): boolean {
    return this.row >= this.chunk.widths.length;
  }

  step(budgetMs: number, now: () => number = () => performance.now()): boolean {
    const { text, cellEnds, widths, first } = this.chunk;
    const deadline = now() + budgetMs;
    let row = this.row;
    let cell = this.cell;
    let offset = this.offset;
    const rows = widths.length;
    while (row < rows) {
      // Check the clock every 256 rows: reading it costs more than a row.
      const stop = Math.min(rows, row + 256);
      for (; row < stop; row++) {
        const width = widths[row];
        const record = new Array<string>(width);
        this.rowStart[first + row] = offset;
        for (let c = 0; c < width; c++) {
          const end = cellEnds[cell++];
          record[c] = end === offset ? '' : text.slice(offset, end);
          offset = end + 1;
        }
        if (width === 0) offset++;
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
