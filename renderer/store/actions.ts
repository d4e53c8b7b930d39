// Store actions for editing and viewing the open migration: every intent of the UI goes through here to
// the session, then the store and the grid (docs/architecture.md "The data path").
import { keptPlanExtras, licenseChanges, renameChanges, renamerFor, type AddOnsMode, type CellChange, type Plan, type PlanRename } from '../../shared/index';
import { showSelection, showView } from '../grid/gridSync';
import type { Notice, Step } from './appStore';
import { commit, get, set } from './commit';
import { mapHistory, recordEdit, step as historyStep } from './history';
import { computeView, displayIndexOf, NO_FILTERS, type Filters, type SortKey } from './rowView';
import { emptySelection, keepShown, NO_SELECTION, selectOnly, toggleRow, type Selection } from './selection';

export function notify(notice: Notice | null): void {
  set({ notice });
}

/** Show a help page over the app, or close it (null). */
export function showHelp(help: 'rules' | null): void {
  set({ help });
}

// ---- editing ------------------------------------------------------------------------------

/** Apply cell changes as one undoable step named `label`; returns how many rows changed. */
export function edit(changes: readonly CellChange[], label: string): number {
  const open = get().open;
  if (!open || changes.length === 0) return 0;
  const applied = open.session.applyChanges(changes);
  // A repair of the file as a whole (users put back) changes no row, and is a step all the same.
  if (applied.undo.length === 0) return 0;
  commit(applied.rows, { history: recordEdit(get().history, label, applied.undo) });
  return applied.rows.length;
}

const users = (n: number): string => `${n.toLocaleString('en-US')} ${n === 1 ? 'user' : 'users'}`;

/** A new license for one row; its add-ons go in the same step when the new license allows none. */
export function editLicense(r: number, license: string): void {
  const open = get().open;
  if (!open || r < 0) return;
  edit(licenseChanges(open.session, [r], license, { kind: 'keep' }), `New License of row ${open.session.rowNumber(r)} → ${license || 'none'}`);
}

export function editAddOns(r: number, addOns: string): void {
  const open = get().open;
  if (!open || r < 0) return;
  edit([{ row: r, addOns }], `New Add-ons of row ${open.session.rowNumber(r)} → ${addOns || 'none'}`);
}

/** "Edit license" of several rows (a selection, everyone on a current license) as one step. */
export function editRows(rows: readonly number[], license: string, addOns: AddOnsMode, label: string): number {
  const open = get().open;
  if (!open) return 0;
  return edit(licenseChanges(open.session, rows, license, addOns), `${label} → ${license || 'no license'}, ${users(rows.length)}`);
}

function travel(direction: 'undo' | 'redo'): void {
  const open = get().open;
  if (!open) return;
  let rows: readonly number[] = [];
  const before = get().history;
  const history = historyStep(before, direction, (changes) => {
    const applied = open.session.applyChanges(changes);
    rows = applied.rows;
    return applied.undo;
  });
  if (history === before) return;
  commit(rows, { history });
}

export const undo = (): void => travel('undo');
export const redo = (): void => travel('redo');

export type Rename = PlanRename;

/** A new plan re-checks every row; renamed licenses and add-ons keep their holders (cells, undo history, filter). */
export function updatePlan(edited: Plan, renames: readonly Rename[] = []): void {
  const open = get().open;
  // The mapping table and remembered columns stay when the licenses are edited (or a plan without them
  // imported). Added to the plan object itself: the plan editor compares it with the plan it applied.
  const plan = Object.assign(edited, keptPlanExtras(edited, open?.session.plan ?? get().nextPlan, renames));
  if (!open) {
    set({ nextPlan: plan });
    return;
  }
  const { session } = open;
  session.setPlan(plan);
  let { history, filters } = get();
  if (renames.length > 0) {
    // A rename is part of editing the plan, not an undoable cell edit: the old names no longer exist,
    // so the history is rewritten to the new names too (an undo must not bring an unknown name back).
    session.applyChanges(renameChanges(session, renames));
    const renamer = renamerFor(renames);
    history = mapHistory(history, renamer.change);
    if (filters.next !== null) filters = { ...filters, next: renamer.license(filters.next) };
  }
  if (filters.next !== null && filters.next !== '' && !plan.licenses.some((l) => l.name === filters.next)) filters = { ...filters, next: null };
  commit('all', { history, ...(filters !== get().filters ? { filters } : {}) });
}

export function setMe(email: string | null): void {
  const open = get().open;
  const value = email === null || email.trim() === '' ? null : email.trim();
  if (!open || value === open.session.myEmail) return;
  const { session } = open;
  const rows = new Set<number>([...(session.myEmail ? session.rowsWithEmail(session.myEmail) : []), ...(value ? session.rowsWithEmail(value) : [])]);
  session.setMe(value);
  commit([...rows]);
}

// ---- navigation and view ------------------------------------------------------------------

export function goTo(step: Step): void {
  if (step !== 'open' && !get().open) return;
  set({ step });
}

function showRows(filters: Filters, sort: readonly SortKey[], toTop: boolean): void {
  const { open, selection, grid } = get();
  if (!open) {
    set({ filters, sort });
    return;
  }
  const view = computeView(open.session, open.indexes, filters, sort);
  const kept = keepShown(selection, view.order);
  set({ filters, sort, view, selection: kept });
  if (grid !== null) {
    showView(grid, view, toTop);
    if (kept !== selection) showSelection(grid);
  }
}

export function setFilters(patch: Partial<Filters>): void {
  const { filters, sort } = get();
  showRows({ ...filters, ...patch }, sort, true);
}

export function setSort(sort: readonly SortKey[]): void {
  const before = get().sort;
  if (before.length === sort.length && before.every((k, i) => k.colId === sort[i].colId && k.desc === sort[i].desc)) return;
  showRows(get().filters, sort, false);
}

/** Go to a cell (a finding, a user who loses access): filters that hide its row are cleared. */
export function showCell(row: number, column: number): void {
  const { view, sort, target } = get();
  if (displayIndexOf(view, row) === -1) showRows(NO_FILTERS, sort, false);
  set({ step: 'assign', target: { row, column, seq: (target?.seq ?? 0) + 1 } });
}

export function setTheme(theme: 'system' | 'light' | 'dark'): void {
  set({ theme });
}

export function requestFind(): void {
  if (!get().open) return;
  set({ step: 'assign', findRequest: get().findRequest + 1 });
}

// ---- selection ----------------------------------------------------------------------------

function select(next: Selection): void {
  set({ selection: next });
  const { grid } = get();
  if (grid !== null) showSelection(grid);
}

/** A click on a row: `only` it, `toggle` it (Ctrl, the check box), or a `range` from the last clicked (Shift). */
export function selectRow(r: number, how: 'only' | 'toggle' | 'range'): void {
  const { open, selection, view } = get();
  if (!open) return;
  const total = open.session.rowCount;
  const current = selection.bits.length === total ? selection : emptySelection(total);
  if (how === 'toggle') return select(toggleRow(current, r));
  if (how === 'range' && current.anchor >= 0) {
    const from = displayIndexOf(view, current.anchor);
    const to = displayIndexOf(view, r);
    if (from >= 0 && to >= 0) {
      const [lo, hi] = from <= to ? [from, to] : [to, from];
      const rows = view.order === null ? Int32Array.from({ length: hi - lo + 1 }, (_, k) => lo + k) : view.order.subarray(lo, hi + 1);
      return select(selectOnly(total, rows, current.anchor));
    }
  }
  select(selectOnly(total, [r], r));
}

/** Every row the filters show (and no other). */
export function selectAllShown(): void {
  const { open, view } = get();
  if (!open) return;
  const total = open.session.rowCount;
  if (view.order === null) return select({ bits: new Uint8Array(total).fill(1), count: total, anchor: -1 });
  select(selectOnly(total, view.order, -1));
}

export function clearSelection(): void {
  if (get().selection.count > 0) select(NO_SELECTION);
}
