// The rules on one row's New License and New Add-ons (docs/rules.md "Row rules"): unknown names,
// add-ons where they are not allowed, duplicates in a cell, canonical spelling, users who lose access
// or an add-on, and the admin's own row. Plain functions over decoded values; they report into a sink.
import { NO_LICENSE, UNKNOWN_LICENSE, type AddOnsValue, type LicenseValue, type PlanIndex } from '../plan/planIndex';
import { foldName } from '../text/names';
import type { FindingSink } from './sink';

/** What the platform's export says of a user without a license today (compared ignoring case and spaces). */
export const NO_LICENSE_ASSIGNED = 'No License Assigned';
const NO_LICENSE_ASSIGNED_FOLD = foldName(NO_LICENSE_ASSIGNED);

/** A Current License cell as a license held today: '' for none (empty, or "No License Assigned"). */
export function currentLicenseName(cell: string): string {
  const trimmed = cell.trim();
  // Cheap first: only a value at least that long can fold to "no license assigned".
  return trimmed === '' || (trimmed.length >= NO_LICENSE_ASSIGNED_FOLD.length && foldName(trimmed) === NO_LICENSE_ASSIGNED_FOLD) ? '' : trimmed;
}

/** One row, decoded: a scratch object the caller fills and reuses (no allocation per row). */
export interface RowValues {
  record: number;
  /** The New License / New Add-ons cells as they are now. */
  license: string;
  addOns: string;
  lic: LicenseValue;
  /** null for an empty New Add-ons cell. */
  add: AddOnsValue | null;
  /** The Current License and Current Add-ons cells, as in the file (read only when a rule needs them). */
  currentLicense: string;
  currentAddOns: string;
  /** This is the admin's own row. */
  isMe: boolean;
}

export const emptyRowValues = (): RowValues => ({ record: 0, license: '', addOns: '', lic: { index: NO_LICENSE, canonical: '', closest: null }, add: null, currentLicense: '', currentAddOns: '', isMe: false });

export interface RowColumns {
  readonly newLicense: number;
  readonly newAddOns: number;
}

export function checkRow(row: RowValues, index: PlanIndex, columns: RowColumns, sink: FindingSink): void {
  const { record, lic, add } = row;
  const license = columns.newLicense;
  const addOns = columns.newAddOns;

  if (lic.index === UNKNOWN_LICENSE) {
    if (sink.count('UNKNOWN_LICENSE')) sink.add({ code: 'UNKNOWN_LICENSE', record, column: license, value: row.license, closest: lic.closest });
  } else if (row.license !== lic.canonical) {
    if (sink.count('NORMALIZED')) sink.add({ code: 'NORMALIZED', record, column: license, value: row.license, canonical: lic.canonical });
  }
  if (add !== null) {
    const { unknown, duplicates } = add;
    if (unknown.count > 0 && sink.count('UNKNOWN_ADDON')) {
      sink.add({ code: 'UNKNOWN_ADDON', record, column: addOns, value: row.addOns, names: unknown.names, count: unknown.count, closest: unknown.closest });
    }
    if (duplicates.count > 0 && sink.count('DUPLICATE_ADDON')) {
      sink.add({ code: 'DUPLICATE_ADDON', record, column: addOns, value: row.addOns, names: duplicates.names, count: duplicates.count });
    }
    const any = add.mask !== 0 || unknown.count > 0;
    if (any && lic.index === NO_LICENSE) {
      if (sink.count('ADDON_WITHOUT_LICENSE')) sink.add({ code: 'ADDON_WITHOUT_LICENSE', record, column: addOns, value: row.addOns });
    } else if (any && lic.index >= 0 && !index.addOnsAllowed(lic.index)) {
      if (sink.count('ADDON_NOT_ALLOWED')) sink.add({ code: 'ADDON_NOT_ALLOWED', record, column: addOns, value: row.addOns, license: lic.canonical });
    }
    if (unknown.count === 0 && duplicates.count === 0 && row.addOns !== add.canonical) {
      if (sink.count('NORMALIZED')) sink.add({ code: 'NORMALIZED', record, column: addOns, value: row.addOns, canonical: add.canonical });
    }
  }
  if (lic.index === NO_LICENSE) {
    const current = row.currentLicense === '' ? '' : currentLicenseName(row.currentLicense);
    if (current !== '' && sink.count('LOSES_ACCESS')) {
      sink.add({ code: 'LOSES_ACCESS', record, column: license, value: row.license, currentLicense: current });
    }
    if (row.isMe && sink.count('SELF_UNLICENSED')) sink.add({ code: 'SELF_UNLICENSED', record, column: license, value: row.license });
  } else if (lic.index >= 0 && row.currentAddOns !== '') {
    // A user who keeps a license but not an add-on they have today (users who lose access are LOSES_ACCESS).
    const lost = index.addOns(row.currentAddOns).mask & ~(add === null ? 0 : add.mask);
    if (lost !== 0 && sink.count('LOSES_ADDON')) {
      sink.add({ code: 'LOSES_ADDON', record, column: addOns, value: row.addOns, names: index.addOnsText(lost).split(', ') });
    }
  }
}
