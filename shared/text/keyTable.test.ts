import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FirstRowTable } from './keyTable';

describe('the first-row table for user keys', () => {
  it('answers like a Map of first occurrences, whatever the keys and collisions', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 600 }), (keys) => {
        const table = new FirstRowTable(Math.max(1, keys.length >> 3));
        const map = new Map<string, number>();
        keys.forEach((key, row) => {
          const expected = map.get(key) ?? -1;
          if (expected === -1) map.set(key, row);
          expect(table.firstOrAdd(key, row)).toBe(expected);
        });
      }),
    );
  });
});
