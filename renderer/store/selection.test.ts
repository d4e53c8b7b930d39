import { describe, expect, it } from 'vitest';
import { emptySelection, isSelected, keepShown, selectedRows, selectOnly, toggleRow } from './selection';

describe('the selection (one byte per row)', () => {
  it('selects only some rows, toggles one, and lists them in row order', () => {
    let s = selectOnly(10, [7, 2, 2, 5], 7);
    expect(s.count).toBe(3);
    expect(selectedRows(s)).toEqual([2, 5, 7]);
    s = toggleRow(s, 5);
    expect(isSelected(s, 5)).toBe(false);
    s = toggleRow(s, 9);
    expect(selectedRows(s)).toEqual([2, 7, 9]);
    expect(s.anchor).toBe(9);
    expect(emptySelection(4).count).toBe(0);
  });

  it('keeps only the rows a filter shows, so a bulk edit never reaches hidden rows', () => {
    const s = selectOnly(10, [1, 2, 3, 8], -1);
    const kept = keepShown(s, Int32Array.from([2, 3, 4]));
    expect(selectedRows(kept)).toEqual([2, 3]);
    expect(keepShown(s, null)).toBe(s);
    expect(keepShown(kept, Int32Array.from([2, 3]))).toBe(kept);
  });
});
