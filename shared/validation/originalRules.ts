// Rules against the original export (docs/rules.md "Against the original export"): a row is the same
// user when its User ID matches, or failing that its Email (spreadsheets strip leading zeros from IDs);
// only New License and New Add-ons may differ. NEW_USER, LOCKED_COLUMN_CHANGED and USER_REMOVED.
import { foldHeader } from '../text/names';
import { explainChange } from '../migration/changes';
import type { LoadedExport } from '../migration/load';
import { HEADER_RECORD } from './codes';
import { userLabel } from './place';
import type { FindingSink } from './sink';
import { emailKey, userIdKey } from './userKey';

const cellOf = (record: readonly string[], index: number): string => (index >= 0 ? (record[index] ?? '') : '');

/** How the file's rows and columns pair with the original export's: what repairing a file against it needs. */
export interface OriginalMatch {
  /** Per row of the file: the original record of the same user, or -1 (a new user, an unreadable row). */
  readonly rowOf: Int32Array;
  /** File column → original column, for the columns paired by header (New License / New Add-ons left out). */
  readonly columnOf: ReadonlyMap<number, number>;
  /** Original records no row of the file matched (USER_REMOVED), in file order. */
  readonly removed: readonly number[];
}

/**
 * Compare `file` with `original` (which originalProblem() has accepted). Row findings go to `sink`
 * with their record; column-level changes and removed users are file-level. `skip[r] === 1`: unreadable.
 */
export function compareWithOriginal(file: LoadedExport, original: LoadedExport, skip: Uint8Array, sink: FindingSink): OriginalMatch {
  const fc = file.columns;
  const oc = original.columns;
  const owned = new Set([fc.newLicense, fc.newAddOns]);
  const ownedOriginal = new Set([oc.newLicense, oc.newAddOns]);

  // Columns are paired by header name; New License / New Add-ons are ours to change.
  const originalByFold = new Map<string, number>();
  original.table.header.forEach((h, i) => {
    if (!ownedOriginal.has(i) && !originalByFold.has(foldHeader(h))) originalByFold.set(foldHeader(h), i);
  });
  const pairs: [number, number][] = [];
  const pairedOriginal = new Set<number>();
  file.table.header.forEach((h, i) => {
    if (owned.has(i)) return;
    const o = originalByFold.get(foldHeader(h));
    if (o === undefined || pairedOriginal.has(o)) {
      sink.report({ code: 'LOCKED_COLUMN_CHANGED', record: HEADER_RECORD, column: i, value: null, original: null, cause: 'columnAdded' });
    } else {
      pairs.push([i, o]);
      pairedOriginal.add(o);
    }
  });
  for (const o of originalByFold.values()) {
    if (!pairedOriginal.has(o)) sink.report({ code: 'LOCKED_COLUMN_CHANGED', record: null, column: null, value: null, original: null, cause: 'columnRemoved', originalColumn: oc.names[o] });
  }
  if (pairs.some(([, o], k) => k > 0 && o < pairs[k - 1][1])) {
    sink.report({ code: 'LOCKED_COLUMN_CHANGED', record: HEADER_RECORD, column: null, value: null, original: null, cause: 'columnMoved' });
  }

  const byId = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const ot = original.table;
  for (let o = 0; o < ot.rowCount; o++) {
    const id = oc.userId >= 0 ? userIdKey(ot.cell(o, oc.userId)) : '';
    if (id !== '' && !byId.has(id)) byId.set(id, o);
    const email = oc.email >= 0 ? emailKey(ot.cell(o, oc.email)) : '';
    if (email !== '' && !byEmail.has(email)) byEmail.set(email, o);
  }

  const matched = new Uint8Array(ot.rowCount);
  const rowOf = new Int32Array(file.table.rowCount).fill(-1);
  const keyColumns = new Set([fc.userId, fc.email]);
  const ft = file.table;
  for (let r = 0; r < ft.rowCount; r++) {
    if (skip[r] === 1) continue;
    const record = ft.cells(r);
    const id = userIdKey(cellOf(record, fc.userId));
    let o = id !== '' ? byId.get(id) : undefined;
    if (o === undefined) {
      const email = emailKey(cellOf(record, fc.email));
      if (email !== '') o = byEmail.get(email);
    }
    if (o === undefined) {
      // A row with no key at all is NO_USER_KEY already.
      if (id === '' && emailKey(cellOf(record, fc.email)) === '') continue;
      const column = fc.userId >= 0 && id !== '' ? fc.userId : fc.email;
      sink.report({ code: 'NEW_USER', record: r, column, value: cellOf(record, column) });
      continue;
    }
    matched[o] = 1;
    rowOf[r] = o;
    const originalRecord = ot.cells(o);
    for (const [i, oi] of pairs) {
      const value = record[i] ?? '';
      const before = originalRecord[oi] ?? '';
      if (value === before) continue;
      let cause = explainChange(before, value);
      if (cause === 'edited' && keyColumns.has(i)) cause = 'keyChanged';
      sink.report({ code: 'LOCKED_COLUMN_CHANGED', record: r, column: i, value, original: before, cause });
    }
  }
  const removed: number[] = [];
  for (let o = 0; o < matched.length; o++) {
    if (matched[o]) continue;
    removed.push(o);
    sink.report({ code: 'USER_REMOVED', record: null, column: null, value: null, originalRow: original.table.recordIndex[o] + 1, originalUser: userLabel(original, o) });
  }
  return { rowOf, columnOf: new Map(pairs), removed };
}

