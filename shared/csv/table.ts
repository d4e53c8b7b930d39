// Two ways to hold the records of a file behind one CsvTable (docs/reliability.md "Memory"): every
// cell as a string (small or damaged files), or the text with each record's span and only the columns
// the rules read, other cells parsed again on demand — a million users then fit in a few times the file.
import { RecordReader } from './recordReader';
import type { CsvTable, CsvTableHead } from './tokenize';

/** What both kinds of table say about the file besides its records. */
export abstract class TableHead implements CsvTableHead {
  readonly header;
  readonly headerRecord;
  readonly headerProblem;
  readonly recordIndex;
  readonly blankRows;
  readonly malformed;
  readonly dialect;

  constructor(head: CsvTableHead) {
    ({ header: this.header, headerRecord: this.headerRecord, headerProblem: this.headerProblem, recordIndex: this.recordIndex, blankRows: this.blankRows, malformed: this.malformed, dialect: this.dialect } = head);
  }
}

/** A table whose every record is held as cells. */
export class WholeTable extends TableHead implements CsvTable {
  constructor(
    head: CsvTableHead,
    private readonly records: readonly (readonly string[])[],
  ) {
    super(head);
  }

  get rowCount(): number {
    return this.records.length;
  }

  cell(r: number, c: number): string {
    return this.records[r][c] ?? '';
  }

  record(r: number): string[] {
    return [...this.records[r]];
  }

  cells(r: number): readonly string[] {
    return this.records[r];
  }

  column(c: number): string[] {
    return this.records.map((record) => record[c] ?? '');
  }
}

/** What a compact table is made of: plain data, so it can travel to another thread and be rebuilt there. */
export interface CompactParts {
  readonly head: CsvTableHead;
  /** The text the records were read from (record endings made uniform for mixed files, same length). */
  readonly text: string;
  /** Start and end offset in `text` of each data record (end: where its record ending starts). */
  readonly spans: Int32Array;
  /** Columns kept as cells, and their cells per record. */
  readonly hot: readonly { readonly column: number; readonly cells: readonly string[] }[];
  /** A character that stands for the CR of a CRLF in `text` ('' when none): never part of a cell. */
  readonly sentinel: string;
  /** How records end in `text`. */
  readonly newline: '\r\n' | '\n' | '\r';
}

const CACHE_SIZE = 512;

/** A table held as its text, the span of each record, and a few columns as cells. */
export class CompactTable extends TableHead implements CsvTable {
  readonly rowCount: number;
  private readonly hot: (readonly string[] | undefined)[] = [];
  private readonly cache = new Map<number, string[]>();
  private reader: RecordReader | null = null;

  constructor(readonly parts: CompactParts) {
    super(parts.head);
    this.rowCount = parts.spans.length >> 1;
    for (const { column, cells } of parts.hot) this.hot[column] = cells;
  }

  cell(r: number, c: number): string {
    const hot = this.hot[c];
    if (hot !== undefined) return hot[r];
    return this.fields(r)[c] ?? '';
  }

  record(r: number): string[] {
    return [...this.fields(r)];
  }

  cells(r: number): readonly string[] {
    return this.fields(r);
  }

  column(c: number): string[] {
    const hot = this.hot[c];
    if (hot !== undefined) return [...hot];
    const { text, spans, sentinel } = this.parts;
    const want = new Uint8Array(c + 1);
    if (c >= 0) want[c] = 1;
    const reader = new RecordReader(text, this.dialect.delimiter, sentinel, want);
    const out = new Array<string>(this.rowCount);
    for (let r = 0; r < out.length; r++) {
      reader.read(spans[2 * r], spans[2 * r + 1]);
      out[r] = c >= 0 && c < reader.count ? reader.cells[c] : '';
    }
    return out;
  }

  /**
   * Record `r` read again from its span (the last few are cached: the grid asks for a screenful). Its
   * quoting was checked when the file was read, so RecordReader reads it as papaparse does.
   */
  private fields(r: number): string[] {
    let fields = this.cache.get(r);
    if (fields !== undefined) return fields;
    const { text, spans, sentinel } = this.parts;
    this.reader ??= new RecordReader(text, this.dialect.delimiter, sentinel, null);
    fields = this.reader.readAll(spans[2 * r], spans[2 * r + 1]);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(r, fields);
    return fields;
  }

}

/** An unquoted last cell ends with the CR of its CRLF, made the sentinel: it is the record ending, not text. */
export function stripSentinel(fields: string[], sentinel: string): void {
  const last = fields[fields.length - 1];
  if (last !== undefined && last.endsWith(sentinel)) fields[fields.length - 1] = last.slice(0, -1);
}
