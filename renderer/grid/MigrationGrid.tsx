// The Assign grid (issue 4, item 3): read-only edits routed through the store, updates by transaction.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, CellPosition, GetRowIdParams, GridApi, GridReadyEvent, IRowNode, RowSelectionOptions, TabToNextCellParams } from 'ag-grid-community';
import { useAppStore } from '../store/appStore';
import { filtersActive, rowPasses, searchIndex } from '../store/selectors';
import { currentSession, onRowsChanged } from '../store/sessionHolder';
import { clearCellFindings } from './cellFindings';
import { columnDefs } from './columns';
import { editAddOns, editLicense, focusCellElement, refocusCell } from './gridEdits';
import type { GridRow } from './gridRow';
import { registerGridModules } from './modules';
import { gridTheme } from './theme';

registerGridModules();

const rowSelection: RowSelectionOptions<GridRow> = { mode: 'multiRow', selectAll: 'filtered', checkboxes: true, headerCheckbox: true, enableClickSelection: true };
const selectionColumnDef = { pinned: 'left' as const, width: 44 };
const getRowId = (p: GetRowIdParams<GridRow>): string => String(p.data.i);
/** Tab moves along a row; past its last (or before its first) cell it leaves the grid, so keyboard users are never trapped in 100,000 rows. */
const tabToNextCell = (p: TabToNextCellParams<GridRow>): CellPosition | boolean =>
  p.nextCellPosition !== null && p.nextCellPosition.rowIndex === p.previousCellPosition.rowIndex ? p.nextCellPosition : false;

/** The grid API of the grid on screen, for toolbar actions (selection, select all shown). */
let gridApi: GridApi<GridRow> | null = null;
export const activeGridApi = (): GridApi<GridRow> | null => gridApi;

export function selectedRowIndexes(): number[] {
  return gridApi ? gridApi.getSelectedNodes().map((n) => n.data!.i) : [];
}

/** A bulk edit must never reach rows the admin cannot see: rows a filter hides leave the selection. */
function dropHiddenFromSelection(api: GridApi<GridRow>): void {
  const hidden: IRowNode<GridRow>[] = [];
  for (const node of api.getSelectedNodes()) if (!node.displayed) hidden.push(node);
  if (hidden.length > 0) api.setNodesSelected({ nodes: hidden, newValue: false });
}

export function MigrationGrid({ dark }: { dark: boolean }) {
  const openSeq = useAppStore((s) => s.openSeq);
  const filters = useAppStore((s) => s.filters);
  const target = useAppStore((s) => s.target);
  const session = currentSession();
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const filtersRef = useRef(filters);
  const indexRef = useRef<string[] | null>(null);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new file means a new session
  const rowData = useMemo<GridRow[]>(() => (session ? Array.from({ length: session.rowCount }, (_, i) => ({ i })) : []), [session, openSeq]);
  const defs = useMemo(() => (session ? columnDefs(session) : []), [session]);
  const theme = useMemo(() => gridTheme(dark), [dark]);

  useEffect(() => {
    indexRef.current = null;
    clearCellFindings();
  }, [session]);

  const isExternalFilterPresent = useCallback(() => filtersActive(filtersRef.current), []);
  const doesExternalFilterPass = useCallback((node: IRowNode<GridRow>) => {
    const s = currentSession();
    if (!s || !node.data) return true;
    if (indexRef.current === null) indexRef.current = searchIndex(s);
    return rowPasses(s, node.data.i, filtersRef.current, indexRef.current);
  }, []);

  const countShown = useCallback(() => {
    const api = apiRef.current;
    if (api) useAppStore.setState({ shownRows: api.getDisplayedRowCount() });
  }, []);

  useEffect(() => {
    filtersRef.current = filters;
    const api = apiRef.current;
    if (!api) return;
    api.onFilterChanged();
    dropHiddenFromSelection(api);
  }, [filters]);

  // Rows changed in the session: update only those (a bulk edit is one transaction).
  useEffect(
    () =>
      onRowsChanged((rows) => {
        const api = apiRef.current;
        if (!api || api.isDestroyed()) return;
        if (rows === 'all') {
          api.refreshCells({ force: true });
          if (filtersActive(filtersRef.current)) api.onFilterChanged();
          return;
        }
        api.applyTransaction({ update: rows.map((i) => ({ i })) });
        // Fixed rows may leave "only rows with problems": they leave the selection with it.
        if (filtersActive(filtersRef.current)) dropHiddenFromSelection(api);
      }),
    [],
  );

  // A finding asked for its cell: scroll there and focus it.
  useEffect(() => {
    const api = apiRef.current;
    if (!api || !target) return;
    let node = api.getRowNode(String(target.row));
    if (node && node.displayed === false) {
      useAppStore.setState({ filters: { search: '', current: null, next: null, problemsOnly: false } });
      filtersRef.current = { search: '', current: null, next: null, problemsOnly: false };
      api.onFilterChanged();
      node = api.getRowNode(String(target.row));
    }
    if (!node || node.rowIndex === null) return;
    const colId = String(Math.max(0, target.column));
    api.ensureIndexVisible(node.rowIndex, 'middle');
    api.ensureColumnVisible(colId);
    const rowIndex = node.rowIndex;
    // Rows scrolled into view render on the next frame: focus the cell once it exists.
    requestAnimationFrame(() => requestAnimationFrame(() => !api.isDestroyed() && focusCellElement(api, rowIndex, String(target.row), colId)));
  }, [target]);

  const onGridReady = useCallback(
    (event: GridReadyEvent<GridRow>) => {
      apiRef.current = event.api;
      gridApi = event.api;
      countShown();
      const t = useAppStore.getState().target;
      if (t) useAppStore.setState({ target: { ...t, seq: t.seq + 1 } });
    },
    [countShown],
  );

  useEffect(
    () => () => {
      gridApi = null;
      apiRef.current = null;
    },
    [],
  );

  const onCellEditRequest = useCallback((event: CellEditRequestEvent<GridRow>) => {
    const s = currentSession();
    if (!s || !event.data) return;
    const c = Number(event.column.getColId());
    const value = event.newValue == null ? '' : String(event.newValue);
    if (c === s.source.columns.newLicense) editLicense(event.data.i, value);
    else if (c === s.source.columns.newAddOns) editAddOns(event.data.i, value);
    refocusCell(event.api, event.node.id, event.column.getColId());
  }, []);

  const onSelectionChanged = useCallback(() => {
    const api = apiRef.current;
    if (api) useAppStore.setState({ selectedRows: api.getSelectedNodes().length });
  }, []);

  if (!session) return null;
  return (
    <div className="grid-host" data-testid="grid">
      <AgGridReact<GridRow>
        theme={theme}
        rowData={rowData}
        columnDefs={defs}
        getRowId={getRowId}
        tabToNextCell={tabToNextCell}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        rowSelection={rowSelection}
        selectionColumnDef={selectionColumnDef}
        onSelectionChanged={onSelectionChanged}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        onModelUpdated={countShown}
        onGridReady={onGridReady}
        tooltipShowDelay={250}
        enableBrowserTooltips={false}
        stopEditingWhenCellsLoseFocus
        animateRows={false}
        suppressColumnVirtualisation={false}
        rowBuffer={10}
      />
    </div>
  );
}
