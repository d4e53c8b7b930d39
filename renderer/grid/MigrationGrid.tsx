// The Assign grid (docs/architecture.md "Grid edits"): rows come from the store's view a block at a time (the
// infinite row model: no grid node per user), edits are read-only edit requests routed through the
// store, and the store redraws only the rows that changed.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClickedEvent, CellEditRequestEvent, CellFocusedEvent, CellKeyDownEvent, CellPosition, GetRowIdParams, GridReadyEvent, SortChangedEvent, TabToNextCellParams } from 'ag-grid-community';
import { editAddOns, editLicense, extendSelection, selectRow, setSort } from '../store/actions';
import { appStore } from '../store/appStore';
import { displayIndexOf, NAME_COL, rowAt } from '../store/rowView';
import { useApp } from '../store/useApp';
import { cellFindingsText } from './cellFindings';
import { columnDefs } from './columns';
import { focusCellElement, refocusCell } from './gridEdits';
import type { GridRow } from './gridRow';
import { rowSource, SELECT_COL, selectionClassRules } from './gridSync';
import { registerGridModules } from './modules';
import { gridTheme } from './theme';

registerGridModules();

const getRowId = (p: GetRowIdParams<GridRow>): string => String(p.data.i);
/** Tab moves along a row; past its last (or before its first) cell it leaves the grid, so keyboard users are never trapped in 100,000 rows. */
const tabToNextCell = (p: TabToNextCellParams<GridRow>): CellPosition | boolean =>
  p.nextCellPosition !== null && p.nextCellPosition.rowIndex === p.previousCellPosition.rowIndex ? p.nextCellPosition : false;
/** Rows are fetched from the store in blocks of this many; a few screens' worth stay cached. */
const BLOCK_ROWS = 100;
const NO_ROWS = '<span class="grid-empty">No rows match these filters.</span>';
/** Headers wrap onto two lines ("Current / Add-ons") rather than being cut. */
const defaultColDef = { wrapHeaderText: true, autoHeaderHeight: true };

const onGridReady = (event: GridReadyEvent<GridRow>): void => appStore.setState({ grid: event.api });

const onSortChanged = (event: SortChangedEvent<GridRow>): void => {
  const sort = event.api
    .getColumnState()
    .filter((c) => c.sort === 'asc' || c.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, desc: c.sort === 'desc' }));
  setSort(sort);
};

const onCellEditRequest = (event: CellEditRequestEvent<GridRow>): void => {
  const { open } = appStore.getState();
  if (!open || !event.data) return;
  const c = Number(event.column.getColId());
  const value = event.newValue == null ? '' : String(event.newValue);
  if (c === open.session.source.columns.newLicense) editLicense(event.data.i, value);
  else if (c === open.session.source.columns.newAddOns) editAddOns(event.data.i, value);
  refocusCell(event.api, event.node.id, event.column.getColId());
};

/** A click on a row selects it (Ctrl toggles, Shift extends), as a spreadsheet does; the check box toggles. */
const onCellClicked = (event: CellClickedEvent<GridRow>): void => {
  if (!event.data || event.column.getColId() === SELECT_COL) return;
  const mouse = event.event as MouseEvent | null | undefined;
  selectRow(event.data.i, mouse?.shiftKey ? 'range' : mouse?.ctrlKey || mouse?.metaKey ? 'toggle' : 'only');
};

/** Space on a row toggles its selection (as the grid's own selection did); Shift+↑/↓ extends it to the next row, as a spreadsheet does. */
const onCellKeyDown = (event: CellKeyDownEvent<GridRow>): void => {
  const key = event.event as KeyboardEvent | null | undefined;
  if (!key || !event.data || event.api.getEditingCells().length > 0) return;
  if (key.key === ' ') {
    key.preventDefault();
    selectRow(event.data.i, key.shiftKey ? 'range' : 'toggle');
    return;
  }
  if (key.shiftKey && !key.ctrlKey && !key.metaKey && !key.altKey && (key.key === 'ArrowDown' || key.key === 'ArrowUp') && event.rowIndex !== null) {
    const { view } = appStore.getState();
    const next = event.rowIndex + (key.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= view.shown) return;
    extendSelection(event.data.i, rowAt(view, next));
  }
};

/** Whether the last input was the keyboard (a marked cell then shows its findings on focus; the mouse has hover). */
let keyboardInput = false;
if (typeof window !== 'undefined') {
  window.addEventListener('keydown', () => void (keyboardInput = true), true);
  window.addEventListener('pointerdown', () => void (keyboardInput = false), true);
}

interface FocusedCell {
  /** Session row. */
  readonly row: number;
  readonly colId: string;
}

const DESCRIPTION_ID = 'focused-cell-findings';
const cellSelector = (cell: FocusedCell): string => `[role="row"][row-id="${cell.row}"] [role="gridcell"][col-id="${CSS.escape(cell.colId)}"]`;

interface FocusTip {
  readonly text: string;
  readonly top: number;
  readonly left: number;
}

/** Where a tooltip for `cell` goes in `host`: under the cell, or above it when there is no room below. */
function tipFor(host: HTMLElement, cell: HTMLElement, text: string): FocusTip {
  const box = host.getBoundingClientRect();
  const at = cell.getBoundingClientRect();
  const below = at.bottom - box.top + 4;
  const top = below + 80 > box.height ? Math.max(0, at.top - box.top - 84) : below;
  return { text, top, left: Math.max(0, Math.min(at.left - box.left, box.width - 320)) };
}

export function MigrationGrid({ dark }: { dark: boolean }) {
  const session = useApp((s) => s.open?.session ?? null);
  const target = useApp((s) => s.target);
  const api = useApp((s) => s.grid);
  const defs = useMemo(() => (session ? columnDefs(session) : []), [session]);
  const theme = useMemo(() => gridTheme(dark), [dark]);
  // Read once when the grid is created; afterwards the store sets the row count itself (gridSync.showView).
  const [initialRows] = useState(() => Math.max(1, appStore.getState().view.shown));

  useEffect(() => () => appStore.setState({ grid: null }), []);

  // A finding asked for its cell: scroll there and focus it.
  useEffect(() => {
    if (!api || api.isDestroyed() || !target) return;
    const index = displayIndexOf(appStore.getState().view, target.row);
    if (index < 0) return;
    let colId = String(Math.max(0, target.column));
    // A cell of a hidden column: First / Last Name show in Name; any other column is shown for it.
    if (api.getColumn(colId)?.isVisible() === false) {
      const { firstName, lastName } = appStore.getState().open?.session.source.columns ?? { firstName: -1, lastName: -1 };
      if ((target.column === firstName || target.column === lastName) && api.getColumn(NAME_COL)?.isVisible()) colId = NAME_COL;
      else api.setColumnsVisible([colId], true);
    }
    api.ensureIndexVisible(index, 'middle');
    api.ensureColumnVisible(colId);
    // Rows scrolled into view render (and load) a few frames later: focus the cell once it exists.
    requestAnimationFrame(() => requestAnimationFrame(() => !api.isDestroyed() && focusCellElement(api, index, String(target.row), colId)));
  }, [api, target]);

  const [rowClassRules] = useState(selectionClassRules);
  const host = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<FocusTip | null>(null);
  const [editing, setEditing] = useState(false);
  /** The cell with keyboard focus: its findings are its accessible description (read on focus). */
  const [focused, setFocused] = useState<FocusedCell | null>(null);
  const description = useApp((s) => (focused !== null && s.open !== null ? (cellFindingsText(s.open.session, focused.row, Number(focused.colId)) ?? '') : ''));

  // The focused cell points at the description (one hidden element): only the cell a screen reader is on
  // needs it, so scrolling through marked rows costs nothing.
  useEffect(() => {
    if (focused === null || description === '') return;
    let element: HTMLElement | null = null;
    let frame = 0;
    const attach = (attempts: number): void => {
      element = host.current?.querySelector<HTMLElement>(cellSelector(focused)) ?? null;
      if (element !== null) element.setAttribute('aria-describedby', DESCRIPTION_ID);
      else if (attempts > 0) frame = requestAnimationFrame(() => attach(attempts - 1));
    };
    attach(10);
    return () => {
      cancelAnimationFrame(frame);
      if (element?.getAttribute('aria-describedby') === DESCRIPTION_ID) element.removeAttribute('aria-describedby');
    };
  }, [focused, description]);

  /** A cell got focus; from the keyboard, a marked cell also shows its findings beside it (the mouse has hover). */
  const onCellFocused = (event: CellFocusedEvent<GridRow>): void => {
    setTip(null);
    const rowIndex = event.rowIndex;
    if (rowIndex === null || rowIndex === undefined || event.column === null) return setFocused(null);
    const colId = typeof event.column === 'string' ? event.column : event.column.getColId();
    const { view, open } = appStore.getState();
    if (open === null || rowIndex >= view.shown || !/^\d+$/.test(colId)) return setFocused(null);
    const cell: FocusedCell = { row: rowAt(view, rowIndex), colId };
    setFocused(cell);
    if (!keyboardInput) return;
    const text = cellFindingsText(open.session, cell.row, Number(colId));
    if (text === undefined) return;
    requestAnimationFrame(() => {
      const hostEl = host.current;
      const element = hostEl?.querySelector<HTMLElement>(cellSelector(cell));
      if (!hostEl || !element || event.api.isDestroyed() || event.api.getEditingCells().length > 0) return;
      const now = event.api.getFocusedCell();
      if (now?.rowIndex !== rowIndex || now.column.getColId() !== colId) return;
      setTip(tipFor(hostEl, element, text));
    });
  };

  if (!session) return null;
  return (
    <div
      className="grid-host"
      data-testid="grid"
      ref={host}
      data-editing={editing ? '' : undefined}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setTip(null);
      }}
    >
      <AgGridReact<GridRow>
        theme={theme}
        rowModelType="infinite"
        datasource={rowSource}
        cacheBlockSize={BLOCK_ROWS}
        maxBlocksInCache={40}
        infiniteInitialRowCount={initialRows}
        columnDefs={defs}
        defaultColDef={defaultColDef}
        getRowId={getRowId}
        rowClassRules={rowClassRules}
        tabToNextCell={tabToNextCell}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        onCellClicked={onCellClicked}
        onCellKeyDown={onCellKeyDown}
        onCellFocused={onCellFocused}
        onCellEditingStarted={() => (setTip(null), setEditing(true))}
        onCellEditingStopped={() => setEditing(false)}
        onBodyScroll={tip === null ? undefined : () => setTip(null)}
        onSortChanged={onSortChanged}
        onGridReady={onGridReady}
        overlayNoRowsTemplate={NO_ROWS}
        tooltipShowDelay={250}
        enableBrowserTooltips={false}
        stopEditingWhenCellsLoseFocus
        animateRows={false}
        rowBuffer={10}
      />
      {tip && (
        <div className="cell-focus-tip" role="tooltip" style={{ top: tip.top, left: tip.left }} data-testid="cell-focus-tooltip">
          {tip.text}
        </div>
      )}
      <span id={DESCRIPTION_ID} hidden>
        {description}
      </span>
    </div>
  );
}
