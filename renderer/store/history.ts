// Undo/redo, kept in our store (AG Grid's own undo is cleared by any sort or filter). Each entry names
// what it did ("Map Optimize → Engage, 24 users") and holds the changes that reverse it: applying them
// yields the entry for the other stack. Entries are data, so plan edits can join the same stack later.
import type { CellChange } from '../../shared/index';

export interface HistoryEntry {
  /** What the step did, in the admin's words. */
  readonly label: string;
  readonly changes: readonly CellChange[];
}

export interface History {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
}

export const EMPTY_HISTORY: History = { undo: [], redo: [] };

/** At most this many steps, and at most this many cell changes held in all (a bulk edit of 1,000,000 users is 1,000,000). */
export const HISTORY_STEPS = 200;
export const HISTORY_CHANGES = 3_000_000;

const sizeOf = (entries: readonly HistoryEntry[]): number => entries.reduce((sum, e) => sum + e.changes.length, 0);

/** Keep the newest entries within the limits (the one just made always stays). */
function capped(entries: readonly HistoryEntry[], others: number): readonly HistoryEntry[] {
  let total = sizeOf(entries) + others;
  let start = Math.max(0, entries.length - HISTORY_STEPS);
  for (let i = 0; i < start; i++) total -= entries[i].changes.length;
  while (start < entries.length - 1 && total > HISTORY_CHANGES) total -= entries[start++].changes.length;
  return start === 0 ? entries : entries.slice(start);
}

/** After a new edit: its undo entry on top, redo cleared. */
export function recordEdit(history: History, label: string, undo: readonly CellChange[]): History {
  if (undo.length === 0) return history;
  return { undo: capped([...history.undo, { label, changes: undo }], 0), redo: [] };
}

/** Pop one entry from `direction`'s stack, apply it, push what applying returned onto the other stack. */
export function step(history: History, direction: 'undo' | 'redo', apply: (changes: readonly CellChange[]) => readonly CellChange[]): History {
  const from = direction === 'undo' ? history.undo : history.redo;
  if (from.length === 0) return history;
  const top = from[from.length - 1];
  const inverse: HistoryEntry = { label: top.label, changes: apply(top.changes) };
  const rest = from.slice(0, -1);
  return direction === 'undo' ? { undo: rest, redo: capped([...history.redo, inverse], sizeOf(rest)) } : { undo: capped([...history.undo, inverse], sizeOf(rest)), redo: rest };
}

/** The label of the step an undo (or redo) would take, or null. */
export const nextStep = (history: History, direction: 'undo' | 'redo'): string | null => (direction === 'undo' ? history.undo : history.redo).at(-1)?.label ?? null;

/** Rewrite every held change (a plan rename: the old names no longer exist). */
export function mapHistory(history: History, change: (c: CellChange) => CellChange): History {
  const map = (stack: readonly HistoryEntry[]) => stack.map((e) => ({ label: e.label, changes: e.changes.map(change) }));
  return { undo: map(history.undo), redo: map(history.redo) };
}
