import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstRowsOfKeys } from './keyTable';

describe('first rows of hashed user keys', () => {
  it('answers like a Map of first occurrences, whatever the collisions (a tiny hash forces many)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ maxLength: 3 }), { freq: 6 }), { maxLength: 600 }), fc.array(fc.boolean(), { maxLength: 600 }), (cells, skipped) => {
        // null: no key (hash 0); a skipped row is neither flagged nor remembered.
        const tinyHash = (key: string): number => ((key.length * 7 + (key.charCodeAt(0) || 0)) % 5) + 1 - (key === 'x' ? 2 ** 31 : 0);
        const hashes = Int32Array.from(cells, (key) => (key === null ? 0 : tinyHash(key)));
        const skip = Uint8Array.from(cells, (_, r) => (skipped[r] ? 1 : 0));
        const map = new Map<string, number>();
        const expected = cells.map((key, row) => {
          if (key === null || skip[row] === 1) return -1;
          const seen = map.get(key) ?? -1;
          if (seen === -1) map.set(key, row);
          return seen;
        });
        // Both ways: the hash table (smaller files) and the sort (larger ones).
        for (const sort of [false, true]) expect([...firstRowsOfKeys(hashes, skip, { same: (a, b) => cells[a] === cells[b] }, sort)]).toEqual(expected);
      }),
    );
  });

  it('takes hashes over all 32 bits, negative ones included', () => {
    const hashes = Int32Array.from([-5, 7, -5, 2 ** 30, -(2 ** 31), 7, 2 ** 30, -(2 ** 31)]);
    for (const sort of [false, true]) expect([...firstRowsOfKeys(hashes, new Uint8Array(8), { same: () => true }, sort)]).toEqual([-1, -1, 0, -1, -1, 1, 3, 4]);
  });
});
