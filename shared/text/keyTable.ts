// A first-row table for a million user keys (docs/architecture.md "Rules and sinks"): open addressing
// over typed arrays (measured at about half the time of a Map), holding each key's hash and first row;
// the keys themselves stay in the file and are read again only when two hashes match.

/**
 * Tells whether two rows hold the same key (reading their keys again). An object with a method rather
 * than a callback, so the table's loops always call the same function whichever file is checked.
 */
export interface SameKey {
  same(a: number, b: number): boolean;
}

/**
 * First rows by key when only a hash of each key is at hand (the keys stay in the file): rows whose
 * hashes match are compared with `same`, which reads their keys again — rare, as it only happens for
 * the same key (a duplicate) or a collision.
 */
export class HashedFirstRows {
  /** [hash, row + 1] pairs, open addressing; 0 = empty. Equal hashes of different keys sit side by side. */
  private slots: Int32Array;
  private mask: number;
  private size = 0;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  /** The first row with the same key as `row` (same hash, then `same`), or -1 after recording `row` as first. */
  firstOrAdd(hash: number, row: number, keys: SameKey): number {
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const other = slots[2 * slot + 1] - 1;
      if (other === -1) break;
      if (slots[2 * slot] === hash && keys.same(other, row)) return other;
      slot = (slot + 1) & this.mask;
    }
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = row + 1;
    if (++this.size * 2 > this.mask + 1) this.grow();
    return -1;
  }


  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = old[s] & this.mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = old[s];
      this.slots[2 * slot + 1] = old[s + 1];
    }
  }
}
