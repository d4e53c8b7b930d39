// The one definition of a user's key (docs/rules.md "Users"): User ID compared trimmed, Email
// trimmed, case- and Unicode-insensitive. Used by duplicate users, saved progress, matching against
// the original export, and the column check (a file needs at least one key column).
import type { ColumnMap } from '../migration/columns';
import { foldName } from '../text/names';

/** A User ID cell as compared: trimmed ('' when empty). Spreadsheets strip zeros, so `001` ≠ `1` here. */
export function userIdKey(cell: string): string {
  if (cell === '') return cell;
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first <= 32 || last <= 32 || first === 0xa0 || last === 0xa0 || first > 0x2000 || last > 0x2000 ? cell.trim() : cell;
}

/** An Email cell as compared: one email is one user on the platform, whatever its case or spacing. */
export function emailKey(cell: string): string {
  return foldName(cell);
}

/** Whether a file can tell its users apart: it has a User ID or an Email column. */
export const hasUserKeyColumn = (columns: Pick<ColumnMap, 'userId' | 'email'>): boolean => columns.userId >= 0 || columns.email >= 0;

/**
 * The key a row is remembered under (saved progress, resume): `id:` + User ID when the row has one,
 * else `email:` + its Email key; null for a row with neither (NO_USER_KEY).
 */
export function rowKey(record: readonly string[], columns: Pick<ColumnMap, 'userId' | 'email'>): string | null {
  const id = columns.userId >= 0 ? userIdKey(record[columns.userId] ?? '') : '';
  if (id !== '') return `id:${id}`;
  const email = columns.email >= 0 ? emailKey(record[columns.email] ?? '') : '';
  return email !== '' ? `email:${email}` : null;
}
