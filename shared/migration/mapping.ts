// The mapping table (docs/formats.md "The license plan", mapping): every license users hold today
// mapped to a New License, add-ons to add, and whether current add-ons carry over where the new license
// allows them. The app's mapping step and `license-prep assign` apply it through these functions.
import type { LicenseMapping, Plan, PlanMapping } from '../plan/plan';
import { ADD_ON_SEPARATORS } from '../plan/planIndex';
import { foldName } from '../text/names';
import { currentLicenseName } from '../validation/rowRules';
import { renamerFor, type PlanRename } from './rename';
import type { CellChange, MigrationSession } from './session';

export interface MappingOptions {
  /** Replace New License / New Add-ons cells the admin already filled (default: only fill empty ones). */
  readonly overwrite?: boolean;
}

export interface CurrentHolding {
  /** As first spelled in the file; '' for users without a license today. */
  readonly name: string;
  readonly users: number;
}

/** Every license users hold today with its user count (compared ignoring case; "No License Assigned" is ''), most users first. */
export function currentLicenses(session: MigrationSession): CurrentHolding[] {
  const counts = new Map<string, { name: string; users: number }>();
  for (let r = 0; r < session.rowCount; r++) {
    if (session.isMalformed(r)) continue;
    const name = session.currentLicenseOf(r);
    const key = foldName(name);
    const entry = counts.get(key);
    if (entry) entry.users++;
    else counts.set(key, { name, users: 1 });
  }
  return [...counts.values()].sort((a, b) => b.users - a.users || a.name.localeCompare(b.name));
}

/** Every add-on users hold today (Current Add-ons, split like New Add-ons) with its user count, most users first. */
export function currentAddOns(session: MigrationSession): CurrentHolding[] {
  const column = session.source.columns.currentAddOns;
  const counts = new Map<string, { name: string; users: number }>();
  if (column < 0) return [];
  for (let r = 0; r < session.rowCount; r++) {
    if (session.isMalformed(r)) continue;
    const cell = session.cell(r, column);
    if (cell === '') continue;
    const seen = new Set<string>();
    for (const part of cell.split(ADD_ON_SEPARATORS)) {
      const key = foldName(part);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key);
      if (entry) entry.users++;
      else counts.set(key, { name: part.trim(), users: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.users - a.users || a.name.localeCompare(b.name));
}

/**
 * The New Add-ons a mapped row gets: the entry's add-ons, plus (with carry-over) each current add-on that
 * is a plan add-on, or what the mapping turns it into; none when the new license allows no add-ons.
 */
function mappedAddOns(session: MigrationSession, r: number, entry: LicenseMapping, license: string, addOnMap: ReadonlyMap<string, readonly string[]>): string {
  const index = session.planIndex;
  const lic = index.license(license);
  if (lic.index < 0 || !index.addOnsAllowed(lic.index)) return '';
  let mask = index.addOns(entry.addOns.join(', ')).mask;
  const column = session.source.columns.currentAddOns;
  if (entry.carryOver && column >= 0) {
    for (const part of session.cell(r, column).split(ADD_ON_SEPARATORS)) {
      const key = foldName(part);
      if (key === '') continue;
      const mapped = addOnMap.get(key);
      mask |= index.addOns(mapped ? mapped.join(', ') : part).mask;
    }
  }
  return index.addOnsText(mask);
}

/**
 * The cell changes that apply `mapping`: only rows whose current license the mapping names are touched,
 * and (unless `overwrite`) only rows without a New License, keeping New Add-ons the admin typed.
 * Unreadable rows are left alone.
 */
export function mappingChanges(session: MigrationSession, mapping: PlanMapping, options: MappingOptions = {}): CellChange[] {
  const entries = new Map(mapping.licenses.map((e) => [foldName(currentLicenseName(e.current)), e]));
  const addOnMap = new Map(mapping.addOns.map((e) => [foldName(e.current), e.addOns]));
  const changes: CellChange[] = [];
  if (entries.size === 0) return changes;
  const index = session.planIndex;
  for (let r = 0; r < session.rowCount; r++) {
    if (session.isMalformed(r)) continue;
    const entry = entries.get(foldName(session.currentLicenseOf(r)));
    if (entry === undefined) continue;
    const license = session.licenseOf(r);
    const addOns = session.addOnsOf(r);
    // A row with a New License is one the admin decided: left alone unless asked to overwrite.
    if (!options.overwrite && license.trim() !== '') continue;
    const nextLicense = index.license(entry.license).canonical;
    const fillAddOns = options.overwrite || addOns.trim() === '';
    const nextAddOns = fillAddOns ? mappedAddOns(session, r, entry, nextLicense, addOnMap) : addOns;
    if (nextLicense !== license || nextAddOns !== addOns) changes.push({ row: r, license: nextLicense, addOns: nextAddOns });
  }
  return changes;
}

/**
 * A plan edited on the Overview (or imported without a mapping) keeps the mapping and the remembered
 * columns of the plan before it: renamed licenses and add-ons are followed, and entries naming what
 * the plan no longer has are dropped, so the plan stays valid (docs/formats.md "The mapping").
 */
export function keptPlanExtras(next: Plan, before: Plan, renames: readonly PlanRename[] = []): Pick<Plan, 'mapping' | 'columns'> {
  const columns = next.columns ?? before.columns;
  const mapping = next.mapping ?? (before.mapping ? followPlan(before.mapping, next, renames) : undefined);
  return { ...(mapping ? { mapping } : {}), ...(columns ? { columns } : {}) };
}

function followPlan(mapping: PlanMapping, plan: Plan, renames: readonly PlanRename[]): PlanMapping {
  const renamer = renamerFor(renames);
  const licenses = new Map(plan.licenses.map((l) => [foldName(l.name), l.name]));
  const addOns = new Map(plan.addOns.map((a) => [foldName(a.name), a.name]));
  const addOnsIn = (names: readonly string[]): string[] => names.map((a) => addOns.get(foldName(renamer.addOns(a)))).filter((a): a is string => a !== undefined);
  return {
    licenses: mapping.licenses
      .map((e) => ({ ...e, license: e.license.trim() === '' ? '' : (licenses.get(foldName(renamer.license(e.license))) ?? null), addOns: addOnsIn(e.addOns) }))
      .filter((e): e is LicenseMapping => e.license !== null),
    addOns: mapping.addOns.map((e) => ({ ...e, addOns: addOnsIn(e.addOns) })),
  };
}
