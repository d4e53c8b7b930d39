// Open an export: bytes → decoded text → pinned dialect → string records → mapped columns
// (docs/formats.md "The export"). Findings about the file are made by shared/validation, not here.
import { decodeBytes, type DecodedText, type DecodeOptions, type FileRefusal } from '../csv/decode';
import { detectDialect, isDelimiter, readSepLine } from '../csv/dialect';
import { tokenize, type CsvTable, type KeptColumns, type RecordVisitor } from '../csv/tokenize';
import type { ColumnChoice } from '../plan/plan';
import { err, ok, type Result } from '../result';
import { findUsers, type UserCheck } from '../validation/duplicateUsers';
import { emailHash, userIdHash, type KeyHashes } from '../validation/userKey';
import { choiceFor, mapColumns, type ColumnMap } from './columns';

export interface LoadedExport {
  /** The decoded text (the bytes are not kept: valid UTF-8 encodes back to them exactly). */
  readonly text: string;
  readonly encoding: DecodedText['encoding'];
  readonly bom: boolean;
  readonly guessed: boolean;
  readonly table: CsvTable;
  readonly columns: ColumnMap;
  /** Header positions (0-based) that name the same column, in groups. */
  readonly duplicateColumns: readonly (readonly number[])[];
  /** Each row's key hashes, made while the file was read (the duplicate check makes them when absent). */
  readonly keyHashes?: KeyHashes;
  /**
   * Who is the same user as an earlier row, and who has no key, found when the file was read (in the app,
   * by the load worker, so the page does not check every key again); the session finds them when absent.
   */
  readonly userCheck?: UserCheck;
}

export interface TextOptions {
  readonly whole?: boolean;
  /**
   * Leave the user check to the caller (false): the app's load worker sends the rows first and checks
   * the users while the page takes them in. Default true.
   */
  readonly findUsers?: boolean;
  /** Remembered column choices (the plan's `columns`): the one made for this file's header is applied. */
  readonly columns?: readonly ColumnChoice[];
  /**
   * Shown every data record's cells as the file is read (the app's load worker packs them for the page
   * as they come, instead of holding every cell of the file first).
   */
  readonly visitor?: RecordVisitor;
  /**
   * Keep the rule columns' cells in a large file's table (default true). False for a caller that takes
   * every cell from its visitor and asks the table for few cells afterwards (the app's load worker):
   * the table then holds only the text and each record's span.
   */
  readonly keepRuleCells?: boolean;
}

export function loadExportText(decoded: DecodedText, options: TextOptions = {}): LoadedExport {
  const dialect = detectDialect(decoded.text);
  // A large file keeps as cells only the columns the rules read; the others are read again when shown
  // (unless the caller needs every cell at once: the app's load worker hands them all to the page).
  const hashes = new KeyHashesBuilder(options.columns);
  const table = tokenize(decoded.text, dialect, {
    keep: options.whole ? undefined : options.keepRuleCells === false ? () => ({ unique: [], repeating: [] }) : (header) => ruleColumns(mapColumns(header, choiceFor(options.columns, header)).columns),
    visitor: options.visitor ? new BothVisitors(hashes, options.visitor) : hashes,
  });
  const empty = decoded.text.trim() === '' || table.header.every((h) => h.trim() === '');
  const { columns, duplicates } = mapColumns(empty ? [] : table.header, empty ? null : choiceFor(options.columns, table.header));
  const keyHashes = hashes.done(table.rowCount);
  const userCheck = options.findUsers === false ? undefined : findUsers(table, columns, unreadableRows(table), keyHashes);
  return { text: decoded.text, encoding: decoded.encoding, bom: decoded.bom, guessed: decoded.guessed, table, columns, duplicateColumns: duplicates, keyHashes, ...(userCheck ? { userCheck } : {}) };
}

/**
 * The same loaded file with its columns as `choice` says (the column-mapping step, after the file was
 * read): every cell must be held (a whole table), as the app's is. The text is still read only when asked;
 * the key hashes made while reading are kept only when the user key columns stay the same.
 */
export function withColumnChoice(loaded: LoadedExport, choice: ColumnChoice | null): LoadedExport {
  const { columns, duplicates } = mapColumns(loaded.table.header, choice);
  const sameKeys = columns.userId === loaded.columns.userId && columns.email === loaded.columns.email;
  return {
    get text(): string {
      return loaded.text;
    },
    encoding: loaded.encoding,
    bom: loaded.bom,
    guessed: loaded.guessed,
    table: loaded.table,
    columns,
    duplicateColumns: duplicates,
    ...(sameKeys && loaded.keyHashes ? { keyHashes: loaded.keyHashes } : {}),
    ...(sameKeys && loaded.userCheck ? { userCheck: loaded.userCheck } : {}),
  };
}

/** 1 for each record that cannot be read (MALFORMED_ROW): no rule reads its cells. */
export function unreadableRows(table: Pick<CsvTable, 'rowCount' | 'malformed'>): Uint8Array {
  const skip = new Uint8Array(table.rowCount);
  for (const m of table.malformed) skip[m.record] = 1;
  return skip;
}

/**
 * The columns the row rules read on every check (current and new license and add-ons), kept as cells in
 * a compact table. User IDs and Emails are not kept: their hashes are made as the file is read.
 */
export function ruleColumns(columns: ColumnMap): KeptColumns {
  const inFile = (list: number[]): number[] => list.filter((c) => c >= 0 && c < columns.width);
  return { unique: [], repeating: inFile([columns.currentLicense, columns.currentAddOns, columns.newLicense, columns.newAddOns]) };
}

/** Two visitors shown each record in turn (each gets the cells it asked for). */
class BothVisitors implements RecordVisitor {
  constructor(
    private readonly first: RecordVisitor,
    private readonly second: RecordVisitor,
  ) {}

  begin(header: readonly string[], records: number): KeptColumns {
    const first = this.first.begin(header, records);
    const second = this.second.begin(header, records);
    return { unique: [...first.unique, ...second.unique], repeating: [...first.repeating, ...second.repeating] };
  }

  visit(record: number, cells: readonly string[], count: number, codes: readonly number[] | null): void {
    this.first.visit(record, cells, count, codes);
    this.second.visit(record, cells, count, codes);
  }
}

/** Builds KeyHashes record by record while the file is read (the key columns found from the header). */
class KeyHashesBuilder implements RecordVisitor {
  private idColumn = -1;
  private emailColumn = -1;
  private id: Int32Array | null = null;
  private email: Int32Array | null = null;

  /** `choices`: remembered column choices (the user key may be a column of another name). */
  constructor(private readonly choices?: readonly ColumnChoice[]) {}

  begin(header: readonly string[], records: number): KeptColumns {
    const { userId, email } = mapColumns(header, choiceFor(this.choices, header)).columns;
    this.idColumn = userId;
    this.emailColumn = email;
    this.id = userId >= 0 ? new Int32Array(records) : null;
    this.email = email >= 0 ? new Int32Array(records) : null;
    return { unique: [userId, email], repeating: [] };
  }

  visit(r: number, cells: readonly string[]): void {
    const { id, email } = this;
    if (id !== null) id[r] = userIdHash(cells[this.idColumn] ?? '');
    if (email !== null) email[r] = emailHash(cells[this.emailColumn] ?? '');
  }

  done(rows: number): KeyHashes {
    const fit = (a: Int32Array | null): Int32Array | null => (a === null ? null : a.length === rows ? a : a.slice(0, rows));
    // No record seen (an empty file): the columns are still those of the header, with no rows.
    if (this.id === null && this.email === null) return { id: null, email: null };
    return { id: fit(this.id), email: fit(this.email) };
  }
}

export interface LoadOptions extends DecodeOptions, TextOptions {
  /** Hold every cell as a string, whatever the file's size (for a caller that reads every cell once). */
  readonly whole?: boolean;
}

/**
 * Read any bytes: never throws; refuses what is not a CSV with a reason that names what it is.
 * `options.encoding` (any WHATWG label) reads a legacy file in the encoding the admin chose; an
 * unknown label is refused with code 'unknownEncoding'.
 */
export function loadExport(bytes: Uint8Array, options: LoadOptions = {}): Result<LoadedExport, FileRefusal> {
  const decoded = decodeBytes(bytes, options);
  if (!decoded.ok) return err(decoded.error);
  const sep = readSepLine(decoded.value.text);
  if (sep && !isDelimiter(sep.delimiter)) {
    const shown = JSON.stringify(sep.delimiter);
    return err({
      code: 'delimiter',
      kind: `a file separated by ${shown}`,
      line: 1,
      reason: `the first line of this file (sep=${sep.delimiter}) says its cells are separated by ${shown}, but License Prep reads cells separated by commas, semicolons or tabs: save it again as CSV UTF-8`,
    });
  }
  const { whole, columns, findUsers, visitor, keepRuleCells } = options;
  return ok(loadExportText(decoded.value, { whole, columns, findUsers, visitor, keepRuleCells }));
}
