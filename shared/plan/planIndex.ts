// Look up cell values against the plan: canonical names, unknown names with the closest match,
// add-on sets as bit masks. Results are cached per distinct cell text (exports repeat values).
import { closestName, foldName } from '../text/names';
import { MAX_NAMES_PER_FINDING } from '../validation/codes';
import type { Plan } from './plan';

export const NO_LICENSE = -1;
export const UNKNOWN_LICENSE = -2;

export interface LicenseValue {
  /** Index in plan.licenses, NO_LICENSE for an empty cell, UNKNOWN_LICENSE otherwise. */
  readonly index: number;
  /** What we write: the plan's spelling, '' for none, the raw text when unknown. */
  readonly canonical: string;
  readonly closest: string | null;
}

export interface AddOnsValue {
  /** Bit i set: plan.addOns[i] is in the cell. */
  readonly mask: number;
  /** Names the plan does not have: the first few (MAX_NAMES_PER_FINDING), how many in all, and the plan name closest to the first. */
  readonly unknown: { readonly names: readonly string[]; readonly count: number; readonly closest: string | null };
  /** Names listed more than once: the first few, and how many in all. */
  readonly duplicates: { readonly names: readonly string[]; readonly count: number };
  /** Known add-ons in plan order joined by ", " (the raw text when any is unknown). */
  readonly canonical: string;
}

/** Add-ons in a cell are separated by commas; `;` `|` and line breaks are accepted and normalized. */
export const ADD_ON_SEPARATORS = /[,;|\r\n]/;

export class PlanIndex {
  readonly licenseNames: readonly string[];
  readonly addOnNames: readonly string[];
  private readonly licenseByFold = new Map<string, number>();
  private readonly addOnByFold = new Map<string, number>();
  private readonly licenseCache = new Map<string, LicenseValue>();
  private readonly addOnsCache = new Map<string, AddOnsValue>();

  constructor(readonly plan: Plan) {
    this.licenseNames = plan.licenses.map((l) => l.name);
    this.addOnNames = plan.addOns.map((a) => a.name);
    plan.licenses.forEach((l, i) => this.licenseByFold.set(foldName(l.name), i));
    plan.addOns.forEach((a, i) => this.addOnByFold.set(foldName(a.name), i));
  }

  license(raw: string): LicenseValue {
    let value = this.licenseCache.get(raw);
    if (value === undefined) {
      const fold = foldName(raw);
      const index = fold === '' ? NO_LICENSE : (this.licenseByFold.get(fold) ?? UNKNOWN_LICENSE);
      value =
        index >= 0
          ? { index, canonical: this.licenseNames[index], closest: null }
          : index === NO_LICENSE
            ? { index, canonical: '', closest: null }
            : { index, canonical: raw, closest: closestName(raw, this.licenseNames) };
      if (this.licenseCache.size < 10000) this.licenseCache.set(raw, value);
    }
    return value;
  }

  addOns(raw: string): AddOnsValue {
    let value = this.addOnsCache.get(raw);
    if (value === undefined) {
      // Linear in the cell, and bounded output: a cell of 16,000 unknown names is one finding naming a few.
      let mask = 0;
      let repeated = 0;
      const unknown = new Map<string, string>();
      const duplicates = new Set<string>();
      for (const part of raw.split(ADD_ON_SEPARATORS)) {
        const fold = foldName(part);
        if (fold === '') continue;
        const index = this.addOnByFold.get(fold);
        if (index === undefined) {
          if (!unknown.has(fold)) unknown.set(fold, part.trim());
          else if (!duplicates.has(fold)) {
            duplicates.add(fold);
            repeated++;
          }
        } else if (mask & (1 << index)) {
          if (!duplicates.has(fold)) {
            duplicates.add(fold);
            repeated++;
          }
        } else mask |= 1 << index;
      }
      const unknownNames = firstOf(unknown.values());
      const duplicateNames = firstOf([...duplicates].map((fold) => this.addOnNames[this.addOnByFold.get(fold) ?? -1] ?? unknown.get(fold)!));
      value = {
        mask,
        unknown: { names: unknownNames, count: unknown.size, closest: unknownNames.length > 0 ? closestName(unknownNames[0], this.addOnNames) : null },
        duplicates: { names: duplicateNames, count: repeated },
        canonical: unknown.size > 0 ? raw : this.addOnsText(mask),
      };
      if (this.addOnsCache.size < 10000) this.addOnsCache.set(raw, value);
    }
    return value;
  }

  /** Every name in an add-ons cell that the plan does not have, once each, in cell order (for editors that keep them). */
  unknownAddOns(raw: string): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const part of raw.split(ADD_ON_SEPARATORS)) {
      const fold = foldName(part);
      if (fold === '' || this.addOnByFold.has(fold) || seen.has(fold)) continue;
      seen.add(fold);
      out.push(part.trim());
    }
    return out;
  }

  /** Add-ons of `mask` in plan order, joined by ", " (docs/formats.md "The upload-ready file"). */
  addOnsText(mask: number): string {
    const names: string[] = [];
    for (let i = 0; i < this.addOnNames.length; i++) if (mask & (1 << i)) names.push(this.addOnNames[i]);
    return names.join(', ');
  }

  addOnsAllowed(licenseIndex: number): boolean {
    return licenseIndex >= 0 && this.plan.licenses[licenseIndex].addOnsAllowed;
  }
}

function firstOf(names: Iterable<string>): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (out.length === MAX_NAMES_PER_FINDING) break;
    out.push(name);
  }
  return out;
}
