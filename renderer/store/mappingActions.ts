// The mapping table's actions (docs/formats.md "The mapping"): the mapping lives in the plan (so it is
// saved with progress and exported with the plan); applying it is one undoable step.
import { currentLicenseName, foldName, mappingChanges, type PlanMapping } from '../../shared/index';
import { edit, notify } from './actions';
import { commit, get, set } from './commit';
import { recordEdit } from './history';

export const NO_MAPPING: PlanMapping = { licenses: [], addOns: [] };

/** Keep `mapping` in the plan (the rules do not read it: no row is checked again). */
export function saveMapping(mapping: PlanMapping): void {
  const open = get().open;
  if (!open) {
    set({ nextPlan: { ...get().nextPlan, mapping } });
    return;
  }
  const previous = open.session.plan;
  open.session.setPlan({ ...previous, mapping });
  // On the undo stack with every other edit (choices made one after another are one step).
  commit([], { history: recordEdit(get().history, { label: 'edit the mapping table', changes: [], plan: previous, coalesce: 'mapping table' }) });
}

/** Apply the plan's mapping to the rows it names; cells already filled only when `overwrite`. */
export function applyMapping(overwrite: boolean): number {
  const open = get().open;
  if (!open) return 0;
  const { session } = open;
  const mapping = session.plan.mapping ?? NO_MAPPING;
  const changes = mappingChanges(session, mapping, { overwrite });
  const users = `${changes.length.toLocaleString('en-US')} ${changes.length === 1 ? 'user' : 'users'}`;
  // Named by what it maps: "Map Optimize → Engage, 24 users" (the entries that changed someone).
  const touched = new Set(changes.map((c) => foldName(session.currentLicenseOf(c.row))));
  const named = mapping.licenses.filter((e) => touched.has(foldName(currentLicenseName(e.current)))).map((e) => `${e.current === '' ? '(no license)' : e.current} → ${e.license === '' ? 'no license' : e.license}`);
  const what = named.length <= 3 ? named.join('; ') : `${named.slice(0, 3).join('; ')} and ${named.length - 3} more`;
  const changed = edit(changes, `Map ${what}, ${users}`);
  notify({ tone: changed > 0 ? 'success' : 'info', text: changed > 0 ? `The mapping was applied to ${users}. Undo takes it back.` : 'The mapping changes no cell: every user it names already has what it gives.' });
  return changed;
}
