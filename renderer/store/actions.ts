// Store actions for editing and viewing the open migration: every intent of the UI goes through here to
// the session, then the store and the grid (docs/architecture.md "The data path").
import { keptPlanExtras, licenseChanges, renameChanges, renamerFor, type AddOnsMode, type CellChange, type MigrationSession, type Plan, type PlanRename } from '../../shared/index';
import { showSelection, showView } from '../grid/gridSync';
import { count, num } from '../text/counts';
import type { Notice, Step } from './appStore';
import { commit, get, set, type ChangedRows } from './commit';
import { coalescingWith, recordEdit, step as historyStep, stepName, type HistoryEntry } from './history';
import { describePlanChange } from './planChanges';
import { computeView, displayIndexOf, NO_FILTERS, type Filters, type SortKey } from './rowView';
import { emptySelection, keepShown, NO_SELECTION, selectOnly, toggleRow, type Selection } from './selection';

/** Show a banner (and say it in the live region). It belongs to the step it was raised on unless `step` says otherwise ('app': every step). */
export function notify(notice: (Omit<Notice, 'step'> & { step?: Step | 'app' }) | null): void {
  if (notice === null) return set({ notice: null });
  const { step, ...rest } = notice;
  set({ notice: { ...rest, ...(step === 'app' ? {} : { step: step ?? get().step }) } });
  announce(notice.text);
}

/** Say something in the polite live region (screen readers), without a banner. */
export function announce(text: string): void {
  set({ announcement: { text, seq: (get().announcement?.seq ?? 0) + 1 } });
}

/** Show a help page over the app, or close it (null). */
export function showHelp(help: 'rules' | null): void {
  set({ help });
}

// ---- editing ------------------------------------------------------------------------------

/** Apply cell changes as one undoable step named `label` (lower case first: "map Optimize → Engage, 24 users"); returns how many rows changed. */
export function edit(changes: readonly CellChange[], label: string): number {
  const open = get().open;
  if (!open || changes.length === 0) return 0;
  const applied = open.session.applyChanges(changes);
  // A repair of the file as a whole (users put back) changes no row, and is a step all the same.
  if (applied.undo.length === 0) return 0;
  commit(applied.rows, { history: recordEdit(get().history, { label, changes: applied.undo }) });
  return applied.rows.length;
}

/** A new License for one row; its add-ons go in the same step when the new license allows none. */
export function editLicense(r: number, license: string): void {
  const open = get().open;
  if (!open || r < 0) return;
  edit(licenseChanges(open.session, [r], license, { kind: 'keep' }), `New License of row ${num(open.session.rowNumber(r))} → ${license || 'none'}`);
}

export function editAddOns(r: number, addOns: string): void {
  const open = get().open;
  if (!open || r < 0) return;
  edit([{ row: r, addOns }], `New Add-ons of row ${num(open.session.rowNumber(r))} → ${addOns || 'none'}`);
}

/** "Edit license" of several rows (a selection, everyone on a current license) as one step; `label` names the rows ("map Optimize"). */
export function editRows(rows: readonly number[], license: string, addOns: AddOnsMode, label: string): number {
  const open = get().open;
  if (!open) return 0;
  return edit(licenseChanges(open.session, rows, license, addOns), `${label} → ${license || 'no license'}, ${count(rows.length, 'user')}`);
}

/** The New License filter drops a license the plan no longer has. */
function filtersFor(plan: Plan, filters: Filters): Filters {
  return filters.next !== null && filters.next !== '' && !plan.licenses.some((l) => l.name === filters.next) ? { ...filters, next: null } : filters;
}

/** Rows whose "which user are you" findings change when the admin's email goes from `before` to `after`. */
function rowsOfMe(session: MigrationSession, ...emails: (string | null)[]): number[] {
  return [...new Set(emails.flatMap((e) => (e ? session.rowsWithEmail(e) : [])))];
}

function travel(direction: 'undo' | 'redo'): void {
  const open = get().open;
  if (!open) return;
  const { session } = open;
  let rows: ChangedRows = [];
  let cells: readonly number[] = [];
  let label = '';
  const before = get().history;
  const history = historyStep(before, direction, (entry) => {
    label = entry.label;
    const applied = session.applyChanges(entry.changes);
    rows = cells = applied.rows;
    let inverse: HistoryEntry = { label: entry.label, changes: applied.undo };
    if (entry.me !== undefined) {
      const was = session.myEmail;
      session.setMe(entry.me.email);
      inverse = { ...inverse, me: { email: was } };
      rows = [...new Set([...rows, ...rowsOfMe(session, was, entry.me.email)])];
    }
    if (entry.plan !== undefined) {
      inverse = { ...inverse, plan: session.plan };
      session.setPlan(entry.plan);
      rows = 'all';
    }
    return inverse;
  });
  if (history === before) return;
  const filters = filtersFor(session.plan, get().filters);
  commit(rows, { history, ...(filters !== get().filters ? { filters } : {}) }, cells);
  // Said where the admin is (a banner of this step) and in the live region: what was undone, in words.
  notify({ tone: 'info', text: `${direction === 'undo' ? 'Undid' : 'Redid'}: ${stepName(label)}` });
}

export const undo = (): void => travel('undo');
export const redo = (): void => travel('redo');

export type Rename = PlanRename;

export interface PlanEditOptions {
  /** The step's name; by default it says what changed ("seats of Engage: 40 → 30"). */
  readonly label?: string;
  /** Edits with the same key in a row are one undo step (typing in one field). */
  readonly coalesce?: string;
}

/** A new plan re-checks every row; renamed licenses and add-ons keep their holders. One undoable step. */
export function updatePlan(edited: Plan, renames: readonly Rename[] = [], options: PlanEditOptions = {}): void {
  const open = get().open;
  // The mapping table and remembered columns stay when the licenses are edited (or a plan without them
  // imported). Added to the plan object itself: the plan editor compares it with the plan it applied.
  const plan = Object.assign(edited, keptPlanExtras(edited, open?.session.plan ?? get().nextPlan, renames));
  if (!open) {
    set({ nextPlan: plan });
    return;
  }
  const { session } = open;
  const previous = session.plan;
  // Typing on in the same field: the step is named from the plan before the first keystroke.
  const base = coalescingWith(get().history, options.coalesce)?.plan ?? previous;
  session.setPlan(plan);
  // A rename carries the holders over: their cells change in the same step (undone with it).
  const applied = renames.length > 0 ? session.applyChanges(renameChanges(session, renames)) : { rows: [], undo: [] };
  let filters = get().filters;
  if (renames.length > 0 && filters.next !== null) filters = { ...filters, next: renamerFor(renames).license(filters.next) };
  filters = filtersFor(plan, filters);
  const label = options.label ?? describePlanChange(base, plan, renames);
  const history = recordEdit(get().history, { label, changes: applied.undo, plan: previous, ...(options.coalesce !== undefined ? { coalesce: options.coalesce } : {}) });
  commit('all', { history, ...(filters !== get().filters ? { filters } : {}) }, applied.rows);
}

/** "Which user are you": one undoable step. */
export function setMe(email: string | null): void {
  const open = get().open;
  const value = email === null || email.trim() === '' ? null : email.trim();
  if (!open || value === open.session.myEmail) return;
  const { session } = open;
  const was = session.myEmail;
  const rows = rowsOfMe(session, was, value);
  session.setMe(value);
  commit(rows, { history: recordEdit(get().history, { label: value === null ? 'clear your email' : `set your email to ${value}`, changes: [], me: { email: was } }) }, []);
}

// ---- navigation and view ------------------------------------------------------------------

/** Moving to `step`: a banner raised on another step stays there (it is dropped, not carried along). */
/**
 * Going to `step`: a banner of another step goes (banners belong to their step), and so do the Open step's
 * own notices when leaving it: a refusal, and the encoding chooser asked from a finding (the encoding is
 * still offered there, from ENCODING_GUESSED).
 */
export function stepPatch(step: Step): { step: Step; notice?: null; refusal?: null; encodingAsk?: null } {
  const { notice, refusal, encodingAsk } = get();
  return {
    step,
    ...(notice?.step !== undefined && notice.step !== step ? { notice: null } : {}),
    ...(step !== 'open' && refusal !== null ? { refusal: null } : {}),
    ...(step !== 'open' && encodingAsk !== null ? { encodingAsk: null } : {}),
  };
}

export function goTo(step: Step): void {
  if (step !== 'open' && !get().open) return;
  set(stepPatch(step));
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
  set({ ...stepPatch('assign'), target: { row, column, seq: (target?.seq ?? 0) + 1 } });
}

export function setTheme(theme: 'system' | 'light' | 'dark'): void {
  set({ theme });
}

export function requestFind(): void {
  if (!get().open) return;
  set({ ...stepPatch('assign'), findRequest: get().findRequest + 1 });
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

/** Shift+Arrow from row `from` to row `to`: the selection runs from where the keyboard started (its anchor) to `to`. */
export function extendSelection(from: number, to: number): void {
  const { open, selection, view } = get();
  if (!open) return;
  const total = open.session.rowCount;
  if (selection.bits.length !== total || selection.anchor < 0 || displayIndexOf(view, selection.anchor) < 0) select(selectOnly(total, [from], from));
  selectRow(to, 'range');
  announce(`${count(get().selection.count, 'row')} selected`);
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
