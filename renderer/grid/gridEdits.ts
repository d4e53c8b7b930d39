// Keyboard focus in the grid after an edit or a jump to a cell (the edits themselves are store actions).
import type { GridApi } from 'ag-grid-community';

/** Put keyboard focus back on the edited cell after its editor closed and its row re-rendered. */
export function refocusCell(api: GridApi, rowId: string | undefined, colId: string): void {
  if (rowId === undefined) return;
  requestAnimationFrame(() => {
    const node = api.isDestroyed() ? undefined : api.getRowNode(rowId);
    if (node && node.rowIndex !== null) focusCellElement(api, node.rowIndex, rowId, colId);
  });
}

/** Give the cell keyboard focus: the grid marks it focused, the browser focuses its element. */
export function focusCellElement(api: GridApi, rowIndex: number, rowId: string, colId: string, attempts = 20): void {
  if (api.isDestroyed()) return;
  api.setFocusedCell(rowIndex, colId);
  const element = document.querySelector<HTMLElement>(`.grid-host [role="row"][row-id="${CSS.escape(rowId)}"] [role="gridcell"][col-id="${CSS.escape(colId)}"]`);
  // A row scrolled into view renders a few frames later: try again until it exists.
  if (element === null) {
    if (attempts > 0) requestAnimationFrame(() => focusCellElement(api, rowIndex, rowId, colId, attempts - 1));
    return;
  }
  if (document.activeElement !== element) element.focus();
}
