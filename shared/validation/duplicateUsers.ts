// DUPLICATE_USER and NO_USER_KEY (docs/rules.md "Users"): a row is the same user as an earlier row
// when its User ID (trimmed) or its Email (any case) appeared there first — one email is one user on
// the platform; a row with neither cannot be told apart from anyone.
import type { CsvTable } from '../csv/tokenize';
import type { ColumnMap } from '../migration/columns';
import { HashedFirstRows, type SameKey } from '../text/keyTable';
import type { FindingSink } from './sink';
import { emailHash, emailKey, userIdHash, userIdKey, type KeyHashes } from './userKey';

/**
 * Check every record once. `skip[r] === 1` marks records that cannot be read (MALFORMED_ROW): they are
 * neither flagged nor remembered. Each later row of a user is flagged, naming the key and the first row.
 * `hashes` are the rows' key hashes made while the file was read (computed here when not given).
 */
export function checkUsers(table: Pick<CsvTable, 'rowCount' | 'cell'>, columns: Pick<ColumnMap, 'userId' | 'email'>, skip: Uint8Array, sink: FindingSink, hashes: KeyHashes = keyHashesOf(table, columns)): UserIndex {
  const n = table.rowCount;
  const idColumn = columns.userId;
  const emailColumn = columns.email;
  const ids = hashes.id !== null && idColumn >= 0 ? new HashedFirstRows(n) : null;
  const emails = hashes.email !== null && emailColumn >= 0 ? new HashedFirstRows(n) : null;
  const sameId = new SameCellKey(table, idColumn, userIdKey);
  const sameEmail = new SameCellKey(table, emailColumn, emailKey);
  for (let r = 0; r < n; r++) {
    if (skip[r] === 1) continue;
    const idHash = ids === null ? 0 : hashes.id![r];
    const mailHash = emails === null ? 0 : hashes.email![r];
    if (idHash === 0 && mailHash === 0) {
      const column = emailColumn >= 0 ? emailColumn : idColumn;
      if (sink.count('NO_USER_KEY')) sink.add({ code: 'NO_USER_KEY', record: r, column, value: column >= 0 ? table.cell(r, column) : null });
      continue;
    }
    const firstByEmail = mailHash === 0 ? -1 : emails!.firstOrAdd(mailHash, r, sameEmail);
    const firstById = idHash === 0 ? -1 : ids!.firstOrAdd(idHash, r, sameId);
    if (firstById !== -1) {
      if (sink.count('DUPLICATE_USER')) {
        const cell = table.cell(r, idColumn);
        sink.add({ code: 'DUPLICATE_USER', record: r, column: idColumn, value: cell, firstRecord: firstById, key: 'userId', keyValue: userIdKey(cell) });
      }
    } else if (firstByEmail !== -1) {
      if (sink.count('DUPLICATE_USER')) {
        const cell = table.cell(r, emailColumn);
        sink.add({ code: 'DUPLICATE_USER', record: r, column: emailColumn, value: cell, firstRecord: firstByEmail, key: 'email', keyValue: cell.trim() });
      }
    }
  }
  return {
    firstWithEmail: (email) => {
      const key = emailKey(email);
      return emails === null || key === '' ? -1 : emails.find(emailHash(email), { matches: (row) => emailKey(table.cell(row, emailColumn)) === key });
    },
  };
}

/** Two rows hold the same key when their cells of `column` fold to the same `key`. */
class SameCellKey implements SameKey {
  constructor(
    private readonly table: Pick<CsvTable, 'cell'>,
    private readonly column: number,
    private readonly key: (cell: string) => string,
  ) {}

  same(a: number, b: number): boolean {
    return this.key(this.table.cell(a, this.column)) === this.key(this.table.cell(b, this.column));
  }
}

/** The key hashes of every row, read from the table (when the loader did not make them on the way). */
export function keyHashesOf(table: Pick<CsvTable, 'rowCount' | 'cell'>, columns: Pick<ColumnMap, 'userId' | 'email'>): KeyHashes {
  const n = table.rowCount;
  const id = columns.userId >= 0 ? new Int32Array(n) : null;
  const email = columns.email >= 0 ? new Int32Array(n) : null;
  for (let r = 0; r < n; r++) {
    if (id !== null) id[r] = userIdHash(table.cell(r, columns.userId));
    if (email !== null) email[r] = emailHash(table.cell(r, columns.email));
  }
  return { id, email };
}

/** What the check learnt: the first readable row of each Email (the admin's own row is found here). */
export interface UserIndex {
  /** The first readable row whose Email is `email` (compared as emailKey compares), or -1. */
  firstWithEmail(email: string): number;
}
