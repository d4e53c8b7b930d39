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

/**
 * A 32-bit hash of userIdKey(cell), 0 for an empty one. Equal keys hash equal, so the duplicate check
 * compares numbers and reads the cells again only when two hashes match.
 */
export function userIdHash(cell: string): number {
  return keyHash(userIdKey(cell));
}

/**
 * A 32-bit hash of emailKey(cell), 0 when it folds to nothing. A plain cell is hashed in one pass with
 * its ASCII letters lower-cased (no new string); only cells that need the full fold are folded first.
 */
export function emailHash(cell: string): number {
  let h = 0x811c9dc5;
  let previousSpace = true;
  for (let i = 0; i < cell.length; i++) {
    let c = cell.charCodeAt(i);
    if (c > 126 || c < 32 || (c === 32 && previousSpace)) return keyHash(emailKey(cell));
    previousSpace = c === 32;
    if (c >= 65 && c <= 90) c += 32;
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  if (previousSpace) return cell === '' ? 0 : keyHash(emailKey(cell));
  return h === 0 ? 1 : h;
}

/** FNV-1a of a key as compared, 0 for an empty one (never 0 otherwise). */
function keyHash(key: string): number {
  if (key === '') return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h === 0 ? 1 : h;
}

/** Every row's key hashes (userIdHash, emailHash), made while the file is read. */
export interface KeyHashes {
  readonly id: Int32Array | null;
  readonly email: Int32Array | null;
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
