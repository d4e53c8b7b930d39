// Renaming a license or add-on in the plan carries its holders over: the cells, and anything else
// that holds cell values (the undo history), are rewritten to the new name.
import { ADD_ON_SEPARATORS } from '../plan/planIndex';
import { foldName } from '../text/names';
import type { CellChange, MigrationSession } from './session';

export interface PlanRename {
  readonly kind: 'license' | 'addOn';
  readonly from: string;
  readonly to: string;
}

export interface Renamer {
  license(value: string): string;
  addOns(value: string): string;
  change(change: CellChange): CellChange;
}

export function renamerFor(renames: readonly PlanRename[]): Renamer {
  const licenses = new Map(renames.filter((r) => r.kind === 'license').map((r) => [foldName(r.from), r.to]));
  const addOns = new Map(renames.filter((r) => r.kind === 'addOn').map((r) => [foldName(r.from), r.to]));
  const license = (value: string): string => licenses.get(foldName(value)) ?? value;
  const addOnsOf = (value: string): string => {
    if (addOns.size === 0 || value === '') return value;
    let renamed = false;
    const parts = value
      .split(ADD_ON_SEPARATORS)
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => {
        const to = addOns.get(foldName(part));
        if (to === undefined) return part;
        renamed = true;
        return to;
      });
    return renamed ? parts.join(', ') : value;
  };
  return {
    license,
    addOns: addOnsOf,
    change: (c) => ({ ...c, ...(c.license !== undefined ? { license: license(c.license) } : {}), ...(c.addOns !== undefined ? { addOns: addOnsOf(c.addOns) } : {}) }),
  };
}

/** The cell changes that carry every holder of a renamed license or add-on over to the new name. */
export function renameChanges(session: MigrationSession, renames: readonly PlanRename[]): CellChange[] {
  if (renames.length === 0) return [];
  const renamer = renamerFor(renames);
  const changes: CellChange[] = [];
  for (let r = 0; r < session.rowCount; r++) {
    const license = session.licenseOf(r);
    const addOns = session.addOnsOf(r);
    const nextLicense = renamer.license(license);
    const nextAddOns = renamer.addOns(addOns);
    if (nextLicense !== license || nextAddOns !== addOns) changes.push({ row: r, license: nextLicense, addOns: nextAddOns });
  }
  return changes;
}
