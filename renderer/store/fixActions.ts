// Store actions that fix many cells at once (docs/rules.md "Fixing many cells at once", "Repairing a file
// against the original"): each is one undoable step named in the admin's words, applied through edit().
import {
  causeLabel,
  findingRepair,
  repairChanges,
  repairGroups,
  replaceChanges,
  suggestionChanges,
  suggestionQuery,
  type ChangeCause,
  type Finding,
  type ReplaceQuery,
} from '../../shared/index';
import { showSelection } from '../grid/gridSync';
import { edit, notify, setFilters, stepPatch } from './actions';
import { get, set } from './commit';
import type { HoldersFilter } from './rowView';

const n = (value: number): string => value.toLocaleString('en-US');
const plural = (count: number, one: string, many = `${one}s`): string => `${n(count)} ${count === 1 ? one : many}`;

/** Repair one finding from the original export (restore its cell, leave its row out, put its user back). */
export function repairFinding(f: Finding): void {
  const open = get().open;
  if (!open) return;
  const change = findingRepair(open.session, f);
  if (change === null) return;
  const { session } = open;
  const where = f.record !== null && f.record >= 0 ? `row ${n(session.rowNumber(f.record))}` : 'the file';
  const label =
    change.restored !== undefined
      ? `Restore ${session.source.columns.names[f.column ?? 0] ?? 'a cell'} of ${where} from the original`
      : change.excluded
        ? `Leave ${where} out`
        : change.putBack !== undefined
          ? `Put ${session.place(f).user ?? 'a removed user'} back`
          : "Use the original export's columns";
  edit([change], label);
  redrawRowClasses();
}

/** Rows left out are drawn struck through: the grid re-reads its row classes. */
function redrawRowClasses(): void {
  const { grid } = get();
  if (grid !== null) showSelection(grid);
}

/** Repair every finding of one group ('cause:leadingZeros', 'newUsers', …) or of all ('all'). */
export function repairMany(key: string): void {
  const open = get().open;
  if (!open) return;
  const { session } = open;
  const group = key === 'all' ? null : repairGroups(session).find((g) => g.key === key);
  const changes = repairChanges(session, key);
  if (changes.length === 0) return;
  const label =
    group === null
      ? 'Restore everything from the original export'
      : group === undefined
        ? 'Repair from the original export'
        : `${group.verb === 'restore' ? 'Restore' : group.verb === 'put back' ? 'Put back' : 'Leave out'} ${plural(group.count, group.unit)}: ${group.key.startsWith('cause:') ? causeLabel(group.key.slice(6) as ChangeCause) : group.label}`;
  edit(changes, label);
  redrawRowClasses();
  notify({ tone: 'success', text: `${label}. Undo takes it back.` });
}

/** Apply a finding's "Did you mean …" to its cell, or to every cell like it. */
export function applySuggestion(f: Finding, scope: 'cell' | 'all'): number {
  const open = get().open;
  const query = suggestionQuery(f);
  if (!open || query === null) return 0;
  const changes = suggestionChanges(open.session, f, scope);
  const label = scope === 'cell' ? `Use "${query.replace}" in row ${n(open.session.rowNumber(f.record ?? 0))}` : `Fix ${plural(changes.length, 'cell')}: "${query.find}" → "${query.replace}"`;
  return edit(changes, label);
}

/** Find & replace as one step; `rows`: only these (a selection). */
export function replaceAll(query: ReplaceQuery, rows?: readonly number[]): number {
  const open = get().open;
  if (!open) return 0;
  const changes = replaceChanges(open.session, query, rows);
  const column = query.column === 'license' ? 'New License' : 'New Add-ons';
  const what = query.find === '' && query.match === 'cell' ? 'empty cells' : `"${query.find}"`;
  const changed = edit(changes, `Replace ${what} with ${query.replace === '' ? 'nothing' : `"${query.replace}"`} in ${column}, ${plural(changes.length, 'cell')}`);
  notify({ tone: changed > 0 ? 'success' : 'info', text: changed > 0 ? `Replaced in ${plural(changed, 'cell')} of ${column}. Undo takes it back.` : `No cell of ${column} matched.` });
  return changed;
}

/** Show the holders of a license or add-on in the grid (a SEATS_EXCEEDED finding's link). */
export function showHolders(holders: HoldersFilter): void {
  setFilters({ holders, code: null, severity: null });
  set(stepPatch('assign'));
}
