// The admin's own row (docs/rules.md "You"): "you must assign a license to yourself". Finding the row
// is here; SELF_UNLICENSED is a row rule (rowRules.ts), the rest are about the file as a whole.
import type { ColumnMap } from '../migration/columns';
import { foldName } from '../text/names';
import type { Finding } from './codes';

/** The admin's email as given: trimmed, null when empty (SELF_UNKNOWN). */
export function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = (email ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** Records whose Email is `me` (any case), skipping unreadable ones: one pass, no index of every email. */
export function adminRecords(records: readonly (readonly string[])[], columns: Pick<ColumnMap, 'email'>, me: string | null, skip: Uint8Array): Set<number> {
  const found = new Set<number>();
  const column = columns.email;
  if (me === null || column < 0) return found;
  const target = foldName(me);
  for (let r = 0; r < records.length; r++) {
    if (skip[r] !== 1 && sameEmail(records[r][column] ?? '', target)) found.add(r);
  }
  return found;
}

/** SELF_UNKNOWN or SELF_NOT_FOUND, when the file has users to look among. */
export function selfFindings(rowCount: number, columns: Pick<ColumnMap, 'email'>, me: string | null, adminRows: ReadonlySet<number>): Finding[] {
  if (rowCount === 0) return [];
  if (me === null) return [{ code: 'SELF_UNKNOWN', record: null, column: null, value: null, reason: 'notGiven' }];
  if (columns.email < 0) return [{ code: 'SELF_UNKNOWN', record: null, column: null, value: me, reason: 'noEmailColumn' }];
  if (adminRows.size === 0) return [{ code: 'SELF_NOT_FOUND', record: null, column: columns.email, value: me, email: me }];
  return [];
}

/** Whether a cell holds `target` (already folded): exact ASCII case-insensitive compare, foldName only for odd cells. */
export function sameEmail(cell: string, target: string): boolean {
  if (cell.length === target.length) {
    for (let i = 0; i < cell.length; i++) {
      let c = cell.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== target.charCodeAt(i)) return (c > 127 || c <= 32) && foldName(cell) === target;
    }
    return true;
  }
  // Another length: only spaces, invisible or non-ASCII characters can fold it to the target.
  if (!/[^\x21-\x7e]/.test(cell) && !/[^\x21-\x7e]/.test(target)) return false;
  return foldName(cell) === target;
}
