// docs/rules.md "Fixing many cells at once": find & replace in New License / New Add-ons (whole cell or
// one add-on of a list, with or without case), and "Did you mean …" applied to one cell or every cell like it.
import { describe, expect, it } from 'vitest';
import { replaceChanges, suggestionChanges, suggestionQuery } from './replace';
import { csv, findingsOf, sessionOf } from '../../test/support/builders';

const FILE = csv([
  'Email,Current License,Current Add-ons,New License,New Add-ons',
  'ann@example.com,Optimize,,Engag,Meat',
  'bob@example.com,Optimize,,engag,"Meat; Deal"',
  'cy@example.com,Optimize,,Engage,"Meet, Meat"',
  'di@example.com,Optimize,,,',
  'ed@example.com,Optimize,,ENGAG ,Deal',
]);

describe('find & replace', () => {
  it('replaces whole New License cells, exactly (ends trimmed) or ignoring case and spaces', () => {
    const s = sessionOf(FILE);
    expect(replaceChanges(s, { column: 'license', find: 'Engag', replace: 'Engage', match: 'cell', ignoreCase: false })).toEqual([{ row: 0, license: 'Engage' }]);
    expect(replaceChanges(s, { column: 'license', find: 'engag', replace: 'Engage', match: 'cell', ignoreCase: true })).toEqual([
      { row: 0, license: 'Engage' },
      { row: 1, license: 'Engage' },
      { row: 4, license: 'Engage' },
    ]);
  });

  it('an empty "find" fills the empty cells', () => {
    const s = sessionOf(FILE);
    expect(replaceChanges(s, { column: 'license', find: '', replace: 'Viewer', match: 'cell', ignoreCase: true })).toEqual([{ row: 3, license: 'Viewer' }]);
  });

  it('replaces one add-on inside a list, never listing an add-on twice; an empty replacement removes it', () => {
    const s = sessionOf(FILE);
    expect(replaceChanges(s, { column: 'addOns', find: 'meat', replace: 'Meet', match: 'addOn', ignoreCase: true })).toEqual([
      { row: 0, addOns: 'Meet' },
      { row: 1, addOns: 'Meet, Deal' },
      { row: 2, addOns: 'Meet' },
    ]);
    expect(replaceChanges(s, { column: 'addOns', find: 'Deal', replace: '', match: 'addOn', ignoreCase: false })).toEqual([
      { row: 1, addOns: 'Meat' },
      { row: 4, addOns: '' },
    ]);
    expect(replaceChanges(s, { column: 'addOns', find: '', replace: 'Meet', match: 'addOn', ignoreCase: false })).toEqual([]);
  });

  it('only in the rows given (a selection), never in a row left out or unreadable', () => {
    const s = sessionOf(FILE);
    s.applyChanges([{ row: 1, excluded: true }]);
    expect(replaceChanges(s, { column: 'license', find: 'engag', replace: 'Engage', match: 'cell', ignoreCase: true }, [1, 4, 99])).toEqual([{ row: 4, license: 'Engage' }]);
  });

  it('applies as one change per cell that undoes exactly', () => {
    const s = sessionOf(FILE);
    const before = s.counts();
    const applied = s.applyChanges(replaceChanges(s, { column: 'license', find: 'engag', replace: 'Engage', match: 'cell', ignoreCase: true }));
    expect(applied.rows).toEqual([0, 1, 4]);
    expect(s.counts().errors).toBeLessThan(before.errors);
    s.applyChanges(applied.undo);
    expect(s.counts()).toEqual(before);
    expect(s.licenseOf(4)).toBe('ENGAG ');
  });
});

describe('"Did you mean …"', () => {
  it('fixes one cell, or every cell with the same unknown license or add-on', () => {
    const s = sessionOf(FILE);
    const license = findingsOf(s, 'UNKNOWN_LICENSE');
    expect(license.map((f) => f.closest)).toEqual(['Engage', 'Engage', 'Engage']);
    const first = s.findingsForRow(0).find((f) => f.code === 'UNKNOWN_LICENSE')!;
    expect(suggestionQuery(first)).toEqual({ column: 'license', find: 'Engag', replace: 'Engage', match: 'cell', ignoreCase: true });
    expect(suggestionChanges(s, first, 'cell')).toEqual([{ row: 0, license: 'Engage' }]);
    expect(suggestionChanges(s, first, 'all').map((c) => c.row)).toEqual([0, 1, 4]);
    const addOn = s.findingsForRow(1).find((f) => f.code === 'UNKNOWN_ADDON')!;
    expect(suggestionChanges(s, addOn, 'all')).toEqual([
      { row: 0, addOns: 'Meet' },
      { row: 1, addOns: 'Meet, Deal' },
      { row: 2, addOns: 'Meet' },
    ]);
  });

  it('has nothing to apply without a suggestion', () => {
    const s = sessionOf(csv(['Email,Current License,New License,New Add-ons', 'ann@example.com,Optimize,Zzzzzzzz,']));
    const f = s.findingsForRow(0).find((x) => x.code === 'UNKNOWN_LICENSE')!;
    expect(suggestionQuery(f)).toBeNull();
    expect(suggestionChanges(s, f, 'all')).toEqual([]);
  });
});
