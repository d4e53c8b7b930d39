import { describe, expect, it } from 'vitest';
import type { CellChange } from '../../shared/index';
import { EMPTY_HISTORY, recordEdit, step } from './history';

describe('undo history', () => {
  it('undoes and redoes by applying the inverse lists', () => {
    const cells = ['', ''];
    const apply = (changes: readonly CellChange[]): CellChange[] => {
      const inverse = changes.map((c) => ({ row: c.row, license: cells[c.row] }));
      for (const c of changes) cells[c.row] = c.license ?? cells[c.row];
      return inverse.reverse();
    };
    let h = recordEdit(EMPTY_HISTORY, apply([{ row: 0, license: 'Engage' }, { row: 1, license: 'Admin' }]));
    expect(cells).toEqual(['Engage', 'Admin']);
    h = step(h, 'undo', apply);
    expect(cells).toEqual(['', '']);
    expect(h.undo).toHaveLength(0);
    expect(step(h, 'redo', apply).undo).toHaveLength(1);
    expect(cells).toEqual(['Engage', 'Admin']);
    expect(step(EMPTY_HISTORY, 'undo', apply)).toBe(EMPTY_HISTORY);
  });

  it('a new edit clears redo and empty edits are not recorded', () => {
    const h = { undo: [[{ row: 0, license: '' }]], redo: [[{ row: 1, license: 'x' }]] };
    expect(recordEdit(h, []).redo).toHaveLength(1);
    expect(recordEdit(h, [{ row: 2, license: '' }]).redo).toHaveLength(0);
  });
});
