// After the open session changed: one new store version (what memoized reads key on), the view
// recomputed when it reads what changed, the grid told which rows to redraw, progress saved soon.
import { appStore, type AppState } from './appStore';
import { noteChanged } from './autosave';
import { showChangedRows, showSelection, showView } from '../grid/gridSync';
import { computeView, viewReadsEdits } from './rowView';
import { keepShown } from './selection';

export const set = appStore.setState;
export const get = appStore.getState;

/** Rows whose cells or findings changed; 'all' after a plan change. */
export type ChangedRows = readonly number[] | 'all';

/** `cells`: rows whose cells changed, for saved progress (by default `rows`; a plan change redraws 'all' but changes only renamed cells). */
export function commit(rows: ChangedRows, patch: Partial<AppState> = {}, cells: readonly number[] = rows === 'all' ? [] : rows): void {
  const before = get();
  const open = before.open;
  if (open === null) return;
  const filters = patch.filters ?? before.filters;
  const reread = viewReadsEdits(filters, before.sort, open.session) || patch.filters !== undefined;
  const view = reread ? computeView(open.session, open.indexes, filters, before.sort) : before.view;
  const selection = reread ? keepShown(before.selection, view.order) : before.selection;
  set({ ...patch, version: before.version + 1, view, selection });
  const { grid } = get();
  if (grid !== null) {
    if (reread) showView(grid, view, false);
    showChangedRows(grid, rows);
    if (selection !== before.selection) showSelection(grid);
  }
  noteChanged(cells);
}
