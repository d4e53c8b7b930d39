// First rows of user keys (docs/architecture.md "Rules and sinks"), found from their hashes; the keys
// themselves stay in the file and are read again only where two hashes match. Up to a few hundred
// thousand rows, a hash table over typed arrays (it fits in the processor's caches); beyond, the rows are
// sorted by hash (a radix sort, which reads and writes memory in order) so rows of the same key sit side
// by side: at a million rows the table's one random memory access per row cost several times the sort.

/**
 * Tells whether two rows hold the same key (reading their keys again). An object with a method rather
 * than a callback, so the loops always call the same function whichever file is checked.
 */
export interface SameKey {
  same(a: number, b: number): boolean;
}

/** From this many rows on, the hashes are sorted rather than put in a table. */
export const SORT_FROM = 1 << 18;

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;

/**
 * For each row, the first (lowest) row holding the same key, or -1 when it is the first itself or has no
 * key. `hashes[r]` is row r's key hash, 0 for no key; rows with `skip[r] === 1` take no part. Rows of
 * equal hashes are compared with `keys.same` (a duplicate, or a rare collision of different keys).
 */
export function firstRowsOfKeys(hashes: Int32Array, skip: Uint8Array, keys: SameKey, sort = hashes.length >= SORT_FROM): Int32Array {
  return sort ? bySorting(hashes, skip, keys) : byTable(hashes, skip, keys);
}

/** firstRowsOfKeys with an open-addressing table of [hash, row + 1] pairs (0: empty). */
function byTable(hashes: Int32Array, skip: Uint8Array, keys: SameKey): Int32Array {
  const n = hashes.length;
  const first = new Int32Array(n).fill(-1);
  let capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  const slots = new Int32Array(capacity * 2);
  const mask = capacity - 1;
  for (let row = 0; row < n; row++) {
    const hash = hashes[row];
    if (hash === 0 || skip[row] === 1) continue;
    let slot = hash & mask;
    for (;;) {
      const other = slots[2 * slot + 1] - 1;
      if (other === -1) {
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = row + 1;
        break;
      }
      // Equal hashes of different keys sit side by side: only the first row of each key is in the table.
      if (slots[2 * slot] === hash && keys.same(other, row)) {
        first[row] = other;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return first;
}

/** firstRowsOfKeys by a radix sort of the hashes. */
function bySorting(hashes: Int32Array, skip: Uint8Array, keys: SameKey): Int32Array {
  const n = hashes.length;
  // Every array made before the first loop: a loop optimized while it runs (on-stack replacement) then
  // meets no allocation it has no feedback for, and is not thrown away at the next one.
  const first = new Int32Array(n).fill(-1);
  let rows = new Int32Array(n);
  let sorted = new Uint32Array(n);
  let rowsOut = new Int32Array(n);
  let sortedOut = new Uint32Array(n);
  const counts = new Int32Array(BUCKETS);
  let m = 0;
  for (let r = 0; r < n; r++) {
    if (hashes[r] === 0 || skip[r] === 1) continue;
    rows[m] = r;
    sorted[m++] = hashes[r] >>> 0;
  }
  // LSD radix sort by hash, 11 bits a pass; stable, so equal hashes keep their rows in order.
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    counts.fill(0);
    for (let i = 0; i < m; i++) counts[(sorted[i] >>> shift) & (BUCKETS - 1)]++;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const at = counts[(sorted[i] >>> shift) & (BUCKETS - 1)]++;
      sortedOut[at] = sorted[i];
      rowsOut[at] = rows[i];
    }
    [sorted, sortedOut] = [sortedOut, sorted];
    [rows, rowsOut] = [rowsOut, rows];
  }
  // Each run of equal hashes, rows ascending: a row's first is the earliest row of the run with its key.
  for (let start = 0; start < m; ) {
    let end = start + 1;
    while (end < m && sorted[end] === sorted[start]) end++;
    for (let i = start + 1; i < end; i++) {
      const row = rows[i];
      for (let j = start; j < i; j++) {
        const other = rows[j];
        if (first[other] === -1 && keys.same(other, row)) {
          first[row] = other;
          break;
        }
      }
    }
    start = end;
  }
  return first;
}
