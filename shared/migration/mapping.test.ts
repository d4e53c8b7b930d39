// The mapping table (docs/formats.md "The license plan", mapping): every current license mapped at
// once, add-ons carried over where the new license allows them, cells the admin set left alone.
import { describe, expect, it } from 'vitest';
import { currentAddOns, currentLicenses, keptPlanExtras, mappingChanges } from './mapping';
import { parsePlan } from '../plan/plan';
import { PLAN } from '../../test/support/fixtures';
import { csv, sessionOf } from '../../test/support/builders';
import type { PlanMapping } from '../plan/plan';

const HEADER = 'Email,Current License,Current Add-ons,New License,New Add-ons';
const FILE = csv([
  HEADER,
  'ann@example.com,Optimize,"Meet, Legacy Dialer",,',
  'bob@example.com,OPTIMIZE,,Admin,',
  'cy@example.com,Standard,Deal,,',
  'di@example.com,No License Assigned,,,',
  'ed@example.com,Optimize,Meet,Viewer,',
]);
const mapping = (licenses: Partial<PlanMapping['licenses'][number]>[], addOns: PlanMapping['addOns'] = []): PlanMapping => ({
  licenses: licenses.map((l) => ({ current: '', license: '', addOns: [], carryOver: true, ...l })),
  addOns,
});

describe('the licenses and add-ons users hold today', () => {
  it('lists every current license with its users, ignoring case, "No License Assigned" as none', () => {
    const s = sessionOf(FILE, { me: null });
    expect(currentLicenses(s)).toEqual([
      { name: 'Optimize', users: 3 },
      { name: '', users: 1 },
      { name: 'Standard', users: 1 },
    ]);
    expect(currentAddOns(s)).toEqual([
      { name: 'Meet', users: 2 },
      { name: 'Deal', users: 1 },
      { name: 'Legacy Dialer', users: 1 },
    ]);
  });
});

describe('applying a mapping', () => {
  it('fills only empty cells of the rows whose current license it names, carrying current add-ons over', () => {
    const s = sessionOf(FILE, { me: null });
    const changes = mappingChanges(s, mapping([{ current: 'optimize', license: 'engage' }]));
    // Bob's and Ed's New License were set by the admin: kept. Ed's Viewer allows no add-ons: none carried.
    expect(changes).toEqual([{ row: 0, license: 'Engage', addOns: 'Meet' }]);
  });

  it('carries old add-on names over through the add-on mapping, adds the entry’s add-ons, in plan order', () => {
    const s = sessionOf(FILE, { me: null });
    const changes = mappingChanges(s, mapping([{ current: 'Optimize', license: 'Engage', addOns: ['Deal'] }], [{ current: 'legacy dialer', addOns: ['Deal'] }]));
    expect(changes[0]).toEqual({ row: 0, license: 'Engage', addOns: 'Meet, Deal' });
  });

  it('does not carry add-ons over when told not to, and overwrites filled cells only when asked', () => {
    const s = sessionOf(FILE, { me: null });
    expect(mappingChanges(s, mapping([{ current: 'Optimize', license: 'Engage', carryOver: false }]))).toEqual([{ row: 0, license: 'Engage', addOns: '' }]);
    expect(mappingChanges(s, mapping([{ current: 'Optimize', license: 'Engage' }]), { overwrite: true })).toEqual([
      { row: 0, license: 'Engage', addOns: 'Meet' },
      { row: 1, license: 'Engage', addOns: '' },
      { row: 4, license: 'Engage', addOns: 'Meet' },
    ]);
  });

  it('maps users without a license today through the "" entry, and "no license" through an empty license', () => {
    const s = sessionOf(FILE, { me: null });
    expect(mappingChanges(s, mapping([{ current: '', license: 'Viewer' }]))).toEqual([{ row: 3, license: 'Viewer', addOns: '' }]);
    expect(mappingChanges(s, mapping([{ current: 'Standard', license: '' }]))).toEqual([]);
  });

  it('as one undoable step keeps add-ons users had: Meet holders stay Meet holders after Optimize → Engage', () => {
    const s = sessionOf(FILE, { me: null });
    const before = s.seatUsage().find((u) => u.name === 'Meet')!.assigned;
    const applied = s.applyChanges(mappingChanges(s, mapping([{ current: 'Optimize', license: 'Engage' }])));
    expect(s.seatUsage().find((u) => u.name === 'Meet')!.assigned).toBe(before + 1);
    s.applyChanges(applied.undo);
    expect(s.licenseOf(0)).toBe('');
  });
});

describe('the mapping and remembered columns outlive edits of the plan', () => {
  const before = {
    ...PLAN,
    mapping: mapping([{ current: 'Optimize', license: 'Engage', addOns: ['Meet', 'Deal'] }, { current: 'Standard', license: 'Viewer' }, { current: '', license: '' }], [{ current: 'Dialer', addOns: ['Deal'] }]),
    columns: [{ header: ['Mail'], userId: null, email: 'Mail', currentLicense: null, currentAddOns: null, newLicense: null, newAddOns: null }],
  };

  it('follows renames and drops what the plan no longer has', () => {
    const edited = { licenses: [{ name: 'Engage Pro', seats: 5, addOnsAllowed: true }, { name: 'Admin', seats: 2, addOnsAllowed: true }], addOns: [{ name: 'Meet', seats: 3 }] };
    const kept = keptPlanExtras(edited, before, [{ kind: 'license', from: 'Engage', to: 'Engage Pro' }]);
    expect(kept.mapping).toEqual({
      licenses: [
        { current: 'Optimize', license: 'Engage Pro', addOns: ['Meet'], carryOver: true },
        { current: '', license: '', addOns: [], carryOver: true },
      ],
      addOns: [{ current: 'Dialer', addOns: [] }],
    });
    expect(kept.columns).toBe(before.columns);
    expect(parsePlan({ ...edited, ...kept }).ok).toBe(true);
  });

  it('a plan that brings its own mapping keeps it', () => {
    const own = mapping([{ current: 'Optimize', license: 'Admin' }]);
    expect(keptPlanExtras({ ...PLAN, mapping: own }, before).mapping).toBe(own);
    expect(keptPlanExtras(PLAN, PLAN)).toEqual({});
  });
});
