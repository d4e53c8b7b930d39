import { describe, expect, it } from 'vitest';
import { renameChanges, renamerFor } from './rename';
import { csv, sessionOf } from '../../test/support/builders';

describe('renaming a license or add-on in the plan', () => {
  it('carries the holders over, whatever the case, spacing or separators of their cells', () => {
    const s = sessionOf(csv(['Email,Current License,New License,New Add-ons', 'a@x.com,Optimize, engage ,meet;Deal', 'b@x.com,Optimize,Admin,Deal', 'c@x.com,Optimize,Engager,']));
    const changes = renameChanges(s, [
      { kind: 'license', from: 'Engage', to: 'Engage Pro' },
      { kind: 'addOn', from: 'Meet', to: 'Meetings' },
    ]);
    expect(changes).toEqual([{ row: 0, license: 'Engage Pro', addOns: 'Meetings, Deal' }]);
  });
  it('rewrites undo entries the same way, keeping fields they do not set', () => {
    const renamer = renamerFor([{ kind: 'license', from: 'Engage', to: 'Engage Pro' }]);
    expect(renamer.change({ row: 3, license: 'engage' })).toEqual({ row: 3, license: 'Engage Pro' });
    expect(renamer.change({ row: 4, addOns: 'Meet' })).toEqual({ row: 4, addOns: 'Meet' });
  });
});
