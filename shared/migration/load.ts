// Open an export: bytes → decoded text → pinned dialect → string records → mapped columns
// (SPEC "The export", RELIABILITY.md "Reading a CSV without damaging it").
import { decodeBytes, type DecodedText, type DecodeOptions, type FileRefusal } from '../csv/decode';
import { detectDialect, isDelimiter, readSepLine } from '../csv/dialect';
import { tokenize, type CsvTable } from '../csv/tokenize';
import { err, ok, type Result } from '../result';
import type { Finding } from '../validation/codes';
import { mapColumns, type ColumnMap } from './columns';

export interface LoadedExport {
  readonly text: string;
  /** The bytes read, kept so a file that needs no change is written back byte for byte. */
  readonly bytes: Uint8Array | null;
  readonly encoding: DecodedText['encoding'];
  readonly bom: boolean;
  readonly guessed: boolean;
  readonly table: CsvTable;
  readonly columns: ColumnMap;
  /** Findings about the file as a whole: empty file, header problems, encoding. */
  readonly fileFindings: readonly Finding[];
}

export function loadExportText(decoded: DecodedText, bytes: Uint8Array | null = null): LoadedExport {
  const dialect = detectDialect(decoded.text);
  const table = tokenize(decoded.text, dialect);
  const fileFindings: Finding[] = [];
  const empty = decoded.text.trim() === '' || table.header.every((h) => h.trim() === '');
  const headerRow = table.headerRecord + 1;
  const { columns, findings } = mapColumns(empty ? [] : table.header, headerRow);
  if (table.headerProblem) {
    const { kind, line } = table.headerProblem;
    fileFindings.push({ code: 'MALFORMED_ROW', row: headerRow, column: null, user: null, value: null, kind, fields: table.header.length, expected: table.header.length, line, lastLine: line });
  }
  if (empty) {
    fileFindings.push({ code: 'EMPTY_FILE', row: null, column: null, user: null, value: null, reason: 'noHeader' });
  } else {
    fileFindings.push(...findings);
    if (table.records.length === 0) fileFindings.push({ code: 'EMPTY_FILE', row: null, column: null, user: null, value: null, reason: 'noRows' });
  }
  if (decoded.guessed) fileFindings.push({ code: 'ENCODING_GUESSED', row: null, column: null, user: null, value: null, encoding: decoded.encoding });
  return { text: decoded.text, bytes, encoding: decoded.encoding, bom: decoded.bom, guessed: decoded.guessed, table, columns, fileFindings };
}

export type LoadOptions = DecodeOptions;

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
  return ok(loadExportText(decoded.value, bytes));
}
