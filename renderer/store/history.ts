// Undo/redo of cell edits, kept in our store (AG Grid's own undo is cleared by any sort or filter).
// Each entry is the undo list `applyChanges` returned: applying it yields the entry for the other stack.
import type { CellChange } from '../../shared/index';

export interface History {
  readonly undo: readonly (readonly CellChange[])[];
  readonly redo: readonly (readonly CellChange[])[];
}

export const EMPTY_HISTORY: History = { undo: [], redo: [] };
const LIMIT = 200;

/** After a new edit: its undo list on top, redo cleared. */
export function recordEdit(history: History, undo: readonly CellChange[]): History {
  if (undo.length === 0) return history;
  const stack = history.undo.length >= LIMIT ? history.undo.slice(1) : history.undo;
  return { undo: [...stack, undo], redo: [] };
}

/** Pop one entry from `from`, apply it, push what applying returned onto the other stack. */
export function step(history: History, direction: 'undo' | 'redo', apply: (changes: readonly CellChange[]) => readonly CellChange[]): History {
  const from = direction === 'undo' ? history.undo : history.redo;
  if (from.length === 0) return history;
  const inverse = apply(from[from.length - 1]);
  const rest = from.slice(0, -1);
  return direction === 'undo' ? { undo: rest, redo: [...history.redo, inverse] } : { undo: [...history.undo, inverse], redo: rest };
}
