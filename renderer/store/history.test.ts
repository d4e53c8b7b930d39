import { describe, expect, it } from 'vitest';
import type { CellChange } from '../../shared/index';
import { EMPTY_HISTORY, HISTORY_CHANGES, nextStep, recordEdit, step } from './history';

describe('undo history', () => {
  it('undoes and redoes by applying the inverse lists, keeping the name of each step', () => {
    const cells = ['', ''];
    const apply = (changes: readonly CellChange[]): CellChange[] => {
      const inverse = changes.map((c) => ({ row: c.row, license: cells[c.row] }));
      for (const c of changes) cells[c.row] = c.license ?? cells[c.row];
      return inverse.reverse();
    };
    let h = recordEdit(EMPTY_HISTORY, 'Map Optimize → Engage, 2 users', apply([{ row: 0, license: 'Engage' }, { row: 1, license: 'Admin' }]));
    expect(cells).toEqual(['Engage', 'Admin']);
    expect(nextStep(h, 'undo')).toBe('Map Optimize → Engage, 2 users');
    h = step(h, 'undo', apply);
    expect(cells).toEqual(['', '']);
    expect(h.undo).toHaveLength(0);
    expect(nextStep(h, 'redo')).toBe('Map Optimize → Engage, 2 users');
    expect(step(h, 'redo', apply).undo).toHaveLength(1);
    expect(cells).toEqual(['Engage', 'Admin']);
    expect(step(EMPTY_HISTORY, 'undo', apply)).toBe(EMPTY_HISTORY);
  });

  it('a new edit clears redo and empty edits are not recorded', () => {
    const h = { undo: [{ label: 'a', changes: [{ row: 0, license: '' }] }], redo: [{ label: 'b', changes: [{ row: 1, license: 'x' }] }] };
    expect(recordEdit(h, 'c', []).redo).toHaveLength(1);
    expect(recordEdit(h, 'c', [{ row: 2, license: '' }]).redo).toHaveLength(0);
  });

  it('holds at most HISTORY_CHANGES cell changes: the oldest steps go first, the newest always stays', () => {
    const bulk = (n: number): CellChange[] => Array.from({ length: n }, (_, row) => ({ row, license: '' }));
    let h = recordEdit(EMPTY_HISTORY, 'one', bulk(HISTORY_CHANGES / 2));
    h = recordEdit(h, 'two', bulk(HISTORY_CHANGES / 2));
    expect(h.undo.map((e) => e.label)).toEqual(['one', 'two']);
    h = recordEdit(h, 'three', bulk(10));
    expect(h.undo.map((e) => e.label)).toEqual(['two', 'three']);
    h = recordEdit(h, 'huge', bulk(HISTORY_CHANGES + 1));
    expect(h.undo.map((e) => e.label)).toEqual(['huge']);
  });
});
