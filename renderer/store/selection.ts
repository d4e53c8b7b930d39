// The rows the admin selected, as one byte per row (selecting 1,000,000 rows is a fill, not a
// million grid nodes). Immutable: every change returns a new Selection.

export interface Selection {
  /** 1 for each selected session row. */
  readonly bits: Uint8Array;
  readonly count: number;
  /** The row a shift-click extends from, or -1. */
  readonly anchor: number;
}

export const NO_SELECTION: Selection = { bits: new Uint8Array(0), count: 0, anchor: -1 };

export const isSelected = (selection: Selection, r: number): boolean => selection.bits[r] === 1;

export function emptySelection(rows: number): Selection {
  return { bits: new Uint8Array(rows), count: 0, anchor: -1 };
}

/** Select `rows` only (a click, "select all shown"). */
export function selectOnly(total: number, rows: ArrayLike<number>, anchor: number): Selection {
  const bits = new Uint8Array(total);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (bits[r] === 0) {
      bits[r] = 1;
      count++;
    }
  }
  return { bits, count, anchor };
}

export function toggleRow(selection: Selection, r: number): Selection {
  const bits = selection.bits.slice();
  const on = bits[r] === 0;
  bits[r] = on ? 1 : 0;
  return { bits, count: selection.count + (on ? 1 : -1), anchor: r };
}

/** Only the rows in `shown` stay selected (a filter hid the others: a bulk edit must not reach them). */
export function keepShown(selection: Selection, shown: Int32Array | null): Selection {
  if (selection.count === 0 || shown === null) return selection;
  const bits = new Uint8Array(selection.bits.length);
  let count = 0;
  for (let i = 0; i < shown.length; i++) {
    const r = shown[i];
    if (selection.bits[r] === 1) {
      bits[r] = 1;
      count++;
    }
  }
  return count === selection.count ? selection : { bits, count, anchor: selection.anchor };
}

/** The selected rows in row order. */
export function selectedRows(selection: Selection): number[] {
  const rows: number[] = [];
  if (selection.count === 0) return rows;
  const { bits } = selection;
  for (let r = 0; r < bits.length; r++) if (bits[r] === 1) rows.push(r);
  return rows;
}
