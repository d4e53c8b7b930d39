// Column definitions for a file, as a migration view: a check box column, the user's identity pinned
// left, Current License, Current Add-ons, New License and New Add-ons side by side (our two editable),
// every other column after, shown or hidden by the column chooser; findings as classes; sorting is done
// by the store over per-row ranks (renderer/store/rowView.ts).
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
import { fullNameOf, NAME_COL } from '../store/rowView';
import { isShown, prefKey } from './columnPrefs';

export const ROW_NUMBER_COL = 'row';

const selectColumn: ColDef<GridRow> = {
  colId: SELECT_COL,
  headerName: '',
  headerComponent: SelectAllHeader,
  cellRenderer: SelectCellRenderer,
  valueGetter: (p) => (p.data ? isSelected(appStore.getState().selection, p.data.i) : false),
  pinned: 'left',
  width: 36,
  sortable: false,
  resizable: false,
  suppressMovable: true,
  cellClass: 'cell-select',
  headerClass: 'header-select',
};

/** Widths that read well at 1280×800 with the problems panel open: identity and the four migration columns fit side by side. */
const WIDTHS: Record<string, number> = { email: 206, 'user id': 150, title: 160, team: 140, 'current license': 118, 'current add-ons': 112 };

/** A column of the grid as the column chooser lists it. */
export interface GridColumn {
  readonly colId: string;
  readonly label: string;
  /** The key its shown/hidden choice is remembered by (columnPrefs.ts). */
  readonly pref: string;
  /** New License and New Add-ons are always shown. */
  readonly required: boolean;
}

/**
 * The migration view (issue: identity pinned left, then Current License, Current Add-ons, New License,
 * New Add-ons side by side, every other column after them in file order): the columns in display order.
 */
export function gridColumns(session: MigrationSession): (GridColumn & { readonly column: number | null; readonly pinned: boolean; readonly shownByDefault: boolean })[] {
  const { columns } = session.source;
  const { names } = columns;
  const hasName = columns.firstName >= 0 || columns.lastName >= 0;
  const identityKey = columns.email >= 0 ? columns.email : columns.userId;
  const out: (GridColumn & { column: number | null; pinned: boolean; shownByDefault: boolean })[] = [];
  const file = (c: number, pinned: boolean, required = false, shownByDefault = true) => out.push({ colId: String(c), label: names[c], pref: prefKey(names[c]), column: c, pinned, required, shownByDefault });
  if (hasName) out.push({ colId: NAME_COL, label: 'Name', pref: NAME_COL, column: null, pinned: true, required: false, shownByDefault: true });
  if (identityKey >= 0) file(identityKey, true);
  const migration = [columns.currentLicense, columns.currentAddOns].filter((c) => c >= 0);
  for (const c of migration) file(c, false);
  file(columns.newLicense, false, true);
  file(columns.newAddOns, false, true);
  const placed = new Set([identityKey, ...migration, columns.newLicense, columns.newAddOns]);
  for (let c = 0; c < columns.width; c++) {
    if (placed.has(c)) continue;
    // First and Last Name are shown as one Name column; each can be shown too.
    file(c, false, false, !(hasName && (c === columns.firstName || c === columns.lastName)));
  }
  return out;
}

export function columnDefs(session: MigrationSession): ColDef<GridRow>[] {
  const { columns } = session.source;
  const keyColumn = columns.email >= 0 ? columns.email : Math.max(columns.userId, 0);
  const classes = (cs: readonly number[]) => ({
    'cell-error': (p: CellClassParams<GridRow>) => p.data !== undefined && cs.some((c) => severityOfCell(session, p.data!.i, c, keyColumn) === 'error'),
    'cell-warning': (p: CellClassParams<GridRow>) => p.data !== undefined && cs.some((c) => severityOfCell(session, p.data!.i, c, keyColumn) === 'warning'),
    'cell-restored': (p: CellClassParams<GridRow>) => p.data !== undefined && cs.some((c) => session.restoredColumns(p.data!.i).includes(c)),
  });
  const tooltip = (cs: readonly number[]) => (p: ITooltipParams<GridRow>) => {
    if (!p.data) return undefined;
    const tips = cs.map((c) => tooltipOfCell(session, p.data!.i, c, keyColumn)).filter((t): t is string => t !== undefined);
    if (p.data && cs.some((c) => session.restoredColumns(p.data!.i).includes(c))) tips.push('Restored from the original export.');
    if (session.isExcluded(p.data.i)) tips.push('Left out of the migration: this row is not written.');
    return tips.length > 0 ? tips.join('\n') : undefined;
  };

  const rowNumber: ColDef<GridRow> = {
    colId: ROW_NUMBER_COL,
    headerName: 'Row',
    headerTooltip: 'Spreadsheet row (the header is row 1)',
    pinned: 'left',
    width: 58,
    sortable: true,
    valueGetter: (p) => (p.data ? session.rowNumber(p.data.i) : null),
    cellClass: 'cell-rownumber',
    cellClassRules: {
      'row-error': (p) => p.data !== undefined && session.rowSeverity(p.data.i) === 2,
      'row-warning': (p) => p.data !== undefined && session.rowSeverity(p.data.i) === 1,
    },
  };

  const editable = (c: number, editor: ColDef<GridRow>['cellEditor'], width: number): Partial<ColDef<GridRow>> => ({
    editable: (p: { data?: GridRow }) => p.data !== undefined && !session.isMalformed(p.data.i) && !session.isExcluded(p.data.i),
    cellEditorPopup: true,
    cellEditorPopupPosition: 'under' as const,
    headerClass: 'header-editable',
    cellClass: 'cell-editable',
    cellEditor: editor,
    width,
    lockVisible: true,
    headerTooltip: c === columns.newLicense ? 'New License: double-click or press Enter to choose' : 'New Add-ons: double-click or press Enter to choose',
  });

  const defs = gridColumns(session).map((g): ColDef<GridRow> => {
    const hide = !g.required && !isShown(g.pref, g.shownByDefault);
    if (g.column === null) {
      const nameColumns = [columns.firstName, columns.lastName].filter((c) => c >= 0);
      return { colId: NAME_COL, headerName: 'Name', width: 122, pinned: 'left', sortable: true, hide, valueGetter: (p) => (p.data ? fullNameOf(session, p.data.i) : ''), cellClassRules: classes(nameColumns), tooltipValueGetter: tooltip(nameColumns) };
    }
    const c = g.column;
    const base: ColDef<GridRow> = {
      colId: g.colId,
      headerName: g.label,
      width: WIDTHS[g.label.toLowerCase()] ?? 130,
      sortable: true,
      hide,
      ...(g.pinned ? { pinned: 'left' as const } : {}),
      valueGetter: (p) => (p.data ? session.cell(p.data.i, c) : ''),
      cellClassRules: classes([c]),
      tooltipValueGetter: tooltip([c]),
    };
    if (c === columns.newLicense) return { ...base, ...editable(c, LicenseEditor, 122) };
    if (c === columns.newAddOns) return { ...base, ...editable(c, AddOnsEditor, 134) };
    return base;
  });
  return [selectColumn, rowNumber, ...defs];
}
