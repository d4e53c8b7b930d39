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
  private slots: Int32Array;
  private mask: number;
  private keys: string[];
  private hashes: Int32Array;
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
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    const entries = Math.max(8, expected);
    this.keys = new Array<string>(entries);
    this.hashes = new Int32Array(entries);
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
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === -1) break;
      if (this.hashes[entry] === hash && (this.keys[entry] === key || (this.caseless && equalIgnoringAsciiCase(this.keys[entry], key)))) return this.rows[entry];
      slot = (slot + 1) & this.mask;
    }
    if (row === -1) return -1;
    if (this.size === this.rows.length) this.growEntries();
    const entry = this.size++;
    this.slots[slot] = entry;
    this.keys[entry] = key;
    this.hashes[entry] = hash;
    this.rows[entry] = row;
    if (this.size * 2 > this.slots.length) this.growSlots();
    return -1;
  }

  private growEntries(): void {
    const capacity = this.rows.length * 2;
    const hashes = new Int32Array(capacity);
    hashes.set(this.hashes);
    const rows = new Int32Array(capacity);
    rows.set(this.rows);
    this.hashes = hashes;
    this.rows = rows;
    this.keys.length = capacity;
  }

  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let slot = this.hashes[entry] & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = entry;
    }
  }
}
