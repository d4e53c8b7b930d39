// docs/formats.md "The license plan": validated with zod, with clear messages naming the path of the bad field.
import { describe, expect, it } from 'vitest';
import { parsePlan, parsePlanText } from './plan';
import { PlanIndex } from './planIndex';
import { PLAN } from '../../test/support/fixtures';

const problems = (value: unknown): readonly string[] => {
  const result = parsePlan(value);
  if (result.ok) throw new Error('expected the plan to be refused');
  return result.error;
};

describe('a good plan', () => {
  it('keeps a mapping and remembered columns, filling defaults (add-ons carry over unless told otherwise)', () => {
    const plan = {
      licenses: [{ name: 'Engage', seats: 10, addOnsAllowed: true }],
      addOns: [{ name: 'Meet', seats: 5 }],
      mapping: { licenses: [{ current: 'Optimize', license: 'Engage' }, { current: '', license: '' }], addOns: [{ current: 'Legacy Meet', addOns: ['Meet'] }] },
      columns: [{ header: ['Mail', 'Licence'], email: 'Mail', currentLicense: 'Licence' }],
    };
    const parsed = parsePlan(plan);
    expect(parsed.ok && parsed.value.mapping).toEqual({
      licenses: [
        { current: 'Optimize', license: 'Engage', addOns: [], carryOver: true },
        { current: '', license: '', addOns: [], carryOver: true },
      ],
      addOns: [{ current: 'Legacy Meet', addOns: ['Meet'] }],
    });
    expect(parsed.ok && parsed.value.columns).toEqual([{ header: ['Mail', 'Licence'], userId: null, email: 'Mail', currentLicense: 'Licence', currentAddOns: null, newLicense: null, newAddOns: null }]);
  });

  it('parses a plan of licenses and add-ons alone, with or without a BOM', () => {
    const plan = {
      licenses: [
        { name: 'Engage', seats: 120, addOnsAllowed: true },
        { name: 'Admin', seats: 4, addOnsAllowed: true },
      ],
      addOns: [
        { name: 'Meet', seats: 60 },
        { name: 'Deal', seats: 40 },
      ],
    };
    expect(parsePlan(plan)).toEqual({ ok: true, value: plan });
    expect(parsePlanText('\uFEFF' + JSON.stringify(plan))).toEqual({ ok: true, value: plan });
  });
});

describe('a bad plan is refused, each problem said in words naming the license or add-on', () => {
  it('says a fractional seat count must be a whole number, naming the license', () => {
    const plan = { licenses: [{ name: 'Engage', seats: 1, addOnsAllowed: true }, { name: 'Admin', seats: 2.5, addOnsAllowed: true }], addOns: [] };
    expect(problems(plan)).toEqual(['License 2 ("Admin"): seats must be a whole number']);
  });

  it('says what is wrong with each field', () => {
    const plan = { licenses: [{ name: '', seats: -1, addOnsAllowed: 'yes' }], addOns: [{ name: 'Me,et', seats: '3' }] };
    expect(problems(plan)).toEqual([
      'License 1: the name must not be empty',
      'License 1: seats must be 0 or more',
      'License 1: "add-ons allowed" must be true or false',
      'Add-on 1 ("Me,et"): the name must not contain , ; | or a line break (they separate add-ons in a cell)',
      'Add-on 1 ("Me,et"): seats must be a number',
    ]);
  });

  it('refuses duplicate names, ignoring case and spaces, and an add-on named like a license', () => {
    const plan = {
      licenses: [{ name: 'Engage', seats: 1, addOnsAllowed: true }, { name: ' engage', seats: 1, addOnsAllowed: true }],
      addOns: [{ name: 'Meet', seats: 1 }, { name: 'MEET', seats: 1 }, { name: 'ENGAGE', seats: 1 }],
    };
    expect(problems(plan)).toEqual([
      'License 2 (" engage"): the name repeats the license "Engage" (names are compared ignoring case and spaces)',
      'Add-on 2 ("MEET"): the name repeats the add-on "Meet" (names are compared ignoring case and spaces)',
      'Add-on 3 ("ENGAGE"): the name "ENGAGE" is already a license name',
    ]);
  });

  it('refuses a plan without licenses, unknown keys and a missing field', () => {
    expect(problems({ licenses: [], addOns: [] })).toEqual(['The licenses must list at least one license']);
    expect(problems({ licenses: [{ name: 'A', seats: 1, addOnsAllowed: true, colour: 'red' }], addOns: [] })).toEqual(['License 1 ("A"): has an unknown field "colour"']);
    expect(problems({ licenses: [{ name: 'A', addOnsAllowed: true }], addOns: [] })).toEqual(['License 1 ("A"): seats must be a number']);
    expect(problems(null)).toEqual(['The plan must be a JSON object with "licenses" and "addOns" lists.']);
    expect(problems({ licenses: [{ name: 'A', seats: 1, addOnsAllowed: true }] })).toEqual(['The plan\'s "addOns" must be a list.']);
    expect(problems({ licenses: 'Engage', addOns: [] })).toEqual(['The plan\'s "licenses" must be a list.']);
  });

  it('refuses a mapping that names what the plan does not have, or maps one license twice', () => {
    const plan = {
      licenses: [{ name: 'Engage', seats: 1, addOnsAllowed: true }],
      addOns: [{ name: 'Meet', seats: 1 }],
      mapping: { licenses: [{ current: 'Optimize', license: 'Engag', addOns: ['Meat'] }, { current: ' optimize', license: '' }], addOns: [{ current: 'Dialer', addOns: ['Deal'] }] },
    };
    expect(problems(plan)).toEqual([
      'The mapping of license "Optimize": "Engag" is not a license of the plan',
      'The mapping of license "Optimize": "Meat" is not an add-on of the plan',
      'The mapping of license " optimize": maps " optimize" a second time',
      'The mapping of add-on "Dialer": "Deal" is not an add-on of the plan',
    ]);
  });

  it('stays within the documented limits (licenses, name length, seats)', () => {
    const many = { licenses: Array.from({ length: 1001 }, (_, i) => ({ name: `L${i}`, seats: 1, addOnsAllowed: false })), addOns: [] };
    expect(problems(many)).toContain('The licenses may list at most 1000 licenses');
    expect(problems({ licenses: [{ name: 'x'.repeat(201), seats: 1, addOnsAllowed: true }], addOns: [] })[0]).toContain('at most 200 characters');
    expect(problems({ licenses: [{ name: 'A', seats: 1e9, addOnsAllowed: true }], addOns: [] })[0]).toContain('at most 100,000,000');
  });

  it('reports bad JSON text as a problem, never a throw', () => {
    const result = parsePlanText('{ "licenses": [ ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toHaveLength(1);
    expect(!result.ok && result.error[0]).toMatch(/^not valid JSON: /);
  });
});

describe('looking values up in the plan', () => {
  const index = new PlanIndex(PLAN);

  it('finds licenses ignoring case and spaces, and suggests the closest for typos', () => {
    expect(index.license('  ENGAGE ')).toEqual({ index: 0, canonical: 'Engage', closest: null });
    expect(index.license('')).toEqual({ index: -1, canonical: '', closest: null });
    expect(index.license('Engag')).toEqual({ index: -2, canonical: 'Engag', closest: 'Engage' });
    expect(index.license('Admn').closest).toBe('Admin');
    expect(index.license('Eng').closest).toBe('Engage');
  });

  it('reads add-ons separated by , ; | or line breaks, in plan order, and finds duplicates and typos', () => {
    expect(index.addOns('deal|meet').canonical).toBe('Meet, Deal');
    expect(index.addOns('Deal\nMeet;').canonical).toBe('Meet, Deal');
    expect(index.addOns('meat, Deal')).toEqual({ mask: 2, unknown: { names: ['meat'], count: 1, closest: 'Meet' }, duplicates: { names: [], count: 0 }, canonical: 'meat, Deal' });
    expect(index.addOns('Meet, MEET, meet, Deal, deal').duplicates).toEqual({ names: ['Meet', 'Deal'], count: 2 });
    expect(index.unknownAddOns('meat, Deal, Gong, MEAT')).toEqual(['meat', 'Gong']);
  });
});
