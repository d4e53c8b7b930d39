// Per-row indexes of what never changes in a file (its locked columns), built once per file from the
// column dictionaries the load worker sends (renderer/worker/rowChunks.ts), so the Overview, the filters,
// "map by current license" and sorting read typed arrays instead of folding a million strings per click.
import { ADD_ON_SEPARATORS, foldName, type ColumnMap, type CsvTable } from '../../shared/index';

export interface ValueCount {
  /** The value as first spelled in the file, trimmed ('' for none). */
  readonly value: string;
  readonly users: number;
}

/** A column as its distinct values and, per row, the code of its value. */
export interface ColumnDictionary {
  readonly values: readonly string[];
  readonly codes: Uint16Array | Uint32Array;
}

/** The dictionary of `n` values read by `valueOf`: each distinct value once, in first-seen order. */
export function dictionaryOfValues(n: number, valueOf: (r: number) => string): ColumnDictionary {
  const codes = new Uint32Array(n);
  const byValue = new Map<string, number>();
  const values: string[] = [];
  for (let r = 0; r < n; r++) {
    const value = valueOf(r);
    let code = byValue.get(value);
    if (code === undefined) {
      code = values.length;
      byValue.set(value, code);
      values.push(value);
    }
    codes[r] = code;
  }
  return { values, codes };
}

/** How many rows hold each code. */
function histogram({ values, codes }: ColumnDictionary): Uint32Array {
  const counts = new Uint32Array(values.length);
  for (let r = 0; r < codes.length; r++) counts[codes[r]]++;
  return counts;
}

/** Users per Current License, folded ("Optimize" and "optimize " are one), and each row's entry. */
export interface CurrentLicenseIndex {
  /** Most common first. */
  readonly values: readonly ValueCount[];
  /** Per row: index into `values`. */
  readonly of: Int32Array;
}

export function indexCurrentLicenses(column: ColumnDictionary): CurrentLicenseIndex {
  const counts = histogram(column);
  // Values are in first-seen order: the first of a folded group is its first spelling in the file.
  const groupOf = new Int32Array(column.values.length);
  const byFold = new Map<string, number>();
  const spelled: string[] = [];
  const users: number[] = [];
  column.values.forEach((raw, code) => {
    const value = raw.trim();
    const key = foldName(value);
    let group = byFold.get(key);
    if (group === undefined) {
      group = spelled.length;
      byFold.set(key, group);
      spelled.push(value);
      users.push(0);
    }
    groupOf[code] = group;
    users[group] += counts[code];
  });
  const order = spelled.map((_, i) => i).sort((a, b) => users[b] - users[a] || spelled[a].localeCompare(spelled[b]));
  const place = new Int32Array(order.length);
  order.forEach((group, i) => (place[group] = i));
  const { codes } = column;
  const of = new Int32Array(codes.length);
  for (let r = 0; r < codes.length; r++) of[r] = place[groupOf[codes[r]]];
  return { values: order.map((group) => ({ value: spelled[group], users: users[group] })), of };
}

/** Users per current add-on (a cell may list several; each counted once per user), most common first. */
export function countCurrentAddOns(column: ColumnDictionary): ValueCount[] {
  const counts = histogram(column);
  const users = new Map<string, number>();
  column.values.forEach((cell, code) => {
    if (cell.trim() === '') return;
    for (const name of new Set(cell.split(ADD_ON_SEPARATORS).map((p) => p.trim()).filter((p) => p !== ''))) users.set(name, (users.get(name) ?? 0) + counts[code]);
  });
  return [...users].map(([value, n]) => ({ value, users: n })).sort((a, b) => b.users - a.users || a.value.localeCompare(b.value));
}

/** Each row's place in a column sorted ascending: equal values share a place (then file order decides). */
export interface ColumnRanks {
  readonly rank: Uint32Array;
  /** Number of distinct places. */
  readonly distinct: number;
}

/** The sort key of a cell: case does not matter, then code units (fast, and the same on every machine). */
const sortKey = (value: string): string => value.toLowerCase();

/** Ranks from a dictionary: its distinct values are sorted once, however many rows hold them. */
export function rankDictionary({ values, codes }: ColumnDictionary): ColumnRanks {
  const keys = values.map(sortKey);
  const sorted = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const placeOf = new Uint32Array(keys.length);
  let place = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && keys[sorted[i]] !== keys[sorted[i - 1]]) place++;
    placeOf[sorted[i]] = place;
  }
  const rank = new Uint32Array(codes.length);
  for (let r = 0; r < codes.length; r++) rank[r] = placeOf[codes[r]];
  return { rank, distinct: keys.length === 0 ? 0 : place + 1 };
}

/** Dense ranks of `n` values read by `valueOf`. */
export function rankValues(n: number, valueOf: (r: number) => string): ColumnRanks {
  return rankDictionary(dictionaryOfValues(n, valueOf));
}

export function rankColumn(table: Pick<CsvTable, 'column'>, column: number): ColumnRanks {
  const cells = table.column(column);
  return rankValues(cells.length, (r) => cells[r]);
}

/** The locked columns (all but New License / New Add-ons) among `candidates`, those an admin most likely sorts by first. */
export function rankingOrder(columns: ColumnMap, candidates: readonly number[]): number[] {
  const first = [columns.email, columns.lastName, columns.firstName, columns.userId, columns.currentLicense, columns.currentAddOns];
  const out: number[] = [];
  const add = (c: number): void => {
    if (candidates.includes(c) && c !== columns.newLicense && c !== columns.newAddOns && !out.includes(c)) out.push(c);
  };
  first.forEach(add);
  candidates.forEach(add);
  return out;
}
