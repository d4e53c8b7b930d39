// Compare a file with the original export (SPEC "Matching against the original export"):
// same user by User ID, then Email; every locked cell must be as it was.
import { foldHeader, foldName } from '../text/names';
import type { Finding } from '../validation/codes';
import { explainChange } from './changes';
import type { LoadedExport } from './load';

export interface OriginalComparison {
  /** Findings per record index of the file (NEW_USER, LOCKED_COLUMN_CHANGED). */
  readonly rowFindings: Map<number, Finding[]>;
  /** Column-level changes and users of the original with no row (USER_REMOVED). */
  readonly fileFindings: Finding[];
}

const cellOf = (record: readonly string[], index: number): string => (index >= 0 ? (record[index] ?? '') : '');

export function userLabel(source: LoadedExport, record: readonly string[]): string | null {
  const email = cellOf(record, source.columns.email).trim();
  if (email !== '') return email;
  const id = cellOf(record, source.columns.userId).trim();
  return id !== '' ? id : null;
}

export function compareWithOriginal(file: LoadedExport, original: LoadedExport, skip: ReadonlySet<number>): OriginalComparison {
  const rowFindings = new Map<number, Finding[]>();
  const fileFindings: Finding[] = [];
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
      fileFindings.push({ code: 'LOCKED_COLUMN_CHANGED', row: 1, column: fc.names[i], user: null, value: null, original: null, cause: 'columnAdded' });
    } else {
      pairs.push([i, o]);
      pairedOriginal.add(o);
    }
  });
  for (const [fold, o] of originalByFold) {
    if (!pairedOriginal.has(o)) fileFindings.push({ code: 'LOCKED_COLUMN_CHANGED', row: null, column: original.columns.names[o] ?? fold, user: null, value: null, original: null, cause: 'columnRemoved' });
  }
  if (pairs.some(([, o], k) => k > 0 && o < pairs[k - 1][1])) {
    fileFindings.push({ code: 'LOCKED_COLUMN_CHANGED', row: 1, column: null, user: null, value: null, original: null, cause: 'columnMoved' });
  }

  const byId = new Map<string, number>();
  const byEmail = new Map<string, number>();
  original.table.records.forEach((record, o) => {
    const id = cellOf(record, oc.userId).trim();
    if (id !== '' && !byId.has(id)) byId.set(id, o);
    const email = foldName(cellOf(record, oc.email));
    if (email !== '' && !byEmail.has(email)) byEmail.set(email, o);
  });

  const matched = new Uint8Array(original.table.records.length);
  const keyColumns = new Set([fc.userId, fc.email]);
  file.table.records.forEach((record, r) => {
    if (skip.has(r)) return;
    const row = file.table.recordIndex[r] + 1;
    const user = userLabel(file, record);
    const id = cellOf(record, fc.userId).trim();
    let o = id !== '' ? byId.get(id) : undefined;
    if (o === undefined) {
      const email = foldName(cellOf(record, fc.email));
      if (email !== '') o = byEmail.get(email);
    }
    if (o === undefined) {
      const byId = fc.userId >= 0 && id !== '';
      const column = byId ? fc.names[fc.userId] : fc.email >= 0 ? fc.names[fc.email] : null;
      const value = byId ? id : fc.email >= 0 ? cellOf(record, fc.email) : null;
      rowFindings.set(r, [{ code: 'NEW_USER', row, column, user, value }]);
      return;
    }
    matched[o] = 1;
    const originalRecord = original.table.records[o];
    let findings: Finding[] | undefined;
    for (const [i, oi] of pairs) {
      const value = record[i] ?? '';
      const before = originalRecord[oi] ?? '';
      if (value === before) continue;
      let cause = explainChange(before, value);
      if (cause === 'edited' && keyColumns.has(i)) cause = 'keyChanged';
      (findings ??= []).push({ code: 'LOCKED_COLUMN_CHANGED', row, column: fc.names[i], user, value, original: before, cause });
    }
    if (findings) rowFindings.set(r, findings);
  });
  original.table.records.forEach((record, o) => {
    if (matched[o]) return;
    fileFindings.push({ code: 'USER_REMOVED', row: null, column: null, user: userLabel(original, record), value: null, originalRow: original.table.recordIndex[o] + 1 });
  });
  return { rowFindings, fileFindings };
}
