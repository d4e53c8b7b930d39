// Where a finding sits in the grid and how its place is shown: the only module that reads a finding's
// `row` (spreadsheet row) and `column` (header label), so a change to how findings locate themselves
// (record and column indexes) is made here alone.
import type { Finding, MigrationSession } from '../../shared/index';

/** Session row of the finding, or -1 (file-level, or a row the session does not hold). */
export function findingRow(session: MigrationSession, finding: Finding): number {
  if (finding.row === null) return -1;
  const index = session.source.table.recordIndex;
  const target = finding.row - 1;
  let lo = 0;
  let hi = index.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (index[mid] === target) return mid;
    if (index[mid] < target) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Column index of the finding, or -1 (a whole row or the whole file). */
export function findingColumn(session: MigrationSession, finding: Finding): number {
  return finding.column === null ? -1 : session.source.columns.names.indexOf(finding.column);
}

/** Whether a row's finding is about the cell in `column` (findings about the whole row mark its key cell). */
export function findingInCell(session: MigrationSession, finding: Finding, column: number, keyColumn: number): boolean {
  return finding.column === null ? column === keyColumn : finding.column === session.source.columns.names[column];
}

/** The finding's cell column for grouping a row's findings per cell: the header label, or null for the whole row. */
export const findingCellKey = (finding: Finding): string | null => finding.column;

/** "Row 53 · New License", "Row 7", "Whole file". */
export function findingWhere(finding: Finding): string {
  if (finding.row === null) return 'Whole file';
  return `Row ${finding.row}${finding.column ? ` · ${finding.column}` : ''}`;
}

/** Whether the finding links to a row. */
export const findingHasRow = (finding: Finding): boolean => finding.row !== null;

/** The spreadsheet row (header = 1) the finding is on, or null: for attributes and reports. */
export const findingSheetRow = (finding: Finding): number | null => finding.row;
