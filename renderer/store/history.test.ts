import { describe, expect, it } from 'vitest';
import type { CellChange } from '../../shared/index';
import { coalescingWith, EMPTY_HISTORY, HISTORY_CHANGES, nextStep, recordEdit, step, type HistoryEntry } from './history';

/** A tiny model of the session: two cells, a plan name and an email, with the store's way of applying an entry. */
function model() {
  const state = { cells: ['', ''], plan: 'plan A', me: null as string | null };
  const applyChanges = (changes: readonly CellChange[]): CellChange[] => {
    const inverse = changes.map((c) => ({ row: c.row, license: state.cells[c.row] }));
    for (const c of changes) state.cells[c.row] = c.license ?? state.cells[c.row];
    return inverse.reverse();
  };
  const apply = (entry: HistoryEntry): HistoryEntry => {
    let inverse: HistoryEntry = { label: entry.label, changes: applyChanges(entry.changes) };
    if (entry.me) {
      inverse = { ...inverse, me: { email: state.me } };
      state.me = entry.me.email;
    }
    if (entry.plan) {
      inverse = { ...inverse, plan: { licenses: [{ name: state.plan, seats: 1, addOnsAllowed: false }], addOns: [] } };
      state.plan = entry.plan.licenses[0].name;
    }
    return inverse;
  };
  const plan = (name: string) => ({ licenses: [{ name, seats: 1, addOnsAllowed: false }], addOns: [] });
  return { state, applyChanges, apply, plan };
}

describe('undo history', () => {
  it('undoes and redoes by applying the inverse entries, keeping the name of each step', () => {
    const m = model();
    let h = recordEdit(EMPTY_HISTORY, { label: 'map Optimize → Engage, 2 users', changes: m.applyChanges([{ row: 0, license: 'Engage' }, { row: 1, license: 'Admin' }]) });
    expect(m.state.cells).toEqual(['Engage', 'Admin']);
    expect(nextStep(h, 'undo')).toBe('map Optimize → Engage, 2 users');
    h = step(h, 'undo', m.apply);
    expect(m.state.cells).toEqual(['', '']);
    expect(h.undo).toHaveLength(0);
    expect(nextStep(h, 'redo')).toBe('map Optimize → Engage, 2 users');
    expect(step(h, 'redo', m.apply).undo).toHaveLength(1);
    expect(m.state.cells).toEqual(['Engage', 'Admin']);
    expect(step(EMPTY_HISTORY, 'undo', m.apply)).toBe(EMPTY_HISTORY);
  });

  it('plan edits and "which user are you" are steps of the same stack as cell edits, undone in order', () => {
    const m = model();
    let h = recordEdit(EMPTY_HISTORY, { label: 'New License of row 2 → Engage', changes: m.applyChanges([{ row: 0, license: 'Engage' }]) });
    m.state.plan = 'plan B';
    h = recordEdit(h, { label: 'rename license plan A → plan B', changes: [], plan: m.plan('plan A') });
    m.state.me = 'ann@example.com';
    h = recordEdit(h, { label: 'set your email to ann@example.com', changes: [], me: { email: null } });
    expect(h.undo.map((e) => e.label)).toEqual(['New License of row 2 → Engage', 'rename license plan A → plan B', 'set your email to ann@example.com']);

    h = step(h, 'undo', m.apply);
    expect(m.state).toMatchObject({ me: null, plan: 'plan B', cells: ['Engage', ''] });
    h = step(h, 'undo', m.apply);
    expect(m.state).toMatchObject({ me: null, plan: 'plan A', cells: ['Engage', ''] });
    h = step(h, 'undo', m.apply);
    expect(m.state.cells).toEqual(['', '']);
    h = step(step(step(h, 'redo', m.apply), 'redo', m.apply), 'redo', m.apply);
    expect(m.state).toEqual({ cells: ['Engage', ''], plan: 'plan B', me: 'ann@example.com' });
    expect(h.redo).toHaveLength(0);
  });

  it('consecutive steps with the same key are one step that goes back to before the first', () => {
    const m = model();
    m.state.plan = 'E';
    let h = recordEdit(EMPTY_HISTORY, { label: 'rename license plan A → E', changes: m.applyChanges([{ row: 0, license: 'E' }]), plan: m.plan('plan A'), coalesce: 'license 1 name#1' });
    expect(coalescingWith(h, 'license 1 name#1')?.plan?.licenses[0].name).toBe('plan A');
    expect(coalescingWith(h, 'license 1 seats#1')).toBeNull();
    m.state.plan = 'En';
    h = recordEdit(h, { label: 'rename license plan A → En', changes: m.applyChanges([{ row: 0, license: 'En' }]), plan: m.plan('E'), coalesce: 'license 1 name#1' });
    expect(h.undo).toHaveLength(1);
    expect(nextStep(h, 'undo')).toBe('rename license plan A → En');
    h = step(h, 'undo', m.apply);
    expect(m.state).toMatchObject({ plan: 'plan A', cells: ['', ''] });
    // Undone, the step is complete: a new edit with the same key does not merge into what was redone.
    h = step(h, 'redo', m.apply);
    expect(h.undo[0].coalesce).toBeUndefined();
    expect(recordEdit(h, { label: 'x', changes: [], plan: m.plan('En'), coalesce: 'license 1 name#1' }).undo).toHaveLength(2);
  });

  it('a new edit clears redo and edits that change nothing are not recorded', () => {
    const h = { undo: [{ label: 'a', changes: [{ row: 0, license: '' }] }], redo: [{ label: 'b', changes: [{ row: 1, license: 'x' }] }] };
    expect(recordEdit(h, { label: 'c', changes: [] }).redo).toHaveLength(1);
    expect(recordEdit(h, { label: 'c', changes: [{ row: 2, license: '' }] }).redo).toHaveLength(0);
    expect(recordEdit(h, { label: 'c', changes: [], plan: { licenses: [], addOns: [] } }).undo).toHaveLength(2);
  });

  it('holds at most HISTORY_CHANGES cell changes: the oldest steps go first, the newest always stays', () => {
    const bulk = (n: number): CellChange[] => Array.from({ length: n }, (_, row) => ({ row, license: '' }));
    let h = recordEdit(EMPTY_HISTORY, { label: 'one', changes: bulk(HISTORY_CHANGES / 2) });
    h = recordEdit(h, { label: 'two', changes: bulk(HISTORY_CHANGES / 2) });
    expect(h.undo.map((e) => e.label)).toEqual(['one', 'two']);
    h = recordEdit(h, { label: 'three', changes: bulk(10) });
    expect(h.undo.map((e) => e.label)).toEqual(['two', 'three']);
    h = recordEdit(h, { label: 'huge', changes: bulk(HISTORY_CHANGES + 1) });
    expect(h.undo.map((e) => e.label)).toEqual(['huge']);
  });
});
