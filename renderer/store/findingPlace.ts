// Where a finding sits in the grid and how its place is shown. Findings hold a record index and a column
// index (docs/architecture.md "Findings hold indexes"); the spreadsheet row and header label are made here
// and in the core's placeFinding, never looked up back from text.
import { rowNumberOf, type Finding, type MigrationSession } from '../../shared/index';

/** Session row of the finding, or -1 (the header, or the file as a whole). */
export function findingRow(_session: MigrationSession, finding: Finding): number {
  return finding.record !== null && finding.record >= 0 ? finding.record : -1;
}

/** Column index of the finding, or -1 (a whole row or the whole file). */
export function findingColumn(_session: MigrationSession, finding: Finding): number {
  return finding.column ?? -1;
}

/** Whether a row's finding is about the cell in `column` (findings about the whole row mark its key cell). */
export function findingInCell(_session: MigrationSession, finding: Finding, column: number, keyColumn: number): boolean {
  return finding.column === null ? column === keyColumn : finding.column === column;
}

/** The finding's cell column for grouping a row's findings per cell: the column index, or null for the whole row. */
export const findingCellKey = (finding: Finding): number | null => finding.column;

/** "Row 53 · New License", "Row 7", "Header", "Whole file". */
export function findingWhere(session: MigrationSession, finding: Finding): string {
  const placed = session.place(finding);
  if (placed.row === null) return placed.column ? `Whole file · ${placed.column}` : 'Whole file';
  return `Row ${placed.row.toLocaleString('en-US')}${placed.column ? ` · ${placed.column}` : ''}`;
}

/** Whether the finding links to a row of the grid. */
export const findingHasRow = (finding: Finding): boolean => finding.record !== null && finding.record >= 0;

/** The spreadsheet row (header = 1) the finding is on, or null: for attributes and reports. */
export const findingSheetRow = (session: MigrationSession, finding: Finding): number | null => (finding.record === null ? null : rowNumberOf(session.source, finding.record));
