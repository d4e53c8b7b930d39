import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/index';
import { describePlanChange } from './planChanges';

const plan: Plan = {
  licenses: [
    { name: 'Engage', seats: 40, addOnsAllowed: true },
    { name: 'Essentials', seats: 8, addOnsAllowed: false },
  ],
  addOns: [{ name: 'Meet', seats: 20 }],
};
const withLicense = (i: number, patch: Partial<Plan['licenses'][number]>): Plan => ({ ...plan, licenses: plan.licenses.map((l, j) => (j === i ? { ...l, ...patch } : l)) });

describe('the name of a plan edit, for undo', () => {
  it('says which seats changed, from what to what', () => {
    expect(describePlanChange(plan, withLicense(0, { seats: 30 }))).toBe('seats of Engage: 40 → 30');
    expect(describePlanChange(plan, { ...plan, addOns: [{ name: 'Meet', seats: 25_000 }] })).toBe('seats of add-on Meet: 20 → 25,000');
  });

  it('names a rename, an added and a removed license or add-on', () => {
    expect(describePlanChange(plan, withLicense(0, { name: 'Engage Pro' }), [{ kind: 'license', from: 'Engage', to: 'Engage Pro' }])).toBe('rename license Engage → Engage Pro');
    expect(describePlanChange(plan, { ...plan, licenses: [...plan.licenses, { name: 'Prospector', seats: 1, addOnsAllowed: false }] })).toBe('add license Prospector (1 seat)');
    expect(describePlanChange(plan, { ...plan, licenses: [plan.licenses[0]] })).toBe('remove license Essentials');
    expect(describePlanChange(plan, { ...plan, addOns: [] })).toBe('remove add-on Meet');
  });

  it('says when add-ons become allowed or not', () => {
    expect(describePlanChange(plan, withLicense(1, { addOnsAllowed: true }))).toBe('Essentials: add-ons allowed');
    expect(describePlanChange(plan, withLicense(0, { addOnsAllowed: false }))).toBe('Engage: no add-ons allowed');
  });

  it('falls back to "edit the plan" when several things changed at once', () => {
    expect(describePlanChange(plan, { licenses: [{ name: 'A', seats: 1, addOnsAllowed: true }], addOns: [] })).toBe('edit the plan');
  });
});
