import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FirstRowTable } from './keyTable';

describe('the first-row table for user keys', () => {
  it('in caseless mode, treats keys that differ only in ASCII case as one (emails)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Ca-c@.é]{0,3}$/), { maxLength: 400 }), (keys) => {
        const table = new FirstRowTable(4, true);
        const map = new Map<string, number>();
        keys.forEach((key, row) => {
          const folded = key.replace(/[A-Z]/g, (c) => c.toLowerCase());
          const expected = map.get(folded) ?? -1;
          if (expected === -1) map.set(folded, row);
          expect(table.firstOrAdd(key, row)).toBe(expected);
        });
      }),
    );
  });

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
