// First rows of a million user keys (docs/architecture.md "Rules and sinks"): the rows are sorted by
// their keys' hashes (a radix sort over typed arrays, which reads and writes memory in order), so rows
// of the same key sit side by side; the keys themselves stay in the file and are read again only where
// two hashes match. A hash table did the same with one random memory access per row, and at a million
// rows those cache misses cost several times the sort.

/**
 * Tells whether two rows hold the same key (reading their keys again). An object with a method rather
 * than a callback, so the loops always call the same function whichever file is checked.
 */
export interface SameKey {
  same(a: number, b: number): boolean;
}

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;

/**
 * For each row, the first (lowest) row holding the same key, or -1 when it is the first itself or has no
 * key. `hashes[r]` is row r's key hash, 0 for no key; rows with `skip[r] === 1` take no part. Rows of
 * equal hashes are compared with `keys.same` (a duplicate, or a rare collision of different keys).
 */
export function firstRowsOfKeys(hashes: Int32Array, skip: Uint8Array, keys: SameKey): Int32Array {
  const n = hashes.length;
  const first = new Int32Array(n).fill(-1);
  let m = 0;
  for (let r = 0; r < n; r++) if (hashes[r] !== 0 && skip[r] !== 1) m++;
  let rows = new Int32Array(m);
  let sorted = new Uint32Array(m);
  m = 0;
  for (let r = 0; r < n; r++) {
    if (hashes[r] === 0 || skip[r] === 1) continue;
    rows[m] = r;
    sorted[m++] = hashes[r] >>> 0;
  }
  // LSD radix sort by hash, 11 bits a pass; stable, so equal hashes keep their rows in order.
  let rowsOut = new Int32Array(m);
  let sortedOut = new Uint32Array(m);
  const counts = new Int32Array(BUCKETS);
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
