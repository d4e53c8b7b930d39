// Per-row indexes of what never changes in a file (its locked columns), built once off the UI thread
// so the Overview, the filters, "map by current license" and sorting read typed arrays instead of
// folding a million strings on every click (issue 11).
import { ADD_ON_SEPARATORS, foldName, type ColumnMap } from '../../shared/index';

export interface ValueCount {
  /** The value as first spelled in the file, trimmed ('' for none). */
  readonly value: string;
  readonly users: number;
}

/** Users per Current License, folded ("Optimize" and "optimize " are one), and each row's entry. */
export interface CurrentLicenseIndex {
  /** Most common first. */
  readonly values: readonly ValueCount[];
  /** Per row: index into `values`. */
  readonly of: Int32Array;
}

export function indexCurrentLicenses(records: readonly (readonly string[])[], column: number): CurrentLicenseIndex {
  const n = records.length;
  const of = new Int32Array(n);
  const byRaw = new Map<string, number>();
  const byFold = new Map<string, number>();
  const spelled: string[] = [];
  const users: number[] = [];
  for (let r = 0; r < n; r++) {
    const raw = column >= 0 ? (records[r][column] ?? '') : '';
    let id = byRaw.get(raw);
    if (id === undefined) {
      const value = raw.trim();
      const key = foldName(value);
      id = byFold.get(key);
      if (id === undefined) {
        id = spelled.length;
        byFold.set(key, id);
        spelled.push(value);
        users.push(0);
      }
      byRaw.set(raw, id);
    }
    of[r] = id;
    users[id]++;
  }
  const order = spelled.map((_, i) => i).sort((a, b) => users[b] - users[a] || spelled[a].localeCompare(spelled[b]));
  const rank = new Int32Array(order.length);
  order.forEach((id, i) => (rank[id] = i));
  for (let r = 0; r < n; r++) of[r] = rank[of[r]];
  return { values: order.map((id) => ({ value: spelled[id], users: users[id] })), of };
}

/** Users per current add-on (a cell may list several; each counted once per user), most common first. */
export function countCurrentAddOns(records: readonly (readonly string[])[], column: number): ValueCount[] {
  const counts = new Map<string, number>();
  if (column >= 0) {
    const parts = new Map<string, readonly string[]>();
    for (const record of records) {
      const cell = record[column] ?? '';
      if (cell === '') continue;
      let names = parts.get(cell);
      if (names === undefined) {
        names = [...new Set(cell.split(ADD_ON_SEPARATORS).map((p) => p.trim()).filter((p) => p !== ''))];
        if (parts.size < 10_000) parts.set(cell, names);
      }
      for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts].map(([value, users]) => ({ value, users })).sort((a, b) => b.users - a.users || a.value.localeCompare(b.value));
}

/** Each row's place in a column sorted ascending: equal values share a place (then file order decides). */
export interface ColumnRanks {
  readonly rank: Uint32Array;
  /** Number of distinct places. */
  readonly distinct: number;
}

/** The sort key of a cell: case does not matter, then code units (fast, and the same on every machine). */
const sortKey = (value: string): string => value.toLowerCase();

/** Dense ranks of `n` values read by `valueOf` (distinct values are sorted once, however many rows hold them). */
export function rankValues(n: number, valueOf: (r: number) => string): ColumnRanks {
  const ids = new Uint32Array(n);
  const byValue = new Map<string, number>();
  const keys: string[] = [];
  for (let r = 0; r < n; r++) {
    const value = valueOf(r);
    let id = byValue.get(value);
    if (id === undefined) {
      id = keys.length;
      byValue.set(value, id);
      keys.push(sortKey(value));
    }
    ids[r] = id;
  }
  const order = new Uint32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const sorted = Array.from(order).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const placeOf = new Uint32Array(keys.length);
  let place = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && keys[sorted[i]] !== keys[sorted[i - 1]]) place++;
    placeOf[sorted[i]] = place;
  }
  const rank = ids; // reuse: ids are read once each
  for (let r = 0; r < n; r++) rank[r] = placeOf[ids[r]];
  return { rank, distinct: keys.length === 0 ? 0 : place + 1 };
}

export function rankColumn(records: readonly (readonly string[])[], column: number): ColumnRanks {
  return rankValues(records.length, (r) => records[r][column] ?? '');
}

/** The locked columns (all but New License / New Add-ons), those an admin most likely sorts by first. */
export function rankingOrder(columns: ColumnMap): number[] {
  const first = [columns.email, columns.lastName, columns.firstName, columns.userId, columns.currentLicense, columns.currentAddOns];
  const out: number[] = [];
  const add = (c: number): void => {
    if (c >= 0 && c < columns.width && c !== columns.newLicense && c !== columns.newAddOns && !out.includes(c)) out.push(c);
  };
  first.forEach(add);
  for (let c = 0; c < columns.width; c++) add(c);
  return out;
}
