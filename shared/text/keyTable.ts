// A string → first-row table for a million user keys: an open-addressing Int32Array hash, measured
// at about half the time of a Map (sized once; hashes kept, so a probe compares strings only on a match).

/** FNV-1a over UTF-16 code units. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** FNV-1a over UTF-16 code units with ASCII letters in lower case. */
function caselessHashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h ^= c >= 65 && c <= 90 ? c + 32 : c;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

function equalIgnoringAsciiCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return false;
  }
  return true;
}

export class FirstRowTable {
  /** Open addressing, hash and entry side by side (one cache line per probe): [hash, entry + 1], 0 = empty. */
  private slots: Int32Array;
  private mask: number;
  private keys: string[];
  private rows: Int32Array;
  private size = 0;

  /**
   * `caseless`: keys that differ only in ASCII letter case are one key (emails: pass the raw cell when
   * it folds by lower-casing alone, its foldName otherwise), so a million cells need no new strings.
   */
  constructor(
    expected: number,
    private readonly caseless = false,
  ) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    const entries = Math.max(8, expected);
    this.keys = new Array<string>(entries);
    this.rows = new Int32Array(entries);
  }

  /** The row that first had `key`; -1 when `key` is new (then `row` is recorded as its first). */
  firstOrAdd(key: string, row: number): number {
    return this.probe(key, this.caseless ? caselessHashOf(key) : hashOf(key), row);
  }

  /**
   * For a caseless table of emails: the row that first had this Email cell (compared as foldName
   * compares), -1 when new. One pass over a plain cell computes its hash and checks that lower-casing
   * alone folds it; only other cells (spaces at the ends, controls, non-ASCII) are folded in full.
   */
  firstOrAddFolded(cell: string, row: number, fold: (cell: string) => string): number {
    return this.folded(cell, row, fold);
  }

  /** For a caseless table of emails: the first row with this Email cell, -1 when none (nothing added). */
  findFolded(cell: string, fold: (cell: string) => string): number {
    return this.folded(cell, -1, fold);
  }

  private folded(cell: string, row: number, fold: (cell: string) => string): number {
    let h = 0x811c9dc5;
    let previousSpace = true;
    let plain = true;
    for (let i = 0; i < cell.length; i++) {
      let c = cell.charCodeAt(i);
      if (c > 126 || c < 32 || (c === 32 && previousSpace)) {
        plain = false;
        break;
      }
      previousSpace = c === 32;
      if (c >= 65 && c <= 90) c += 32;
      h ^= c;
      h = Math.imul(h, 0x01000193);
    }
    if (plain && !previousSpace) return this.probe(cell, h | 0, row);
    const folded = fold(cell);
    return folded === '' ? -2 : this.probe(folded, caselessHashOf(folded), row);
  }

  /** `row` -1: look up only. */
  private probe(key: string, hash: number, row: number): number {
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const entry = slots[2 * slot + 1] - 1;
      if (entry === -1) break;
      if (slots[2 * slot] === hash) {
        const other = this.keys[entry];
        if (other === key || (this.caseless && equalIgnoringAsciiCase(other, key))) return this.rows[entry];
      }
      slot = (slot + 1) & this.mask;
    }
    if (row === -1) return -1;
    if (this.size === this.rows.length) this.growEntries();
    const entry = this.size++;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = entry + 1;
    this.keys[entry] = key;
    this.rows[entry] = row;
    if (this.size * 2 > this.mask + 1) this.growSlots();
    return -1;
  }

  private growEntries(): void {
    const rows = new Int32Array(this.rows.length * 2);
    rows.set(this.rows);
    this.rows = rows;
    this.keys.length = rows.length;
  }

  private growSlots(): void {
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
  firstOrAdd(hash: number, row: number, same: (a: number, b: number) => boolean): number {
    const found = this.find(hash, (other) => same(other, row));
    if (found !== -1) return found;
    let slot = hash & this.mask;
    while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = row + 1;
    if (++this.size * 2 > this.mask + 1) this.grow();
    return -1;
  }

  /** The first row recorded with `hash` for which `matches` holds, or -1. */
  find(hash: number, matches: (row: number) => boolean): number {
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const row = slots[2 * slot + 1] - 1;
      if (row === -1) return -1;
      if (slots[2 * slot] === hash && matches(row)) return row;
      slot = (slot + 1) & this.mask;
    }
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
