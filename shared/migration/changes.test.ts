// docs/rules.md "Against the original export": name what most likely happened to a locked cell, never repair it.
import { describe, expect, it } from 'vitest';
import { explainChange } from './changes';
import { load } from '../../test/support/fixtures';
import { csv, findingsOf, sessionOf } from '../../test/support/builders';

describe('the cause of a changed locked cell', () => {
  it.each([
    ['005000000000001', '5000000000001', 'leadingZeros'],
    ['+15551234567', '15551234567', 'plusDropped'],
    ['1234567890123456789', '1.23456789012346E+018', 'scientific'],
    ['1E5', '100000', 'numberReformatted'],
    ['1,234', '1234', 'numberReformatted'],
    ['0.10', '0.1', 'numberReformatted'],
    ['=HYPERLINK("http://x","click")', 'click', 'formulaEvaluated'],
    ['03/04/2024', '03/04/24', 'dateRewritten'],
    ['2024-11-05 17:00', '2024-11-05 17:00:00', 'dateRewritten'],
    ['3/4', '03/04/26', 'becameDate'],
    ['1-2', '2024-01-02', 'becameDate'],
    ['Silva ', 'Silva', 'spacesTrimmed'],
    ['Sales', 'Marketing', 'edited'],
  ] as const)('%j → %j is %s', (before, after, cause) => {
    expect(explainChange(before, after)).toBe(cause);
  });

  it('a changed Email on a row matched by User ID is a changed key, not a new user', () => {
    const original = load(csv(['User ID,Email,Current License', '001,ann@example.com,Optimize']));
    const s = sessionOf(csv(['User ID,Email,Current License,New License', '001,anne@example.com,Optimize,Admin']), { original, me: null });
    expect(findingsOf(s, 'NEW_USER')).toEqual([]);
    expect(findingsOf(s, 'LOCKED_COLUMN_CHANGED')).toEqual([
      { code: 'LOCKED_COLUMN_CHANGED', row: 2, column: 'Email', user: 'anne@example.com', value: 'anne@example.com', original: 'ann@example.com', cause: 'keyChanged' },
    ]);
  });
});
