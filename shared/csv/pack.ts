// A table as one string plus offsets, so a worker can hand it to the UI thread cheaply: structured
// cloning a million small strings costs far more than one big string and two typed arrays.
import type { CsvTable } from './tokenize';

export interface PackedTable extends Omit<CsvTable, 'records'> {
  /** Every cell of every record, concatenated. */
  readonly cells: string;
  /** End offset in `cells` of each cell, in order. */
  readonly cellEnds: Uint32Array;
  /** Number of cells of each record. */
  readonly widths: Uint32Array;
}

export function packTable(table: CsvTable): PackedTable {
  const { records, ...rest } = table;
  let count = 0;
  for (const record of records) count += record.length;
  const cellEnds = new Uint32Array(count);
  const widths = new Uint32Array(records.length);
  const parts: string[] = new Array(count);
  let offset = 0;
  let k = 0;
  for (let r = 0; r < records.length; r++) {
    const record = records[r];
    widths[r] = record.length;
    for (let c = 0; c < record.length; c++) {
      parts[k] = record[c];
      offset += record[c].length;
      cellEnds[k++] = offset;
    }
  }
  return { ...rest, cells: parts.join(''), cellEnds, widths };
}

export function unpackTable(packed: PackedTable): CsvTable {
  const { cells, cellEnds, widths, ...rest } = packed;
  const records: string[][] = new Array(widths.length);
  let k = 0;
  let start = 0;
  for (let r = 0; r < widths.length; r++) {
    const record = new Array<string>(widths[r]);
    for (let c = 0; c < record.length; c++) {
      const end = cellEnds[k++];
      record[c] = cells.slice(start, end);
      start = end;
    }
    records[r] = record;
  }
  return { ...rest, records };
}
