// A table as plain data for the trip from the load worker to the UI thread: strings joined into one,
// offsets in typed arrays (structured cloning a million small strings costs far more than one string).
import { CompactTable, WholeTable } from './table';
import type { CsvTable, CsvTableHead } from './tokenize';

/** Cells joined into one string, with the end offset of each. */
interface JoinedCells {
  readonly joined: string;
  readonly ends: Uint32Array;
}

export type PackedTable =
  | { readonly kind: 'whole'; readonly head: CsvTableHead; readonly cells: JoinedCells; readonly widths: Uint32Array }
  | { readonly kind: 'compact'; readonly head: CsvTableHead; readonly text: string; readonly newline: '\r\n' | '\n' | '\r'; readonly spans: Int32Array; readonly sentinel: string; readonly hot: readonly { readonly column: number; readonly cells: JoinedCells }[] };

function join(cells: readonly string[]): JoinedCells {
  const ends = new Uint32Array(cells.length);
  let offset = 0;
  for (let i = 0; i < cells.length; i++) {
    offset += cells[i].length;
    ends[i] = offset;
  }
  return { joined: cells.join(''), ends };
}

function split({ joined, ends }: JoinedCells): string[] {
  const out = new Array<string>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    out[i] = joined.slice(start, ends[i]);
    start = ends[i];
  }
  return out;
}

/** The plain-data part of a table (what travels with, or instead of, its cells). */
export function tableHeadOf(table: CsvTable): CsvTableHead {
  const { header, headerRecord, headerProblem, recordIndex, blankRows, malformed, dialect } = table;
  return { header, headerRecord, headerProblem, recordIndex, blankRows, malformed, dialect };
}

export function packTable(table: CsvTable): PackedTable {
  if (table instanceof CompactTable) {
    const { head, text, newline, spans, sentinel, hot } = table.parts;
    return { kind: 'compact', head, text, newline, spans, sentinel, hot: hot.map((h) => ({ column: h.column, cells: join(h.cells) })) };
  }
  const widths = new Uint32Array(table.rowCount);
  const all: string[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const cells = table.cells(r);
    widths[r] = cells.length;
    for (const cell of cells) all.push(cell);
  }
  return { kind: 'whole', head: tableHeadOf(table), cells: join(all), widths };
}

/** The typed arrays of a packed table, to transfer rather than copy. */
export function packedBuffers(packed: PackedTable): ArrayBuffer[] {
  const buffers = packed.kind === 'whole' ? [packed.cells.ends.buffer, packed.widths.buffer] : [packed.spans.buffer, ...packed.hot.map((h) => h.cells.ends.buffer)];
  return [...new Set(buffers)] as ArrayBuffer[];
}

export function unpackTable(packed: PackedTable): CsvTable {
  if (packed.kind === 'compact') {
    return new CompactTable({ head: packed.head, text: packed.text, newline: packed.newline, spans: packed.spans, sentinel: packed.sentinel, hot: packed.hot.map((h) => ({ column: h.column, cells: split(h.cells) })) });
  }
  const cells = split(packed.cells);
  const records: string[][] = new Array(packed.widths.length);
  let k = 0;
  for (let r = 0; r < records.length; r++) {
    records[r] = cells.slice(k, k + packed.widths[r]);
    k += packed.widths[r];
  }
  return new WholeTable(packed.head, records);
}
