// The store as the UI uses it: the session inside it, reads that change only with the data, and the
// grid told exactly what changed (docs/architecture.md "The data path").
import type { GridApi, IRowNode } from 'ag-grid-community';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import sampleExport from '../../resources/samples/sample-export.csv?raw';
import type { GridRow } from '../grid/gridRow';
import { editLicense, editRows, redo, selectAllShown, setFilters, setMe, setSort, undo, updatePlan } from './actions';
import { appStore, initialState, SAMPLE_PLAN } from './appStore';
import { closeFile, openExport } from './fileActions';
import { nextStep } from './history';
import { countsOf, meOf, planOf, seatsOf, sessionOf } from './reads';
import { rowAt } from './rowView';
import { Rendered, selectionOf } from './useApp';

const get = appStore.getState;

/** A stand-in for the grid on screen: rows 0–9 rendered, every call recorded. */
function fakeGrid() {
  const calls: { name: string; args: unknown[] }[] = [];
  const nodes = Array.from({ length: 10 }, (_, i) => ({ data: { i } }) as IRowNode<GridRow>);
  const record =
    (name: string, result?: unknown) =>
    (...args: unknown[]) => {
      calls.push({ name, args });
      return result;
    };
  const api = {
    isDestroyed: () => false,
    getRenderedNodes: () => nodes,
    refreshCells: record('refreshCells'),
    setRowCount: record('setRowCount'),
    refreshInfiniteCache: record('refreshInfiniteCache'),
    ensureIndexVisible: record('ensureIndexVisible'),
    setGridOption: record('setGridOption'),
    getEditingCells: () => [],
  } as unknown as GridApi<GridRow>;
  return { api, calls, nodes };
}

async function openSample(): Promise<void> {
  const ok = await openExport({ name: 'sample-export.csv', bytes: new TextEncoder().encode(sampleExport), handle: null }, { plan: SAMPLE_PLAN });
  if (!ok) throw new Error('the sample did not open');
}

beforeEach(async () => {
  appStore.setState(initialState, true);
  await openSample();
  // Edits schedule an autosave: held, so no test writes progress.
  vi.useFakeTimers();
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

describe('the store', () => {
  it('holds the session, and the plan and "which user are you" only there', () => {
    const session = sessionOf(get())!;
    expect(session.rowCount).toBe(52);
    expect(Object.keys(get())).not.toContain('plan');
    expect(Object.keys(get())).not.toContain('me');
    const plan = { ...SAMPLE_PLAN, licenses: SAMPLE_PLAN.licenses.map((l) => (l.name === 'Admin' ? { ...l, seats: 9 } : l)) };
    updatePlan(plan);
    expect(planOf(get())).toBe(session.plan);
    expect(session.plan.licenses.find((l) => l.name === 'Admin')?.seats).toBe(9);
    setMe('ava.smith@acme.example');
    expect(meOf(get())).toBe(session.myEmail);
    expect(countsOf(get()).errors).toBe(1); // SELF_UNLICENSED
    closeFile();
    expect(planOf(get())).toBe(plan); // kept for the next file
  });

  it('reads return the same object until the session data changes', () => {
    const seats = seatsOf(get());
    setFilters({ search: 'emma' });
    expect(seatsOf(get())).toBe(seats);
    editLicense(0, 'Engage');
    expect(seatsOf(get())).not.toBe(seats);
    expect(seatsOf(get()).find((s) => s.name === 'Engage')?.assigned).toBe(1);
  });

  it('redraws only the changed rows on screen after an edit; a bulk edit is one step and one redraw', () => {
    const grid = fakeGrid();
    appStore.setState({ grid: grid.api });
    editLicense(3, 'Engage');
    expect(grid.calls.map((c) => c.name)).toEqual(['refreshCells']);
    expect(grid.calls[0].args[0]).toEqual({ rowNodes: [grid.nodes[3]], force: true });
    grid.calls.length = 0;
    editRows([5, 6, 40], 'Admin', { kind: 'keep' }, 'Edit license of the selection');
    expect(grid.calls).toEqual([{ name: 'refreshCells', args: [{ rowNodes: [grid.nodes[5], grid.nodes[6]], force: true }] }]);
    expect(get().history.undo).toHaveLength(2);
    expect(nextStep(get().history, 'undo')).toBe('edit license of the selection → Admin, 3 users');
    undo();
    expect(sessionOf(get())!.licenseOf(40)).toBe('');
    expect(nextStep(get().history, 'redo')).toBe('edit license of the selection → Admin, 3 users');
    redo();
    expect(sessionOf(get())!.licenseOf(40)).toBe('Admin');
  });

  it('a filter shows its rows in the grid and drops hidden rows from the selection', () => {
    const grid = fakeGrid();
    appStore.setState({ grid: grid.api });
    selectAllShown();
    expect(get().selection.count).toBe(52);
    setFilters({ current: 'Standard' });
    expect(get().view.shown).toBe(14);
    expect(get().selection.count).toBe(14);
    expect(grid.calls.map((c) => c.name)).toContain('refreshInfiniteCache');
    expect(grid.calls.find((c) => c.name === 'setRowCount')?.args).toEqual([14, true]);
  });

  it('an edit that fixes a row takes it out of "only rows with problems"', () => {
    setFilters({ severity: 'problems' });
    const session = sessionOf(get())!;
    const shown = get().view.shown;
    const first = rowAt(get().view, 0);
    expect(session.rowSeverity(first)).not.toBe(0);
    editLicense(first, 'Essentials');
    expect(session.rowSeverity(first)).toBe(0);
    expect(get().view.shown).toBe(shown - 1);
  });

  it('sorts by a column, case-insensitively, file order breaking ties; New License as edited', () => {
    const session = sessionOf(get())!;
    const last = String(session.source.columns.lastName);
    setSort([{ colId: last, desc: false }]);
    const names = Array.from({ length: get().view.shown }, (_, i) => session.cell(rowAt(get().view, i), Number(last)).toLowerCase());
    expect(names).toEqual([...names].sort());
    editLicense(30, 'Admin');
    setSort([{ colId: String(session.source.columns.newLicense), desc: true }]);
    expect(rowAt(get().view, 0)).toBe(30);
    setSort([]);
    expect(get().view.order).toBeNull();
  });

  it('searches every locked cell in any case, and New License as edited (not as in the file)', () => {
    setFilters({ search: 'EMMA.garcia' });
    expect(get().view.shown).toBe(1);
    setFilters({ search: 'essentials' });
    expect(get().view.shown).toBe(0);
    editLicense(7, 'Essentials');
    expect(get().view.shown).toBe(1);
    expect(rowAt(get().view, 0)).toBe(7);
  });
});

describe('opening files', () => {
  it('a file opened while another still loads wins: the earlier open gives way', async () => {
    vi.useRealTimers();
    const other = sampleExport.replace('Ava,Smith', 'Avery,Smith');
    const first = openExport({ name: 'first.csv', bytes: new TextEncoder().encode(sampleExport), handle: null });
    const second = openExport({ name: 'second.csv', bytes: new TextEncoder().encode(other), handle: null });
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(get().open?.name).toBe('second.csv');
    expect(sessionOf(get())!.cell(0, 1)).toBe('Avery');
  });
});

describe('useApp', () => {
  it('keeps what a component rendered while an equal value is selected, and recomputes only for a new state', () => {
    const rendered = new Rendered<{ n: number }>();
    let calls = 0;
    const read = selectionOf(
      (s) => {
        calls++;
        return { n: s.view.shown };
      },
      (a, b) => a.n === b.n,
      rendered,
    );
    const first = read();
    expect(read()).toBe(first);
    expect(calls).toBe(1);
    rendered.remember(first);
    appStore.setState({ notice: { tone: 'info', text: 'unrelated' } });
    expect(read()).toBe(first);
    expect(calls).toBe(2);
    setFilters({ current: 'Standard' });
    expect(read()).not.toBe(first);
  });
});
