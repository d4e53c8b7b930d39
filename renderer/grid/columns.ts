// Column definitions for a file: every column of the export, our two editable, findings as classes.
import type { CellClassParams, ColDef, ITooltipParams } from 'ag-grid-community';
import type { MigrationSession } from '../../shared/index';
import { AddOnsEditor } from './AddOnsEditor';
import { severityOfCell, tooltipOfCell } from './cellFindings';
import type { GridRow } from './gridRow';
import { LicenseEditor } from './LicenseEditor';

export const ROW_NUMBER_COL = 'row';

const WIDTHS: Record<string, number> = { email: 240, 'user id': 150, title: 160, team: 150, 'current license': 150, 'current add-ons': 150 };

export function columnDefs(session: MigrationSession): ColDef<GridRow>[] {
  const { columns } = session.source;
  const keyColumn = columns.userId >= 0 ? columns.userId : Math.max(columns.email, 0);
  const classes = (c: number) => ({
    'cell-error': (p: CellClassParams<GridRow>) => p.data !== undefined && severityOfCell(session, p.data.i, c, keyColumn) === 'error',
    'cell-warning': (p: CellClassParams<GridRow>) => p.data !== undefined && severityOfCell(session, p.data.i, c, keyColumn) === 'warning',
  });
  const tooltip = (c: number) => (p: ITooltipParams<GridRow>) => (p.data ? tooltipOfCell(session, p.data.i, c, keyColumn) : undefined);

  const rowNumber: ColDef<GridRow> = {
    colId: ROW_NUMBER_COL,
    headerName: 'Row',
    headerTooltip: 'Spreadsheet row (the header is row 1)',
    pinned: 'left',
    width: 76,
    valueGetter: (p) => (p.data ? session.rowNumber(p.data.i) : null),
    cellClass: 'cell-rownumber',
    cellClassRules: {
      'row-error': (p) => p.data !== undefined && session.rowSeverity(p.data.i) === 2,
      'row-warning': (p) => p.data !== undefined && session.rowSeverity(p.data.i) === 1,
    },
  };

  const defs = columns.names.map((name, c): ColDef<GridRow> => {
    const base: ColDef<GridRow> = {
      colId: String(c),
      headerName: name,
      width: WIDTHS[name.toLowerCase()] ?? 130,
      valueGetter: (p) => (p.data ? session.cell(p.data.i, c) : ''),
      cellClassRules: classes(c),
      tooltipValueGetter: tooltip(c),
    };
    if (c === columns.newLicense) {
      return { ...base, width: 170, pinned: 'right', editable: (p) => p.data !== undefined && !session.isMalformed(p.data.i), cellEditor: LicenseEditor, cellEditorPopup: true, cellEditorPopupPosition: 'under', headerClass: 'header-editable', cellClass: 'cell-editable' };
    }
    if (c === columns.newAddOns) {
      return { ...base, width: 190, pinned: 'right', editable: (p) => p.data !== undefined && !session.isMalformed(p.data.i), cellEditor: AddOnsEditor, cellEditorPopup: true, cellEditorPopupPosition: 'under', headerClass: 'header-editable', cellClass: 'cell-editable' };
    }
    return base;
  });
  return [rowNumber, ...defs];
}
