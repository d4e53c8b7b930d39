// "Edit license" for one row, a selection, or everyone on a current license (the app's Assign step):
// the cell changes, with add-ons dropped in the same step where the new license allows none.
import type { CellChange, MigrationSession } from './session';

export type AddOnsMode = { readonly kind: 'keep' } | { readonly kind: 'set'; readonly addOns: string };

/** Changes giving every row in `rows` the license (and add-ons per `mode`); add-ons dropped where the license allows none. */
export function licenseChanges(session: MigrationSession, rows: Iterable<number>, license: string, mode: AddOnsMode): CellChange[] {
  const index = session.planIndex;
  const lic = index.license(license);
  const allowsAddOns = lic.index >= 0 && index.addOnsAllowed(lic.index);
  const changes: CellChange[] = [];
  for (const r of rows) {
    if (session.isMalformed(r)) continue;
    const addOns = !allowsAddOns ? '' : mode.kind === 'set' ? mode.addOns : session.addOnsOf(r);
    changes.push({ row: r, license: lic.canonical, addOns });
  }
  return changes;
}
