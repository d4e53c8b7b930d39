import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HashedFirstRows } from './keyTable';

describe('the first-row table for hashed user keys', () => {
  it('answers like a Map of first occurrences, whatever the collisions (a tiny hash forces many)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 600 }), (keys) => {
        const table = new HashedFirstRows(Math.max(1, keys.length >> 3));
        const map = new Map<string, number>();
        const tinyHash = (key: string): number => (key.length * 7 + (key.charCodeAt(0) || 0)) % 5;
        keys.forEach((key, row) => {
          const expected = map.get(key) ?? -1;
          if (expected === -1) map.set(key, row);
          expect(table.firstOrAdd(tinyHash(key), row, { same: (a, b) => keys[a] === keys[b] })).toBe(expected);
        });
      }),
    );
  });
});
