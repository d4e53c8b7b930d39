// The seat rule and its ledger (docs/rules.md "Seats"): each row with a known New License takes one
// seat of it; each distinct known add-on on such a row takes one seat of that add-on, unless the
// row's add-ons are an error (ADDON_NOT_ALLOWED). The ledger keeps every row's claim, so an edit
// moves one row's seats and a preview never touches the counters.
import type { AddOnsValue, LicenseValue, PlanIndex } from '../plan/planIndex';
import type { Plan } from '../plan/plan';
import type { FindingSink } from './sink';

export interface SeatUsage {
  readonly kind: 'license' | 'addOn';
  readonly name: string;
  readonly assigned: number;
  readonly seats: number;
}

/** What one row takes: a license index (-1: none) and a bit mask of add-ons. */
export interface SeatClaim {
  readonly license: number;
  readonly mask: number;
}

export const NO_CLAIM: SeatClaim = { license: -1, mask: 0 };

/** The seats a row's values take. `add` is null for an empty New Add-ons cell. */
export function seatClaim(lic: LicenseValue, add: AddOnsValue | null, index: PlanIndex): SeatClaim {
  if (lic.index < 0) return NO_CLAIM;
  const mask = add === null || !index.addOnsAllowed(lic.index) ? 0 : add.mask;
  return mask === 0 ? { license: lic.index, mask: 0 } : { license: lic.index, mask };
}

function usageOf(plan: Plan, licenses: Int32Array, addOns: Int32Array): SeatUsage[] {
  return [
    ...plan.licenses.map((l, i) => ({ kind: 'license' as const, name: l.name, assigned: licenses[i], seats: l.seats })),
    ...plan.addOns.map((a, i) => ({ kind: 'addOn' as const, name: a.name, assigned: addOns[i], seats: a.seats })),
  ];
}

function add(licenses: Int32Array, addOns: Int32Array, license: number, mask: number, sign: number): void {
  if (license < 0) return;
  licenses[license] += sign;
  for (let m = mask, i = 0; m !== 0; m >>>= 1, i++) if (m & 1) addOns[i] += sign;
}

export class SeatLedger {
  private readonly rowLicense: Int32Array;
  private readonly rowMask: Int32Array;
  private licenses: Int32Array;
  private addOns: Int32Array;

  constructor(
    rows: number,
    private plan: Plan,
  ) {
    this.rowLicense = new Int32Array(rows).fill(-1);
    this.rowMask = new Int32Array(rows);
    this.licenses = new Int32Array(plan.licenses.length);
    this.addOns = new Int32Array(plan.addOns.length);
  }

  /** Give row `r` its claim (releasing whatever it held). */
  claim(r: number, license: number, mask: number): void {
    this.release(r);
    if (license < 0) return;
    this.rowLicense[r] = license;
    this.rowMask[r] = mask;
    add(this.licenses, this.addOns, license, mask, 1);
  }

  release(r: number): void {
    const license = this.rowLicense[r];
    if (license < 0) return;
    add(this.licenses, this.addOns, license, this.rowMask[r], -1);
    this.rowLicense[r] = -1;
    this.rowMask[r] = 0;
  }

  /** Every row released, counters sized for `plan` (a new plan re-claims every row). */
  reset(plan: Plan): void {
    this.plan = plan;
    this.rowLicense.fill(-1);
    this.rowMask.fill(0);
    this.licenses = new Int32Array(plan.licenses.length);
    this.addOns = new Int32Array(plan.addOns.length);
  }

  /** Whether row `r` holds license `license` (or, with `addOn`, that add-on). */
  holds(r: number, kind: 'license' | 'addOn', index: number): boolean {
    if (this.rowLicense[r] < 0) return false;
    return kind === 'license' ? this.rowLicense[r] === index : (this.rowMask[r] & (1 << index)) !== 0;
  }

  usage(): SeatUsage[] {
    return usageOf(this.plan, this.licenses, this.addOns);
  }

  /** The usage after rows take `claims` instead of what they hold; the ledger itself is unchanged. */
  preview(claims: Iterable<readonly [row: number, claim: SeatClaim]>): SeatUsage[] {
    const licenses = Int32Array.from(this.licenses);
    const addOns = Int32Array.from(this.addOns);
    const seen = new Set<number>();
    for (const [r, claim] of claims) {
      if (seen.has(r)) continue;
      seen.add(r);
      add(licenses, addOns, this.rowLicense[r], this.rowMask[r], -1);
      add(licenses, addOns, claim.license, claim.mask, 1);
    }
    return usageOf(this.plan, licenses, addOns);
  }

  /** SEATS_EXCEEDED, one per license or add-on held by more users than it has seats. */
  report(sink: FindingSink, columns: { readonly newLicense: number; readonly newAddOns: number }): void {
    for (const s of this.usage()) {
      if (s.assigned <= s.seats || !sink.count('SEATS_EXCEEDED')) continue;
      sink.add({ code: 'SEATS_EXCEEDED', record: null, column: s.kind === 'license' ? columns.newLicense : columns.newAddOns, value: s.name, kind: s.kind, name: s.name, assigned: s.assigned, seats: s.seats });
    }
  }
}
