// SPEC "The license plan": validated with zod, with clear messages naming the path of the bad field.
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
  it('parses the SPEC example', () => {
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

describe('a bad plan is refused with the path of each bad field', () => {
  it('says a fractional seat count must be a whole number: licenses[1].seats', () => {
    const plan = { licenses: [{ name: 'Engage', seats: 1, addOnsAllowed: true }, { name: 'Admin', seats: 2.5, addOnsAllowed: true }], addOns: [] };
    expect(problems(plan)).toEqual(['licenses[1].seats: must be a whole number']);
  });

  it('says what is wrong with each field', () => {
    const plan = { licenses: [{ name: '', seats: -1, addOnsAllowed: 'yes' }], addOns: [{ name: 'Me,et', seats: '3' }] };
    expect(problems(plan)).toEqual([
      'licenses[0].name: must not be empty',
      'licenses[0].seats: must be 0 or more',
      'licenses[0].addOnsAllowed: must be true or false',
      'addOns[0].name: must not contain , ; | or a line break (they separate add-ons in a cell)',
      'addOns[0].seats: must be a number',
    ]);
  });

  it('refuses duplicate names, ignoring case and spaces, and an add-on named like a license', () => {
    const plan = {
      licenses: [{ name: 'Engage', seats: 1, addOnsAllowed: true }, { name: ' engage', seats: 1, addOnsAllowed: true }],
      addOns: [{ name: 'Meet', seats: 1 }, { name: 'MEET', seats: 1 }, { name: 'ENGAGE', seats: 1 }],
    };
    expect(problems(plan)).toEqual([
      'licenses[1].name: repeats the license "Engage" (names are compared ignoring case and spaces)',
      'addOns[1].name: repeats the add-on "Meet" (names are compared ignoring case and spaces)',
      'addOns[2].name: "ENGAGE" is already a license name',
    ]);
  });

  it('refuses a plan without licenses, unknown keys and a missing field', () => {
    expect(problems({ licenses: [], addOns: [] })).toEqual(['licenses: must list at least one license']);
    expect(problems({ licenses: [{ name: 'A', seats: 1, addOnsAllowed: true, colour: 'red' }], addOns: [] })[0]).toMatch(/^licenses\[0\]: .*colour/);
    expect(problems({ licenses: [{ name: 'A', addOnsAllowed: true }], addOns: [] })).toEqual(['licenses[0].seats: must be a number']);
    expect(problems(null)[0]).toMatch(/^\(the whole plan\): /);
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
