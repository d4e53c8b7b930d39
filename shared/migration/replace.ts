// Find & replace in New License / New Add-ons, and the "Did you mean …" of UNKNOWN_LICENSE /
// UNKNOWN_ADDON applied to one cell or to every cell like it (docs/rules.md "Fixing many cells at once").
// Pure: they return cell changes, which the app applies as one undoable step and previews first.
import { ADD_ON_SEPARATORS } from '../plan/planIndex';
import { foldName } from '../text/names';
import type { Finding } from '../validation/codes';
import type { CellChange, MigrationSession } from './session';

export interface ReplaceQuery {
  /** Which of our columns to search. */
  readonly column: 'license' | 'addOns';
  /** The text to find: a whole cell (empty finds empty cells), or one add-on of a list. */
  readonly find: string;
  /** What it becomes; empty removes an add-on from its list, or empties a cell. */
  readonly replace: string;
  /** 'cell': the whole cell matches; 'addOn': one add-on inside a New Add-ons list matches. */
  readonly match: 'cell' | 'addOn';
  /** Compare as names are compared (case, spaces and Unicode form do not matter); else exactly, ends trimmed. */
  readonly ignoreCase: boolean;
}

const matcher = (find: string, ignoreCase: boolean): ((value: string) => boolean) => {
  if (ignoreCase) {
    const want = foldName(find);
    return (value) => foldName(value) === want;
  }
  const want = find.trim();
  return (value) => value.trim() === want;
};

/** A New Add-ons list with every add-on matching `matches` replaced by `by` (or removed when `by` is empty); null when none matched. */
function replaceInList(cell: string, matches: (value: string) => boolean, by: string): string | null {
  let found = false;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of cell.split(ADD_ON_SEPARATORS)) {
    let part = raw.trim();
    if (part === '') continue;
    if (matches(part)) {
      found = true;
      part = by.trim();
      if (part === '') continue;
    }
    // Replacing Meat by Meet in "Meat, Meet" must not list Meet twice (DUPLICATE_ADDON).
    const key = foldName(part);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(part);
  }
  return found ? out.join(', ') : null;
}

/**
 * The cell changes that apply `query` to `rows` (default: every row). Unreadable rows and rows left out
 * of the migration are skipped; a cell is changed only when its text would change.
 */
export function replaceChanges(session: MigrationSession, query: ReplaceQuery, rows?: Iterable<number>): CellChange[] {
  const changes: CellChange[] = [];
  const wholeCell = query.match === 'cell' || query.column === 'license';
  if (!wholeCell && query.find.trim() === '') return changes;
  const matches = matcher(query.find, query.ignoreCase);
  const visit = (r: number): void => {
    if (!session.isActive(r)) return;
    const cell = query.column === 'license' ? session.licenseOf(r) : session.addOnsOf(r);
    let next: string | null;
    if (wholeCell) next = matches(cell) ? query.replace.trim() : null;
    else next = replaceInList(cell, matches, query.replace);
    if (next === null || next === cell) return;
    changes.push(query.column === 'license' ? { row: r, license: next } : { row: r, addOns: next });
  };
  if (rows === undefined) for (let r = 0; r < session.rowCount; r++) visit(r);
  else for (const r of rows) if (r >= 0 && r < session.rowCount) visit(r);
  return changes;
}

/** The query that applies a finding's "Did you mean …", or null when it has none. */
export function suggestionQuery(f: Finding): ReplaceQuery | null {
  if (f.code === 'UNKNOWN_LICENSE' && f.closest !== null && f.value !== null) return { column: 'license', find: f.value, replace: f.closest, match: 'cell', ignoreCase: true };
  if (f.code === 'UNKNOWN_ADDON' && f.closest !== null && f.names.length > 0) return { column: 'addOns', find: f.names[0], replace: f.closest, match: 'addOn', ignoreCase: true };
  return null;
}

/**
 * The changes that apply a finding's suggestion to its own cell ('cell') or to every cell with the same
 * unknown name ('all': "fix all N like this"). Empty when the finding has no suggestion.
 */
export function suggestionChanges(session: MigrationSession, f: Finding, scope: 'cell' | 'all'): CellChange[] {
  const query = suggestionQuery(f);
  if (query === null || f.record === null || f.record < 0) return [];
  if (scope === 'cell') return replaceChanges(session, query, [f.record]);
  return replaceChanges(session, query, rowsWithCode(session, f.code));
}

function* rowsWithCode(session: MigrationSession, code: Finding['code']): Generator<number> {
  if (session.rowsWithCode(code) === 0) return;
  for (let r = 0; r < session.rowCount; r++) if (session.hasCode(r, code)) yield r;
}
