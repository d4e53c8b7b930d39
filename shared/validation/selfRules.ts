// The admin's own row (docs/rules.md "You"): "you must assign a license to yourself". The row is the
// first with the admin's email (duplicateUsers.ts finds it); SELF_UNLICENSED is a row rule (rowRules.ts);
// SELF_UNKNOWN and SELF_NOT_FOUND, here, are about the file as a whole.
import type { ColumnMap } from '../migration/columns';
import type { Finding } from './codes';

/** The admin's email as given: trimmed, null when empty (SELF_UNKNOWN). */
export function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = (email ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** SELF_UNKNOWN or SELF_NOT_FOUND, when the file has users to look among. */
export function selfFindings(rowCount: number, columns: Pick<ColumnMap, 'email'>, me: string | null, adminRows: ReadonlySet<number>): Finding[] {
  if (rowCount === 0) return [];
  if (me === null) return [{ code: 'SELF_UNKNOWN', record: null, column: null, value: null, reason: 'notGiven' }];
  if (columns.email < 0) return [{ code: 'SELF_UNKNOWN', record: null, column: null, value: me, reason: 'noEmailColumn' }];
  if (adminRows.size === 0) return [{ code: 'SELF_NOT_FOUND', record: null, column: columns.email, value: me, email: me }];
  return [];
}
