// The editable migration: the loaded rows, their findings and the seat counters, kept up to date
// one edit at a time without re-validating the file (SPEC "The rules", STYLE.md "The data path").
import { NO_LICENSE, PlanIndex, UNKNOWN_LICENSE, type AddOnsValue, type LicenseValue } from '../plan/planIndex';
import type { Plan } from '../plan/plan';
import { FirstRowTable } from '../text/keyTable';
import { foldName } from '../text/names';
import { CODE_ORDER, SEVERITY, type Finding } from '../validation/codes';
import type { LoadedExport } from './load';
import { compareWithOriginal, userLabel } from './original';

export interface SeatUsage {
  readonly kind: 'license' | 'addOn';
  readonly name: string;
  readonly assigned: number;
  readonly seats: number;
}

/** One row's new values; a field left out keeps its value. Values are cell text. */
export interface CellChange {
  readonly row: number;
  readonly license?: string;
  readonly addOns?: string;
}

export interface AppliedChange {
  /** Rows whose values changed (indexes into the session's rows). */
  readonly rows: readonly number[];
  /** The changes that put every row back as it was: apply them to undo. */
  readonly undo: readonly CellChange[];
}

export interface SessionOptions {
  readonly original?: LoadedExport | null;
  /** The admin's own email; null when not known (SELF_UNKNOWN). */
  readonly me?: string | null;
}

export const ROW_OK = 0;
export const ROW_WARNING = 1;
export const ROW_ERROR = 2;

const codeRank = new Map(CODE_ORDER.map((code, i) => [code, i]));
const byCode = (a: Finding, b: Finding): number => codeRank.get(a.code)! - codeRank.get(b.code)!;

export class MigrationSession {
  readonly rowCount: number;
  /** Current New License / New Add-ons cell text of each row (edits change these, never the records). */
  private readonly license: string[];
  private readonly addOns: string[];
  private index: PlanIndex;
  private me: string | null;
  private meRows = new Set<number>();
  private emailRows: Map<string, number[]> | null = null;
  private readonly malformed: Set<number>;
  private readonly malformedRow: Uint8Array;
  private readonly staticRow: Map<number, Finding[]>;
  private readonly staticFile: Finding[];
  private readonly staticSeverity: Uint8Array;
  private staticErrors = 0;
  private staticWarnings = 0;
  private readonly dynErrors: Uint16Array;
  private readonly dynWarnings: Uint16Array;
  private dynErrorTotal = 0;
  private dynWarningTotal = 0;
  private readonly seatLicense: Int16Array;
  private readonly seatMask: Int32Array;
  private licenseAssigned: Int32Array;
  private addOnAssigned: Int32Array;
  /** Rows whose New License / New Add-ons differ from the file's: what saved progress records. */
  private readonly edited = new Set<number>();
  private assigned = 0;
  /** Bumped by every change: the renderer's cue to re-read. */
  revision = 0;

  constructor(
    readonly source: LoadedExport,
    plan: Plan,
    options: SessionOptions = {},
  ) {
    const { records } = source.table;
    const { columns } = source;
    const n = records.length;
    this.rowCount = n;
    this.index = new PlanIndex(plan);
    this.me = normalizeEmail(options.me);
    this.license = new Array<string>(n);
    this.addOns = new Array<string>(n);
    this.dynErrors = new Uint16Array(n);
    this.dynWarnings = new Uint16Array(n);
    this.seatLicense = new Int16Array(n).fill(-1);
    this.seatMask = new Int32Array(n);
    this.licenseAssigned = new Int32Array(plan.licenses.length);
    this.addOnAssigned = new Int32Array(plan.addOns.length);
    this.staticSeverity = new Uint8Array(n);
    this.malformedRow = new Uint8Array(n);

    // Findings that no edit of New License / New Add-ons can change, computed once.
    this.staticRow = new Map();
    this.staticFile = [...source.fileFindings];
    this.malformed = new Set();
    for (const m of source.table.malformed) {
      this.malformed.add(m.record);
      this.malformedRow[m.record] = 1;
      this.addStatic(m.record, { code: 'MALFORMED_ROW', row: this.rowNumber(m.record), column: null, user: null, value: null, kind: m.kind, fields: m.fields, expected: columns.width, line: m.line, lastLine: m.lastLine });
    }
    if (options.original) {
      const comparison = compareWithOriginal(source, options.original, this.malformed);
      for (const [r, findings] of comparison.rowFindings) for (const f of findings) this.addStatic(r, f);
      this.staticFile.push(...comparison.fileFindings);
    }
    for (const f of this.staticFile) {
      if (SEVERITY[f.code] === 'error') this.staticErrors++;
      else this.staticWarnings++;
    }

    // One pass over the rows (measured: separate passes cost twice as much at 1,000,000 users):
    // our two cells, duplicate users, the admin's own row, then the row's rules and seats.
    const seen = new FirstRowTable(n);
    const target = this.me === null ? null : foldName(this.me);
    const emailColumn = columns.email;
    const idColumn = columns.userId;
    const licenseColumn = columns.newLicense;
    const addOnsColumn = columns.newAddOns;
    for (let r = 0; r < n; r++) {
      const record = records[r];
      const license = record[licenseColumn] ?? '';
      this.license[r] = license;
      this.addOns[r] = record[addOnsColumn] ?? '';
      if (license !== '' && license.trim() !== '') this.assigned++;
      if (this.malformedRow[r] === 1) continue;
      this.checkDuplicate(seen, record, r, idColumn, emailColumn);
      if (target !== null && emailColumn >= 0 && sameEmail(record[emailColumn] ?? '', target)) this.meRows.add(r);
      this.evaluateRow(r);
    }
  }

  // ---- reading ----------------------------------------------------------------------------

  get plan(): Plan {
    return this.index.plan;
  }

  get planIndex(): PlanIndex {
    return this.index;
  }

  get myEmail(): string | null {
    return this.me;
  }

  /** Spreadsheet row of a session row (header = 1, first user = 2; blank rows still count). */
  rowNumber(r: number): number {
    return this.source.table.recordIndex[r] + 1;
  }

  /** The cell of a row as it will be written: our two columns as edited, every other as in the file. */
  cell(r: number, column: number): string {
    const { columns } = this.source;
    if (column === columns.newLicense) return this.license[r];
    if (column === columns.newAddOns) return this.addOns[r];
    return this.source.table.records[r][column] ?? '';
  }

  licenseOf(r: number): string {
    return this.license[r];
  }

  addOnsOf(r: number): string {
    return this.addOns[r];
  }

  userOf(r: number): string | null {
    return userLabel(this.source, this.source.table.records[r]);
  }

  /** Rows whose New License / New Add-ons now differ from the file's (no scan: kept up to date by edits). */
  editedRows(): ReadonlySet<number> {
    return this.edited;
  }

  /** Rows with a New License (any text): "1,204 of 1,530 users assigned". */
  get assignedCount(): number {
    return this.assigned;
  }

  /** The row's Current License, trimmed ('' when none or the file has no such column). */
  currentLicenseOf(r: number): string {
    const column = this.source.columns.currentLicense;
    return column >= 0 ? (this.source.table.records[r][column] ?? '').trim() : '';
  }

  /** LOSES_ACCESS: a Current License today and no New License ("No License Assigned", cannot log in). */
  losesAccess(r: number): boolean {
    return !this.malformedRow[r] && this.index.license(this.license[r]).index === NO_LICENSE && this.currentLicenseOf(r) !== '';
  }

  isMalformed(r: number): boolean {
    return this.malformed.has(r);
  }

  /** ROW_OK, ROW_WARNING or ROW_ERROR. */
  rowSeverity(r: number): number {
    const dynamic = this.dynErrors[r] > 0 ? ROW_ERROR : this.dynWarnings[r] > 0 ? ROW_WARNING : ROW_OK;
    return Math.max(dynamic, this.staticSeverity[r]);
  }

  findingsForRow(r: number): Finding[] {
    const out: Finding[] = [...(this.staticRow.get(r) ?? [])];
    this.evaluate(r, out);
    return out.sort(byCode);
  }

  /** File-level findings (empty file, header, encoding, seats, self, removed users), most important first. */
  fileFindings(): Finding[] {
    const out = [...this.staticFile, ...this.seatFindings(), ...this.selfFileFindings()];
    return out.sort(byCode);
  }

  /** Every finding: file-level first, then by row. O(rows): for reports, not for each keystroke. */
  allFindings(): Finding[] {
    const out = this.fileFindings();
    for (let r = 0; r < this.rowCount; r++) {
      if (this.rowSeverity(r) !== ROW_OK) for (const f of this.findingsForRow(r)) out.push(f);
    }
    return out;
  }

  counts(): { errors: number; warnings: number } {
    let errors = this.staticErrors + this.dynErrorTotal;
    for (const s of this.seatUsage()) if (s.assigned > s.seats) errors++;
    const self = this.selfFileFindings();
    for (const f of self) if (SEVERITY[f.code] === 'error') errors++;
    const warnings = this.staticWarnings + this.dynWarningTotal + self.filter((f) => SEVERITY[f.code] === 'warning').length;
    return { errors, warnings };
  }

  get valid(): boolean {
    return this.counts().errors === 0;
  }

  seatUsage(): SeatUsage[] {
    const plan = this.index.plan;
    return [
      ...plan.licenses.map((l, i) => ({ kind: 'license' as const, name: l.name, assigned: this.licenseAssigned[i], seats: l.seats })),
      ...plan.addOns.map((a, i) => ({ kind: 'addOn' as const, name: a.name, assigned: this.addOnAssigned[i], seats: a.seats })),
    ];
  }

  // ---- editing ----------------------------------------------------------------------------

  /** Apply cell changes: updates only those rows' findings and the counters. */
  applyChanges(changes: readonly CellChange[]): AppliedChange {
    const rows: number[] = [];
    const undo: CellChange[] = [];
    for (const change of changes) {
      const r = change.row;
      if (!(r >= 0 && r < this.rowCount)) continue;
      const license = change.license ?? this.license[r];
      const addOns = change.addOns ?? this.addOns[r];
      if (license === this.license[r] && addOns === this.addOns[r]) continue;
      undo.push({ row: r, license: this.license[r], addOns: this.addOns[r] });
      this.unevaluate(r);
      if (this.license[r].trim() !== '') this.assigned--;
      if (license.trim() !== '') this.assigned++;
      this.license[r] = license;
      this.addOns[r] = addOns;
      const record = this.source.table.records[r];
      const { columns } = this.source;
      if (license === (record[columns.newLicense] ?? '') && addOns === (record[columns.newAddOns] ?? '')) this.edited.delete(r);
      else this.edited.add(r);
      this.evaluateRow(r);
      rows.push(r);
    }
    if (rows.length > 0) this.revision++;
    return { rows, undo: undo.reverse() };
  }

  /** What the seat counters would be after `changes`, without applying them (for "map by current license"). */
  previewSeats(changes: readonly CellChange[]): SeatUsage[] {
    const licenses = Int32Array.from(this.licenseAssigned);
    const addOns = Int32Array.from(this.addOnAssigned);
    const seen = new Set<number>();
    for (const change of changes) {
      const r = change.row;
      if (!(r >= 0 && r < this.rowCount) || seen.has(r) || this.malformed.has(r)) continue;
      seen.add(r);
      this.contribute(licenses, addOns, this.seatLicense[r], this.seatMask[r], -1);
      const lic = this.index.license(change.license ?? this.license[r]);
      const mask = lic.index >= 0 ? this.index.addOns(change.addOns ?? this.addOns[r]).mask : 0;
      this.contribute(licenses, addOns, lic.index >= 0 ? lic.index : -1, mask, 1);
    }
    const plan = this.index.plan;
    return [
      ...plan.licenses.map((l, i) => ({ kind: 'license' as const, name: l.name, assigned: licenses[i], seats: l.seats })),
      ...plan.addOns.map((a, i) => ({ kind: 'addOn' as const, name: a.name, assigned: addOns[i], seats: a.seats })),
    ];
  }

  /** A new plan re-checks every row: names may have changed meaning. */
  setPlan(plan: Plan): void {
    this.index = new PlanIndex(plan);
    this.licenseAssigned = new Int32Array(plan.licenses.length);
    this.addOnAssigned = new Int32Array(plan.addOns.length);
    this.evaluateAll();
    this.revision++;
  }

  setMe(email: string | null): void {
    const before = [...this.meRows];
    this.me = normalizeEmail(email);
    this.bindMe();
    for (const r of new Set([...before, ...this.meRows])) {
      this.unevaluate(r);
      this.evaluateRow(r);
    }
    this.revision++;
  }

  /** Rows whose email is `email` (case-insensitive). */
  rowsWithEmail(email: string): readonly number[] {
    if (this.emailRows === null) {
      this.emailRows = new Map();
      const column = this.source.columns.email;
      if (column >= 0) {
        const records = this.source.table.records;
        for (let r = 0; r < this.rowCount; r++) {
          const key = foldName(records[r][column] ?? '');
          if (key === '') continue;
          const list = this.emailRows.get(key);
          if (list) list.push(r);
          else this.emailRows.set(key, [r]);
        }
      }
    }
    return this.emailRows.get(foldName(email)) ?? [];
  }

  // ---- rules --------------------------------------------------------------------------------

  private addStatic(r: number, finding: Finding): void {
    const list = this.staticRow.get(r);
    if (list) list.push(finding);
    else this.staticRow.set(r, [finding]);
    if (SEVERITY[finding.code] === 'error') {
      this.staticErrors++;
      this.staticSeverity[r] = ROW_ERROR;
    } else {
      this.staticWarnings++;
      if (this.staticSeverity[r] === ROW_OK) this.staticSeverity[r] = ROW_WARNING;
    }
  }

  /** DUPLICATE_USER: a user key seen on an earlier row (User ID when the file has one, else Email). */
  private checkDuplicate(seen: FirstRowTable, record: readonly string[], r: number, idColumn: number, emailColumn: number): void {
    let key = idColumn >= 0 ? (record[idColumn] ?? '') : '';
    let column = idColumn;
    if (key !== '' && (key.charCodeAt(0) <= 32 || key.charCodeAt(key.length - 1) <= 32)) key = key.trim();
    if (key === '') {
      key = emailColumn >= 0 ? foldName(record[emailColumn] ?? '') : '';
      column = emailColumn;
      if (key === '') return;
      key = '@' + key;
    }
    const first = seen.firstOrAdd(key, r);
    if (first !== -1) {
      const value = record[column] ?? '';
      this.addStatic(r, { code: 'DUPLICATE_USER', row: this.rowNumber(r), column: this.source.columns.names[column], user: this.userOf(r), value, firstRow: this.rowNumber(first), key: value.trim() });
    }
  }

  /** The admin's rows: one pass comparing against the folded email, without indexing every email. */
  private bindMe(): void {
    this.meRows = new Set();
    const column = this.source.columns.email;
    if (this.me === null || column < 0) return;
    if (this.emailRows !== null) {
      for (const r of this.rowsWithEmail(this.me)) if (!this.malformed.has(r)) this.meRows.add(r);
      return;
    }
    const target = foldName(this.me);
    const records = this.source.table.records;
    for (let r = 0; r < this.rowCount; r++) {
      if (sameEmail(records[r][column] ?? '', target) && !this.malformed.has(r)) this.meRows.add(r);
    }
  }

  private selfFileFindings(): Finding[] {
    // No rows or no Email column: EMPTY_FILE / MISSING_COLUMN already say so; the self rule has nothing to check.
    if (this.rowCount === 0 || this.source.columns.email < 0) return [];
    if (this.me === null) return [{ code: 'SELF_UNKNOWN', row: null, column: null, user: null, value: null }];
    if (this.meRows.size === 0) {
      const column = this.source.columns.email >= 0 ? this.source.columns.names[this.source.columns.email] : null;
      return [{ code: 'SELF_NOT_FOUND', row: null, column, user: this.me, value: this.me, email: this.me }];
    }
    return [];
  }

  private seatFindings(): Finding[] {
    const { columns } = this.source;
    return this.seatUsage()
      .filter((s) => s.assigned > s.seats)
      .map((s) => ({
        code: 'SEATS_EXCEEDED' as const,
        row: null,
        column: columns.names[s.kind === 'license' ? columns.newLicense : columns.newAddOns],
        user: null,
        value: s.name,
        kind: s.kind,
        name: s.name,
        assigned: s.assigned,
        seats: s.seats,
      }));
  }

  private evaluateAll(): void {
    this.dynErrors.fill(0);
    this.dynWarnings.fill(0);
    this.dynErrorTotal = 0;
    this.dynWarningTotal = 0;
    this.licenseAssigned.fill(0);
    this.addOnAssigned.fill(0);
    this.seatLicense.fill(-1);
    this.seatMask.fill(0);
    for (let r = 0; r < this.rowCount; r++) this.evaluateRow(r);
  }

  private contribute(licenses: Int32Array, addOns: Int32Array, license: number, mask: number, sign: number): void {
    if (license < 0) return;
    licenses[license] += sign;
    for (let m = mask, i = 0; m !== 0; m >>>= 1, i++) if (m & 1) addOns[i] += sign;
  }

  private unevaluate(r: number): void {
    this.dynErrorTotal -= this.dynErrors[r];
    this.dynWarningTotal -= this.dynWarnings[r];
    this.dynErrors[r] = 0;
    this.dynWarnings[r] = 0;
    this.contribute(this.licenseAssigned, this.addOnAssigned, this.seatLicense[r], this.seatMask[r], -1);
    this.seatLicense[r] = -1;
    this.seatMask[r] = 0;
  }

  private evaluateRow(r: number): void {
    if (this.malformedRow[r] === 1) return;
    const lic = this.index.license(this.license[r]);
    const rawAddOns = this.addOns[r];
    const add = rawAddOns === '' ? null : this.index.addOns(rawAddOns);
    const packed = this.evaluate(r, null, lic, add);
    const errors = packed & 0xffff;
    const warnings = packed >>> 16;
    this.dynErrors[r] = errors;
    this.dynWarnings[r] = warnings;
    this.dynErrorTotal += errors;
    this.dynWarningTotal += warnings;
    if (lic.index >= 0) {
      const mask = add === null ? 0 : add.mask;
      this.seatLicense[r] = lic.index;
      this.seatMask[r] = mask;
      this.contribute(this.licenseAssigned, this.addOnAssigned, lic.index, mask, 1);
    }
  }

  /**
   * The rules on one row's New License / New Add-ons. Counts them (errors | warnings << 16)
   * and, when `out` is given, also writes them there: counting alone allocates nothing.
   */
  private evaluate(r: number, out: Finding[] | null, knownLicense?: LicenseValue, knownAddOns?: AddOnsValue | null): number {
    if (this.malformedRow[r] === 1) return 0;
    const { columns } = this.source;
    const rawLicense = this.license[r];
    const rawAddOns = this.addOns[r];
    const lic = knownLicense ?? this.index.license(rawLicense);
    const add = knownAddOns !== undefined ? knownAddOns : rawAddOns === '' ? null : this.index.addOns(rawAddOns);
    let errors = 0;
    let warnings = 0;
    const where = out ? { row: this.rowNumber(r), user: this.userOf(r) } : null;
    const licenseColumn = columns.names[columns.newLicense];
    const addOnsColumn = columns.names[columns.newAddOns];

    if (lic.index === UNKNOWN_LICENSE) {
      errors++;
      out?.push({ code: 'UNKNOWN_LICENSE', ...where!, column: licenseColumn, value: rawLicense, closest: lic.closest });
    } else if (rawLicense !== lic.canonical) {
      warnings++;
      out?.push({ code: 'NORMALIZED', ...where!, column: licenseColumn, value: rawLicense, canonical: lic.canonical });
    }
    if (add !== null) {
      for (const unknown of add.unknown) {
        errors++;
        out?.push({ code: 'UNKNOWN_ADDON', ...where!, column: addOnsColumn, value: rawAddOns, addOn: unknown.name, closest: unknown.closest });
      }
      for (const duplicate of add.duplicates) {
        errors++;
        out?.push({ code: 'DUPLICATE_ADDON', ...where!, column: addOnsColumn, value: rawAddOns, addOn: duplicate });
      }
      const any = add.mask !== 0 || add.unknown.length > 0;
      if (any && lic.index === NO_LICENSE) {
        errors++;
        out?.push({ code: 'ADDON_WITHOUT_LICENSE', ...where!, column: addOnsColumn, value: rawAddOns });
      } else if (any && lic.index >= 0 && !this.index.addOnsAllowed(lic.index)) {
        errors++;
        out?.push({ code: 'ADDON_NOT_ALLOWED', ...where!, column: addOnsColumn, value: rawAddOns, license: lic.canonical });
      }
      if (add.unknown.length === 0 && add.duplicates.length === 0 && rawAddOns !== add.canonical) {
        warnings++;
        out?.push({ code: 'NORMALIZED', ...where!, column: addOnsColumn, value: rawAddOns, canonical: add.canonical });
      }
    }
    if (lic.index === NO_LICENSE) {
      const current = this.currentLicenseOf(r);
      if (current !== '') {
        warnings++;
        out?.push({ code: 'LOSES_ACCESS', ...where!, column: licenseColumn, value: rawLicense, currentLicense: current });
      }
      if (this.meRows.has(r)) {
        errors++;
        out?.push({ code: 'SELF_UNLICENSED', ...where!, column: licenseColumn, value: rawLicense });
      }
    }
    return errors | (warnings << 16);
  }
}

/** Whether a cell holds `target` (already folded): exact ASCII case-insensitive compare, foldName only for odd cells. */
function sameEmail(cell: string, target: string): boolean {
  if (cell.length === target.length) {
    for (let i = 0; i < cell.length; i++) {
      let c = cell.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== target.charCodeAt(i)) return (c > 127 || c <= 32) && foldName(cell) === target;
    }
    return true;
  }
  if (cell.length <= target.length) return false;
  // Longer: only spaces or invisible characters around it (or non-ASCII) can fold it to the target.
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  if (first > 32 && first < 128 && last > 32 && last < 128 && !/[^\x21-\x7e]/.test(cell)) return false;
  return foldName(cell) === target;
}

function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = (email ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** Build a session: the whole file checked once; edits are incremental from then on. */
export function createSession(source: LoadedExport, plan: Plan, options: SessionOptions = {}): MigrationSession {
  return new MigrationSession(source, plan, options);
}
