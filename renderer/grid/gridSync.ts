// How the store tells the grid on screen what changed (docs/architecture.md "Grid edits"): only the rows an edit
// changed are redrawn; a new view (filter, sort) is a new row count and a reload of the blocks in view.
import type { GridApi, IDatasource, IGetRowsParams, IRowNode, RowClassParams, RowClassRules } from 'ag-grid-community';
import { appStore } from '../store/appStore';
import { rowAt, type RowView } from '../store/rowView';
import { isSelected } from '../store/selection';
import type { GridRow } from './gridRow';

/** The grid's rows come from the store's view, a block at a time (the infinite row model: no node per user). */
export const rowSource: IDatasource = {
  getRows(params: IGetRowsParams): void {
    const { view, open } = appStore.getState();
    if (open === null) {
      params.successCallback([], 0);
      return;
    }
    const end = Math.min(params.endRow, view.shown);
    const rows: GridRow[] = [];
    for (let i = params.startRow; i < end; i++) rows.push({ i: rowAt(view, i) });
    params.successCallback(rows, view.shown);
  },
};

/** Above this many changed rows, redrawing every row on screen is cheaper than finding them. */
const FEW_ROWS = 256;

/** Redraw the rows on screen that `rows` changed ('all': every row on screen). */
export function showChangedRows(api: GridApi<GridRow>, rows: readonly number[] | 'all'): void {
  if (api.isDestroyed()) return;
  if (rows === 'all' || rows.length > FEW_ROWS) {
    api.refreshCells({ force: true });
    return;
  }
  const changed = new Set(rows);
  const nodes: IRowNode<GridRow>[] = [];
  for (const node of api.getRenderedNodes()) if (node.data !== undefined && changed.has(node.data.i)) nodes.push(node);
  if (nodes.length > 0) api.refreshCells({ rowNodes: nodes, force: true });
}

/** Show a new view: its row count, the blocks in view reloaded from it; `toTop` scrolls back up (a new filter). */
export function showView(api: GridApi<GridRow>, view: RowView, toTop: boolean): void {
  if (api.isDestroyed()) return;
  api.setRowCount(view.shown, true);
  api.refreshInfiniteCache();
  if (toTop && view.shown > 0) api.ensureIndexVisible(0, 'top');
}

export const SELECT_COL = 'select';

const selectedRow = (p: RowClassParams<GridRow>): boolean => p.data !== undefined && isSelected(appStore.getState().selection, p.data.i);

/**
 * Row classes from the store's selection; a new object makes the grid re-read them for the rows on screen.
 * The grid's own class for selected rows, so the theme draws them (its selection module is not used).
 */
export const selectionClassRules = (): RowClassRules<GridRow> => ({ 'ag-row-selected': selectedRow, 'row-excluded': excludedRow });

/** A row a repair left out of the migration (not in the original export, a repeat): drawn struck through. */
const excludedRow = (p: RowClassParams<GridRow>): boolean => p.data !== undefined && (appStore.getState().open?.session.isExcluded(p.data.i) ?? false);

/** Selection is drawn from the store: the rows on screen re-read their class and check box. */
export function showSelection(api: GridApi<GridRow>): void {
  if (api.isDestroyed()) return;
  api.setGridOption('rowClassRules', selectionClassRules());
  api.refreshCells({ columns: [SELECT_COL] });
}
