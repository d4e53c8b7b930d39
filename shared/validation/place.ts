// Where a finding is, for people (docs/formats.md "The error report"): the spreadsheet row (header = 1,
// counted in records so a line break inside a quoted cell does not shift it; blank rows still count),
// the header label of its column, and the user's Email (or User ID). Made only when shown or written.
import type { LoadedExport } from '../migration/load';
import { HEADER_RECORD, type Finding, type PlacedFinding } from './codes';

/** The spreadsheet row of a record (header = 1, first user = 2 unless blank lines come first). */
export function rowNumberOf(source: Pick<LoadedExport, 'table'>, record: number): number {
  return record === HEADER_RECORD ? source.table.headerRecord + 1 : source.table.recordIndex[record] + 1;
}

/** The user a record is about: its Email, else its User ID, else null. */
export function userLabel(source: Pick<LoadedExport, 'columns' | 'table'>, record: number): string | null {
  const { email, userId } = source.columns;
  const mail = email >= 0 ? source.table.cell(record, email).trim() : '';
  if (mail !== '') return mail;
  const id = userId >= 0 ? source.table.cell(record, userId).trim() : '';
  return id !== '' ? id : null;
}

/** The header label of a column (New License / New Add-ons when they are appended), or null. */
export function columnLabel(source: Pick<LoadedExport, 'columns'>, column: number | null): string | null {
  return column === null ? null : (source.columns.names[column] ?? null);
}

export function placeFinding(f: Finding, source: LoadedExport): PlacedFinding {
  const { record, column, ...rest } = f;
  const row = record === null ? null : rowNumberOf(source, record);
  // An unreadable row's cells may be shifted: its Email column cannot be trusted to name its user.
  const user = record !== null && record >= 0 && f.code !== 'MALFORMED_ROW' ? userLabel(source, record) : null;
  let label = columnLabel(source, column);
  let who = user;
  switch (f.code) {
    case 'MISSING_COLUMN':
      label = f.name;
      break;
    case 'LOCKED_COLUMN_CHANGED':
      if (f.originalColumn !== undefined) label = f.originalColumn;
      break;
    case 'USER_REMOVED':
      who = f.originalUser;
      break;
    case 'SELF_NOT_FOUND':
      who = f.email;
      break;
    case 'DUPLICATE_USER':
      // Built field by field: a second object rest here made V8 keep every placed finding of a
      // million-row report past the young generation (the CLI's peak memory doubled).
      return { code: f.code, key: f.key, keyValue: f.keyValue, firstRow: rowNumberOf(source, f.firstRecord), row, column: label, user: who, value: f.value };
    default:
      break;
  }
  return { ...rest, row, column: label, user: who } as PlacedFinding;
}
