// Look up cell values against the plan: canonical names, unknown names with the closest match,
// add-on sets as bit masks. Results are cached per distinct cell text (exports repeat values).
import { closestName, foldName } from '../text/names';
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
  readonly unknown: readonly { name: string; closest: string | null }[];
  readonly duplicates: readonly string[];
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
      let mask = 0;
      const unknown: { name: string; closest: string | null }[] = [];
      const duplicates: string[] = [];
      for (const part of raw.split(ADD_ON_SEPARATORS)) {
        const fold = foldName(part);
        if (fold === '') continue;
        const index = this.addOnByFold.get(fold);
        if (index === undefined) {
          if (unknown.some((u) => foldName(u.name) === fold)) {
            if (!duplicates.some((d) => foldName(d) === fold)) duplicates.push(part.trim());
          }
          else unknown.push({ name: part.trim(), closest: closestName(part, this.addOnNames) });
        } else if (mask & (1 << index)) {
          // Each repeated name once, however often it repeats (a cell of 200,000 "Meet" is one finding).
          if (!duplicates.includes(this.addOnNames[index])) duplicates.push(this.addOnNames[index]);
        }
        else mask |= 1 << index;
      }
      value = { mask, unknown, duplicates, canonical: unknown.length > 0 ? raw : this.addOnsText(mask) };
      if (this.addOnsCache.size < 10000) this.addOnsCache.set(raw, value);
    }
    return value;
  }

  /** Add-ons of `mask` in plan order, joined by ", " (SPEC "The upload-ready file"). */
  addOnsText(mask: number): string {
    const names: string[] = [];
    for (let i = 0; i < this.addOnNames.length; i++) if (mask & (1 << i)) names.push(this.addOnNames[i]);
    return names.join(', ');
  }

  addOnsAllowed(licenseIndex: number): boolean {
    return licenseIndex >= 0 && this.plan.licenses[licenseIndex].addOnsAllowed;
  }
}
