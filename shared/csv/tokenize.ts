// Tokenize decoded text into string records with papaparse (`header: false`, nothing typed),
// keep blank and malformed records accounted for (docs/reliability.md "Parsing with papaparse").
import type { ParseError } from 'papaparse';
import { afterQuotedCell, type Delimiter, type Dialect, type LineEnding } from './dialect';
import { parserFor } from './parser';
import { Interner, RecordReader } from './recordReader';
import { CompactTable, stripSentinel, WholeTable } from './table';

export type MalformedKind = 'tooFew' | 'tooMany' | 'unclosedQuote' | 'strayQuote';

export interface MalformedRecord {
  readonly kind: MalformedKind;
  /** Index into `records`. */
  readonly record: number;
  readonly fields: number;
  /** 1-based physical line where the record (or, for quotes, the quote) starts. */
  readonly line: number;
  /** Last physical line the record takes: a quote problem swallows the lines after it into one cell. */
  readonly lastLine: number;
}

/** The parts of a table that are plain data (what travels between threads with the text). */
export interface CsvTableHead {
  readonly header: readonly string[];
  /** The header's index among the file's records (a `sep=` line not counted): 0, unless blank lines come before it. */
  readonly headerRecord: number;
  /** A quote problem inside the header itself (then the header cannot be trusted). */
  readonly headerProblem: { readonly kind: 'unclosedQuote' | 'strayQuote'; readonly line: number } | null;
  /**
   * For each record, its index among the file's records as a spreadsheet shows them (a `sep=` line is
   * hidden, so not counted; blank lines are): the spreadsheet row is this + 1. The writer adds the sep
   * line back (clean.ts).
   */
  readonly recordIndex: Int32Array;
  /** Blank records (no text, or only empty cells) that were skipped. */
  readonly blankRows: number;
  readonly malformed: readonly MalformedRecord[];
  readonly dialect: Dialect;
}

/**
 * The data records of a file (blank ones left out), every cell a string exactly as in the file.
 * Cells are read through cell() and record(): a large file keeps only its text, each record's span
 * and the columns the rules read (docs/reliability.md "Memory"); other cells are read again on demand.
 */
export interface CsvTable extends CsvTableHead {
  /** Number of data records. */
  readonly rowCount: number;
  /** Cell `c` of record `r` ('' past the record's last cell). */
  cell(r: number, c: number): string;
  /** Every cell of record `r`, as written (a new array). */
  record(r: number): string[];
  /** Every cell of record `r`, read-only (no copy: for passes over every record). */
  cells(r: number): readonly string[];
  /** Cell `c` of every record (a new array): one pass that reads only that column. */
  column(c: number): string[];
}

function isBlank(fields: readonly string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i] !== '') return false;
  return true;
}

/**
 * 1-based physical line of each offset in `offsets` (ascending), as a text editor shows it:
 * CRLF, LF and CR each end a line, whatever the file's own line ending (Excel writes LF inside
 * cells of a CRLF file).
 */
export function linesAt(text: string, offsets: readonly number[]): number[] {
  const lines: number[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let line = 1;
  let next = lineBreak.exec(text);
  for (const offset of offsets) {
    while (next !== null && next.index < offset) {
      line++;
      next = lineBreak.exec(text);
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Start offset of every record, found with the same quoting rules papaparse applies
 * (a quote opens a quoted cell only at the start of a cell; `""` inside is a quote).
 * With `mixedEol`, CRLF and LF outside quoted cells each end a record, and a lone CR when `eol` is CR.
 */
export function recordStarts(text: string, dialect: Pick<Dialect, 'delimiter' | 'eol'> & { readonly mixedEol?: boolean }): number[] {
  const starts: number[] = [0];
  const { delimiter, eol } = dialect;
  const mixed = dialect.mixedEol === true;
  const eol0 = eol.charCodeAt(0);
  const d = delimiter.charCodeAt(0);
  let i = 0;
  let fieldStart = true;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (fieldStart && c === 34) {
      i = afterQuotedCell(text, i);
      if (i === -1) return starts; // unclosed: the rest of the file is one cell
      fieldStart = false;
      continue;
    }
    if (c === d) {
      fieldStart = true;
      i++;
    } else if (mixed ? c === 10 || (c === 13 && (eol === '\r' || text.charCodeAt(i + 1) === 10)) : c === eol0 && text.startsWith(eol, i)) {
      i += mixed ? (c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1) : eol.length;
      if (i < n) starts.push(i);
      fieldStart = true;
    } else {
      fieldStart = false;
      i++;
    }
  }
  return starts;
}

/** Whitespace (for String.prototype.trim, which papaparse uses after a closing quote) that no file of ours holds. */
const SENTINELS = ['\u2029', '\u2028', '\u205f', '\u1680', '\u3000'];

/**
 * For a file whose records end in different ways: the same text, same length (so every offset and
 * line number holds), where every record ending outside quoted cells is one LF papaparse can split
 * on: a lone CR (when it ends records: `loneCr`) becomes LF, and the CR of a CRLF becomes `sentinel`, whitespace papaparse skips after
 * a closing quote and that tokenize() strips from the end of an unquoted last cell.
 */
function unifyRecordEndings(text: string, delimiter: Delimiter, loneCr: boolean, sentinel: string): string {
  const out: string[] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let copied = 0;
  let i = 0;
  let fieldStart = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (fieldStart && c === 34) {
      const after = afterQuotedCell(text, i);
      i = after === -1 ? n : after;
      fieldStart = false;
      continue;
    }
    if (c === 13 && (loneCr || text.charCodeAt(i + 1) === 10)) {
      out.push(text.slice(copied, i), text.charCodeAt(i + 1) === 10 ? sentinel : '\n');
      copied = i + 1;
      i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
      fieldStart = true;
    } else if (c === 10) {
      i++;
      fieldStart = true;
    } else {
      fieldStart = c === d;
      i++;
    }
  }
  out.push(text.slice(copied));
  return out.join('');
}

/** Line breaks inside a record's cells (CRLF, LF and CR each count once), less one ending the last cell (the file's own last line end, swallowed). */
function lineBreaksIn(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === 10 || (c === 13 && field.charCodeAt(i + 1) !== 10)) count++;
    }
  }
  const last = fields.length > 0 ? fields[fields.length - 1] : '';
  const end = last.charCodeAt(last.length - 1);
  return end === 10 || end === 13 ? count - 1 : count;
}

/** The text papaparse reads: record endings made one kind for a file that mixes them. */
interface Prepared {
  readonly input: string;
  readonly newline: LineEnding;
  readonly sentinel: string;
}

function prepare(text: string, dialect: Dialect): Prepared {
  if (!dialect.mixedEol) return { input: text, newline: dialect.eol, sentinel: '' };
  const sentinel = SENTINELS.find((c) => !text.includes(c)) ?? '\r';
  return { input: unifyRecordEndings(text, dialect.delimiter, dialect.eol === '\r', sentinel), newline: '\n', sentinel };
}

/** Columns to keep as cells: `repeating` ones (licenses, add-ons) share one string per distinct value. */
export interface KeptColumns {
  readonly unique: readonly number[];
  readonly repeating: readonly number[];
}

export interface TokenizeOptions {
  /** The columns to keep as cells (those the rules read), chosen once the header is known. */
  readonly keep?: (header: readonly string[]) => KeptColumns;
  /** Files with at least this many records are held compactly (text, spans, kept columns). */
  readonly compactFrom?: number;
  /**
   * Shown each data record's cells while they are at hand: what a caller derives from cells that are
   * not kept (key hashes) costs no second read of the file.
   */
  readonly visitor?: RecordVisitor;
}

/**
 * Sees each data record once, in order, as it is read. An object with a method rather than a callback:
 * the reading loop then always calls the same function, whichever file it reads (a callback made per
 * file would be a new function each time, and the JIT would re-optimize the loop at every load).
 */
export interface RecordVisitor {
  /**
   * Before the first record: the header, and how many data records there can be (at most). Returns the
   * columns visit() reads (a large file makes strings only of the cells someone reads), and among them
   * those whose values may repeat (their equal cells are then one string, often made without a copy).
   */
  begin(header: readonly string[], records: number): KeptColumns;
  /**
   * Record `record`'s cells: its first `count` (the array may be longer, and is reused for the next
   * record: copy what you keep). Only the columns begin() returned are sure to hold their cell. `codes`,
   * when given, numbers the cells of the repeating columns: per column, the cell's place among the
   * column's distinct values in the order first read (-1 where a cell has none), so a visitor can tell
   * equal cells apart without comparing strings.
   */
  visit(record: number, cells: readonly string[], count: number, codes: readonly number[] | null): void;
}

/** Below this many records a file is held whole: simplest, and its cells cost little. */
const COMPACT_FROM = 20000;

export function tokenize(text: string, dialect: Dialect, options: TokenizeOptions = {}): CsvTable {
  const prepared = prepare(text, dialect);
  if (options.keep !== undefined) {
    const spans = scanRecords(prepared, dialect.delimiter);
    if (spans !== null && spans.length >> 1 >= (options.compactFrom ?? COMPACT_FROM)) {
      const compact = tokenizeCompact(text, prepared, dialect, spans, options.keep, options.visitor);
      if (compact !== null) return compact;
    }
  }
  const whole = tokenizeWhole(text, prepared, dialect);
  const { visitor } = options;
  if (visitor) {
    visitor.begin(whole.header, whole.rowCount);
    for (let r = 0; r < whole.rowCount; r++) {
      const cells = whole.cells(r);
      visitor.visit(r, cells, cells.length, null);
    }
  }
  return whole;
}

/**
 * The start and end offset of every record (blank ones and the header included; no phantom record after
 * a final line ending), with the quoting rules papaparse applies — or null when a quote is unclosed or a
 * closing quote is followed by text, where papaparse's recovery is its own (such files are read whole).
 */
export function scanRecords(prepared: Prepared, delimiter: Delimiter): Int32Array | null {
  const { input, newline, sentinel } = prepared;
  const n = input.length;
  const d = delimiter.charCodeAt(0);
  let out = new Int32Array(1024);
  let count = 0;
  let start = 0;
  let quote = input.indexOf('"');
  for (;;) {
    let pos = start;
    let end: number;
    for (;;) {
      const nl = input.indexOf(newline, pos);
      const lineEnd = nl === -1 ? n : nl;
      if (quote !== -1 && quote < pos) quote = input.indexOf('"', pos);
      if (quote === -1 || quote >= lineEnd) {
        end = lineEnd;
        break;
      }
      if (quote !== start && input.charCodeAt(quote - 1) !== d) {
        // A quote inside an unquoted cell is text.
        pos = quote + 1;
        quote = input.indexOf('"', pos);
        continue;
      }
      const i = afterQuotedCell(input, quote);
      if (i === -1) return null;
      const next = input.charCodeAt(i);
      const ends = i === n || next === d || input.startsWith(newline, i) || (sentinel !== '' && input[i] === sentinel && input.charCodeAt(i + 1) === 10);
      if (!ends) return null;
      pos = i;
      quote = input.indexOf('"', i);
    }
    if (count + 2 > out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[count++] = start;
    out[count++] = end;
    if (end >= n) break;
    start = end + newline.length;
    if (start >= n) break;
  }
  return out.subarray(0, count);
}

/**
 * Read the records along their spans, keeping the cells of the `keep` columns only. The scan has checked
 * every record's quoting, so each is read by RecordReader, cell for cell as papaparse reads it; the
 * header, read once, goes through papaparse. Null for an empty input.
 */
function tokenizeCompact(
  text: string,
  prepared: Prepared,
  dialect: Dialect,
  all: Int32Array,
  keep: (header: readonly string[]) => KeptColumns,
  visitor?: RecordVisitor,
): CsvTable | null {
  const { input, newline, sentinel } = prepared;
  if (input.length === 0) return null;
  const parser = parserFor(dialect.delimiter, newline);
  const total = all.length >> 1;
  const first = dialect.sepLine ? 1 : 0;
  // A record is parsed with its ending: papaparse reads a quoted last cell followed by the sentinel
  // correctly only when the line break follows.
  const nl = newline.length;
  const readOne = (k: number): string[] => {
    const fields = parser.parse(input.slice(all[2 * k], all[2 * k + 1] + nl), 0, false).data[0] ?? [''];
    if (sentinel !== '') stripSentinel(fields, sentinel);
    return fields;
  };
  // The header is the first record that is not blank: blank lines above it are skipped and counted.
  let headerRecord = first;
  let header = first < total ? readOne(first) : [];
  while (headerRecord < total - 1 && header.every((f) => f.trim() === '')) header = readOne(++headerRecord);
  const width = header.length;
  const chosen = keep(header);
  const repeating = [...new Set(chosen.repeating)].filter((c) => c >= 0);
  const columns = [...new Set([...repeating, ...chosen.unique])].filter((c) => c >= 0);
  const kept = columns.map(() => new Array<string>(total - headerRecord - 1));
  // Licenses and add-ons repeat: one string for each distinct value (a cap keeps odd files bounded).
  const spans = new Int32Array(2 * Math.max(0, total - headerRecord - 1));
  const recordIndex = new Int32Array(Math.max(0, total - headerRecord - 1));
  let count = 0;
  let blankRows = headerRecord - first;
  const pending: { record: number; kind: MalformedKind; fields: number; offset: number; lines: number }[] = [];
  const visited = visitor?.begin(header, recordIndex.length) ?? { unique: [], repeating: [] };
  // Cells become strings only in the columns kept or visited; the others are stepped over.
  const want = new Uint8Array(width + 1);
  for (const c of [...columns, ...visited.unique, ...visited.repeating]) if (c >= 0 && c < want.length) want[c] = 1;
  const interners: Interner[] = [];
  for (const c of [...repeating, ...visited.repeating]) if (c >= 0) interners[c] ??= new Interner();
  const reader = new RecordReader(input, dialect.delimiter, sentinel, want, interners);
  const cells = reader.cells;
  for (let fileRecord = headerRecord + 1; fileRecord < total; fileRecord++) {
    const start = all[2 * fileRecord];
    const end = all[2 * fileRecord + 1];
    reader.read(start, end);
    if (reader.blank) {
      blankRows++;
      continue;
    }
    const r = count++;
    recordIndex[r] = fileRecord - first;
    spans[2 * r] = start;
    spans[2 * r + 1] = end;
    for (let j = 0; j < columns.length; j++) kept[j][r] = cells[columns[j]] ?? '';
    if (reader.count === width) {
      visitor?.visit(r, cells, width, reader.codes);
    } else {
      const fields = reader.readAll(start, end);
      pending.push({ record: r, kind: fields.length < width ? 'tooFew' : 'tooMany', fields: fields.length, offset: start, lines: lineBreaksIn(fields) });
      visitor?.visit(r, fields, fields.length, null);
    }
  }
  for (const cells of kept) cells.length = count;
  let malformed: MalformedRecord[] = [];
  if (pending.length > 0) {
    const lines = linesAt(text, pending.map((p) => p.offset));
    malformed = pending.map((p, i) => ({ kind: p.kind, record: p.record, fields: p.fields, line: lines[i], lastLine: lines[i] + p.lines }));
  }
  return new CompactTable({
    head: { header, headerRecord: headerRecord - first, headerProblem: null, recordIndex: recordIndex.subarray(0, count), blankRows, malformed, dialect },
    text: input,
    newline,
    spans: spans.subarray(0, 2 * count),
    hot: columns.map((column, j) => ({ column, cells: kept[j] })),
    sentinel,
  });
}

function tokenizeWhole(text: string, prepared: Prepared, dialect: Dialect): CsvTable {
  const { input, newline, sentinel } = prepared;
  const parsed = parserFor(dialect.delimiter, newline).parse(input, 0, false);
  const all = parsed.data;
  if (sentinel !== '') {
    // An unquoted last cell ends with the CR of its CRLF, made the sentinel: it is the record ending, not text.
    for (const fields of all) {
      const last = fields[fields.length - 1];
      if (last.endsWith(sentinel)) fields[fields.length - 1] = last.slice(0, -1);
    }
  }
  // A final line ending yields a phantom empty record: it is not a row.
  if (all.length > 1 && dialect.finalNewline && all[all.length - 1].length === 1 && all[all.length - 1][0] === '') all.pop();
  // Excel's sep= line is record 0: not the header, not a row.
  const first = dialect.sepLine && all.length > 0 ? 1 : 0;

  const quoteErrors = new Map<number, ParseError>();
  for (const error of parsed.errors) {
    if (error.type === 'Quotes' && error.row !== undefined) {
      const previous = quoteErrors.get(error.row);
      if (!previous || error.code === 'MissingQuotes') quoteErrors.set(error.row, error);
    }
  }
  // The header is the first record that is not blank (empty cells, or only spaces): blank lines above it are skipped and counted.
  let headerRecord = first;
  while (headerRecord < all.length - 1 && !quoteErrors.has(headerRecord) && all[headerRecord].every((f) => f.trim() === '')) headerRecord++;
  const header = headerRecord < all.length ? all[headerRecord] : [];
  const headerError = quoteErrors.get(headerRecord);
  const headerProblem = headerError
    ? { kind: headerError.code === 'MissingQuotes' ? ('unclosedQuote' as const) : ('strayQuote' as const), line: linesAt(text, [(headerError as { index?: number }).index ?? 0])[0] }
    : null;
  const width = header.length;
  const records: string[][] = new Array(Math.max(all.length - 1, 0));
  let count = 0;
  const recordIndex = new Int32Array(Math.max(all.length - 1, 0));
  let blankRows = headerRecord - first;
  const pending: { record: number; kind: MalformedKind; fields: number; offset: number | null; fileRecord: number }[] = [];
  for (let r = headerRecord + 1; r < all.length; r++) {
    const fields = all[r];
    const quoteError = quoteErrors.get(r);
    if (!quoteError && isBlank(fields)) {
      blankRows++;
      continue;
    }
    const index = count++;
    recordIndex[index] = r - first;
    records[index] = fields;
    if (quoteError) {
      const kind: MalformedKind = quoteError.code === 'MissingQuotes' ? 'unclosedQuote' : 'strayQuote';
      pending.push({ record: index, kind, fields: fields.length, offset: (quoteError as { index?: number }).index ?? null, fileRecord: r });
    } else if (fields.length !== width) {
      pending.push({ record: index, kind: fields.length < width ? 'tooFew' : 'tooMany', fields: fields.length, offset: null, fileRecord: r });
    }
  }
  records.length = count;
  let malformed: MalformedRecord[] = [];
  if (pending.length > 0) {
    const starts = recordStarts(text, dialect);
    const offsets = pending.map((p) => p.offset ?? starts[p.fileRecord] ?? text.length);
    const order = offsets.map((_, i) => i).sort((a, b) => offsets[a] - offsets[b]);
    const sortedLines = linesAt(text, order.map((i) => offsets[i]));
    const lines = new Array<number>(pending.length);
    order.forEach((i, k) => (lines[i] = sortedLines[k]));
    malformed = pending.map((p, i) => ({ kind: p.kind, record: p.record, fields: p.fields, line: lines[i], lastLine: lines[i] + lineBreaksIn(records[p.record]) }));
  }
  return new WholeTable({ header, headerRecord: headerRecord - first, headerProblem, recordIndex: recordIndex.subarray(0, records.length), blankRows, malformed, dialect }, records);
}
