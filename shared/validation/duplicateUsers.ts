// DUPLICATE_USER and NO_USER_KEY (docs/rules.md "Users"): a row is the same user as an earlier row
// when its User ID (trimmed) or its Email (any case) appeared there first — one email is one user on
// the platform; a row with neither cannot be told apart from anyone.
import type { CsvTable } from '../csv/tokenize';
import type { ColumnMap } from '../migration/columns';
import { firstRowsOfKeys, type SameKey } from '../text/keyTable';
import type { FindingSink } from './sink';
import { emailHash, emailKey, userIdHash, userIdKey, type KeyHashes } from './userKey';

/**
 * Who is the same user as an earlier row, and who has no key: what the check found, as plain arrays,
 * so it can be made where the file is read (the app's load worker) and reported where the session lives.
 */
export interface UserCheck {
  /** The rows flagged, in row order. */
  readonly rows: Int32Array;
  /** For each flagged row: the first row of the same user, or -1 when the row has no user key. */
  readonly firsts: Int32Array;
  /** For each flagged row: NO_KEY, SAME_ID or SAME_EMAIL. */
  readonly keys: Uint8Array;
}

const NO_KEY = 0;
const SAME_ID = 1;
const SAME_EMAIL = 2;

/**
 * Check every record once. `skip[r] === 1` marks records that cannot be read (MALFORMED_ROW): they are
 * neither flagged nor remembered. Each later row of a user is flagged with the key and the first row.
 * `hashes` are the rows' key hashes made while the file was read (computed here when not given).
 */
export function findUsers(table: Pick<CsvTable, 'rowCount' | 'cell'>, columns: Pick<ColumnMap, 'userId' | 'email'>, skip: Uint8Array, hashes: KeyHashes = keyHashesOf(table, columns)): UserCheck {
  const n = table.rowCount;
  const idHashes = hashes.id !== null && columns.userId >= 0 ? hashes.id : null;
  const emailHashes = hashes.email !== null && columns.email >= 0 ? hashes.email : null;
  const byId = idHashes === null ? null : firstRowsOfKeys(idHashes, skip, new SameCellKey(table, columns.userId, userIdKey));
  const byEmail = emailHashes === null ? null : firstRowsOfKeys(emailHashes, skip, new SameCellKey(table, columns.email, emailKey));
  const found = new Flagged();
  for (let r = 0; r < n; r++) {
    if (skip[r] === 1) continue;
    if ((idHashes === null || idHashes[r] === 0) && (emailHashes === null || emailHashes[r] === 0)) {
      found.add(r, -1, NO_KEY);
      continue;
    }
    const firstById = byId === null ? -1 : byId[r];
    const firstByEmail = byEmail === null ? -1 : byEmail[r];
    if (firstById !== -1) found.add(r, firstById, SAME_ID);
    else if (firstByEmail !== -1) found.add(r, firstByEmail, SAME_EMAIL);
  }
  return found.done();
}

/** Report what findUsers found: NO_USER_KEY and DUPLICATE_USER, naming the key and the first row. */
export function reportUsers(check: UserCheck, table: Pick<CsvTable, 'cell'>, columns: Pick<ColumnMap, 'userId' | 'email'>, sink: FindingSink): void {
  const idColumn = columns.userId;
  const emailColumn = columns.email;
  const { rows, firsts, keys } = check;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (keys[i] === NO_KEY) {
      const column = emailColumn >= 0 ? emailColumn : idColumn;
      if (sink.count('NO_USER_KEY')) sink.add({ code: 'NO_USER_KEY', record: r, column, value: column >= 0 ? table.cell(r, column) : null });
    } else if (sink.count('DUPLICATE_USER')) {
      const byId = keys[i] === SAME_ID;
      const cell = table.cell(r, byId ? idColumn : emailColumn);
      sink.add({ code: 'DUPLICATE_USER', record: r, column: byId ? idColumn : emailColumn, value: cell, firstRecord: firsts[i], key: byId ? 'userId' : 'email', keyValue: byId ? userIdKey(cell) : cell.trim() });
    }
  }
}

/** Check every record once (findUsers) and report into `sink` (reportUsers). */
export function checkUsers(table: Pick<CsvTable, 'rowCount' | 'cell'>, columns: Pick<ColumnMap, 'userId' | 'email'>, skip: Uint8Array, sink: FindingSink, hashes?: KeyHashes): void {
  reportUsers(findUsers(table, columns, skip, hashes), table, columns, sink);
}

/** Flagged rows as they are found (typed arrays that grow). */
class Flagged {
  private rows = new Int32Array(64);
  private firsts = new Int32Array(64);
  private keys = new Uint8Array(64);
  private count = 0;

  add(row: number, first: number, key: number): void {
    if (this.count === this.rows.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.rows = grow(this.rows, (n) => new Int32Array(n));
      this.firsts = grow(this.firsts, (n) => new Int32Array(n));
      this.keys = grow(this.keys, (n) => new Uint8Array(n));
    }
    this.rows[this.count] = row;
    this.firsts[this.count] = first;
    this.keys[this.count] = key;
    this.count++;
  }

  done(): UserCheck {
    return { rows: this.rows.slice(0, this.count), firsts: this.firsts.slice(0, this.count), keys: this.keys.slice(0, this.count) };
  }
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
