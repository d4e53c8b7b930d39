// Undo/redo, kept in our store (AG Grid's own undo is cleared by any sort or filter). One stack for
// everything the admin changes: cells, the plan and "which user are you". Each entry names what it did
// ("map Optimize → Engage, 24 users") and holds what reverses it; applying an entry yields the entry
// for the other stack.
import type { CellChange, Plan } from '../../shared/index';

export interface HistoryEntry {
  /** What the step did, in the admin's words, starting in lower case: "Undid: " + label reads as a sentence. */
  readonly label: string;
  /** Cell changes that reverse the step (applied first). */
  readonly changes: readonly CellChange[];
  /** The plan to put back (a plan edit), applied after the cell changes. */
  readonly plan?: Plan;
  /** "Which user are you" to put back. */
  readonly me?: { readonly email: string | null };
  /** Consecutive steps with the same key are one step (typing in one field of the plan). */
  readonly coalesce?: string;
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

const changesNothing = (entry: HistoryEntry): boolean => entry.changes.length === 0 && entry.plan === undefined && entry.me === undefined;

/** The entry a new step with `coalesce` would merge into (the top one, when it has the same key), or null. */
export function coalescingWith(history: History, coalesce: string | undefined): HistoryEntry | null {
  const top = history.undo.at(-1);
  return coalesce !== undefined && top !== undefined && top.coalesce === coalesce ? top : null;
}

/**
 * After a new edit: the entry that reverses it on top, redo cleared. With the top entry's `coalesce` key
 * it merges into that entry: undoing the merged step puts back what was there before the first.
 */
export function recordEdit(history: History, entry: HistoryEntry): History {
  if (changesNothing(entry)) return history;
  const top = coalescingWith(history, entry.coalesce);
  if (top !== null) {
    const merged: HistoryEntry = {
      label: entry.label,
      // This step's reversal first, then the earlier one's: together they go back to before the first.
      changes: [...entry.changes, ...top.changes],
      ...(top.plan !== undefined || entry.plan !== undefined ? { plan: top.plan ?? entry.plan } : {}),
      ...(top.me !== undefined || entry.me !== undefined ? { me: top.me ?? entry.me } : {}),
      coalesce: entry.coalesce,
    };
    return { undo: capped([...history.undo.slice(0, -1), merged], 0), redo: [] };
  }
  return { undo: capped([...history.undo, entry], 0), redo: [] };
}

/** Pop one entry from `direction`'s stack, apply it, push what applying returned onto the other stack. */
export function step(history: History, direction: 'undo' | 'redo', apply: (entry: HistoryEntry) => HistoryEntry): History {
  const from = direction === 'undo' ? history.undo : history.redo;
  if (from.length === 0) return history;
  const top = from[from.length - 1];
  // A step undone or redone is complete: typing again starts a new one.
  const { coalesce: _done, ...inverse } = apply(top);
  void _done;
  const rest = from.slice(0, -1);
  return direction === 'undo' ? { undo: rest, redo: capped([...history.redo, inverse], sizeOf(rest)) } : { undo: capped([...history.undo, inverse], sizeOf(rest)), redo: rest };
}

/** Verbs a step's name may start with, written as a sentence ("Map …"): after "Undo: " they read in lower case. */
const VERBS = new Set(['add', 'clear', 'edit', 'fix', 'import', 'leave', 'map', 'put', 'remove', 'rename', 'replace', 'restore', 'set', 'use']);

/** A step's name as it reads after "Undo: " or "Undid: ": "map Optimize → Engage, 24 users" (a column name such as "New License" keeps its capitals). */
export function stepName(label: string): string {
  const first = /^\S+/.exec(label)?.[0] ?? '';
  return VERBS.has(first.toLowerCase()) ? first.toLowerCase() + label.slice(first.length) : label;
}

/** The name of the step an undo (or redo) would take, or null. */
export function nextStep(history: History, direction: 'undo' | 'redo'): string | null {
  const label = (direction === 'undo' ? history.undo : history.redo).at(-1)?.label;
  return label === undefined ? null : stepName(label);
}
