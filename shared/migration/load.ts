// Open an export: bytes → decoded text → pinned dialect → string records → mapped columns
// (docs/formats.md "The export"). Findings about the file are made by shared/validation, not here.
import { decodeBytes, type DecodedText, type FileRefusal } from '../csv/decode';
import { detectDialect } from '../csv/dialect';
import { tokenize, type CsvTable } from '../csv/tokenize';
import { err, ok, type Result } from '../result';
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
  /** Header positions (0-based) that name the same column, in groups. */
  readonly duplicateColumns: readonly (readonly number[])[];
}

export function loadExportText(decoded: DecodedText, bytes: Uint8Array | null = null): LoadedExport {
  const dialect = detectDialect(decoded.text);
  const table = tokenize(decoded.text, dialect);
  const empty = decoded.text.trim() === '' || table.header.every((h) => h.trim() === '');
  const { columns, duplicates } = mapColumns(empty ? [] : table.header);
  return { text: decoded.text, bytes, encoding: decoded.encoding, bom: decoded.bom, guessed: decoded.guessed, table, columns, duplicateColumns: duplicates };
}

/** Read any bytes: never throws; refuses what is not a CSV with a reason that names what it is. */
export function loadExport(bytes: Uint8Array): Result<LoadedExport, FileRefusal> {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return err(decoded.error);
  return ok(loadExportText(decoded.value, bytes));
}
