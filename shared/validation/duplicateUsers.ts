// DUPLICATE_USER and NO_USER_KEY (docs/rules.md "Users"): a row is the same user as an earlier row
// when its User ID (trimmed) or its Email (any case) appeared there first — one email is one user on
// the platform; a row with neither cannot be told apart from anyone.
import type { CsvTable } from '../csv/tokenize';
import type { ColumnMap } from '../migration/columns';
import { FirstRowTable } from '../text/keyTable';
import type { FindingSink } from './sink';
import { emailKey, userIdKey } from './userKey';

/**
 * Check every record once. `skip[r] === 1` marks records that cannot be read (MALFORMED_ROW): they are
 * neither flagged nor remembered. Each later row of a user is flagged, naming the key and the first row.
 */
export function checkUsers(table: Pick<CsvTable, 'rowCount' | 'cell'>, columns: Pick<ColumnMap, 'userId' | 'email'>, skip: Uint8Array, sink: FindingSink): UserIndex {
  const n = table.rowCount;
  const idColumn = columns.userId;
  const emailColumn = columns.email;
  const ids = idColumn >= 0 ? new FirstRowTable(n) : null;
  const emails = emailColumn >= 0 ? new FirstRowTable(n, true) : null;
  for (let r = 0; r < n; r++) {
    if (skip[r] === 1) continue;
    const idCell = idColumn >= 0 ? table.cell(r, idColumn) : '';
    const emailCell = emailColumn >= 0 ? table.cell(r, emailColumn) : '';
    const id = userIdKey(idCell);
    // -2: the cell folds to nothing (empty or only spaces); the table compares emails as emailKey does.
    const firstByEmail = emailCell === '' || emails === null ? -2 : emails.firstOrAddFolded(emailCell, r, emailKey);
    if (id === '' && firstByEmail === -2) {
      if (sink.count('NO_USER_KEY')) sink.add({ code: 'NO_USER_KEY', record: r, column: emailColumn >= 0 ? emailColumn : idColumn, value: emailColumn >= 0 ? emailCell : idCell });
      continue;
    }
    const firstById = id === '' ? -1 : ids!.firstOrAdd(id, r);
    if (firstById !== -1) {
      if (sink.count('DUPLICATE_USER')) sink.add({ code: 'DUPLICATE_USER', record: r, column: idColumn, value: idCell, firstRecord: firstById, key: 'userId', keyValue: id });
    } else if (firstByEmail >= 0) {
      if (sink.count('DUPLICATE_USER')) sink.add({ code: 'DUPLICATE_USER', record: r, column: emailColumn, value: emailCell, firstRecord: firstByEmail, key: 'email', keyValue: emailCell.trim() });
    }
  }
  return { firstWithEmail: (email) => (emails === null ? -1 : emails.findFolded(email, emailKey)) };
}

/** What the check learnt: the first readable row of each Email (the admin's own row is found here). */
export interface UserIndex {
  /** The first readable row whose Email is `email` (compared as emailKey compares), or -1. */
  firstWithEmail(email: string): number;
}
