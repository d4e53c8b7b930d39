// Column definitions for a file: a check box column, every column of the export (our two editable),
// findings as classes; sorting is done by the store over per-row ranks (renderer/store/rowView.ts).
import type { CellClassParams, ColDef, ITooltipParams } from 'ag-grid-community';
import type { MigrationSession } from '../../shared/index';
import { appStore } from '../store/appStore';
import { isSelected } from '../store/selection';
import { AddOnsEditor } from './AddOnsEditor';
import { severityOfCell, tooltipOfCell } from './cellFindings';
import type { GridRow } from './gridRow';
import { SELECT_COL } from './gridSync';
import { LicenseEditor } from './LicenseEditor';
import { SelectAllHeader } from './SelectAllHeader';
import { SelectCellRenderer } from './selectColumn';

export const ROW_NUMBER_COL = 'row';

const WIDTHS: Record<string, number> = { email: 240, 'user id': 150, title: 160, team: 150, 'current license': 150, 'current add-ons': 150 };

const selectColumn: ColDef<GridRow> = {
  colId: SELECT_COL,
  headerName: '',
  headerComponent: SelectAllHeader,
  cellRenderer: SelectCellRenderer,
  valueGetter: (p) => (p.data ? isSelected(appStore.getState().selection, p.data.i) : false),
  pinned: 'left',
  width: 44,
  sortable: false,
  resizable: false,
  suppressMovable: true,
  cellClass: 'cell-select',
  headerClass: 'header-select',
};

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
    sortable: true,
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
      sortable: true,
      valueGetter: (p) => (p.data ? session.cell(p.data.i, c) : ''),
      cellClassRules: classes(c),
      tooltipValueGetter: tooltip(c),
    };
    const editable = { editable: (p: { data?: GridRow }) => p.data !== undefined && !session.isMalformed(p.data.i), cellEditorPopup: true, cellEditorPopupPosition: 'under' as const, headerClass: 'header-editable', cellClass: 'cell-editable', pinned: 'right' as const };
    if (c === columns.newLicense) return { ...base, ...editable, width: 170, cellEditor: LicenseEditor };
    if (c === columns.newAddOns) return { ...base, ...editable, width: 190, cellEditor: AddOnsEditor };
    return base;
  });
  return [selectColumn, rowNumber, ...defs];
}
