// The editable migration: the loaded rows, their findings and the seat counters, kept up to date one
// edit at a time without re-validating the file. The session drives; the rules live in
// shared/validation (docs/rules.md) and report into sinks that count (per edit) or collect (to show).
import { PlanIndex, type AddOnsValue } from '../plan/planIndex';
import type { Plan } from '../plan/plan';
import { byCode, CODE_ORDER, SEVERITY, type Finding, type FindingCode, type PlacedFinding } from '../validation/codes';
import { checkUsers } from '../validation/duplicateUsers';
import { headerFindings, malformedFindings } from '../validation/fileRules';
import { compareWithOriginal } from '../validation/originalRules';
import { placeFinding, rowNumberOf, userLabel } from '../validation/place';
import { checkRow, currentLicenseName, emptyRowValues, type RowValues } from '../validation/rowRules';
import { SeatLedger, seatClaim, type SeatClaim, type SeatUsage } from '../validation/seats';
import { normalizeEmail, selfFindings } from '../validation/selfRules';
import { codeBit, FindingSink } from '../validation/sink';
import { emailKey } from '../validation/userKey';
import type { LoadedExport } from './load';

export type { SeatUsage } from '../validation/seats';

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

export class MigrationSession {
  readonly rowCount: number;
  /**
   * New License / New Add-ons cell text of each row once anything was edited (edits change these, never
   * the records); null until the first edit, so opening a file copies nothing.
   */
  private edits: { readonly license: string[]; readonly addOns: string[] } | null = null;
  private index: PlanIndex;
  private me: string | null;
  private meRows: Set<number>;
  private emailRows: Map<string, number[]> | null = null;
  /** 1 for a record that cannot be read (MALFORMED_ROW): no rule runs on it and it takes no seat. */
  private readonly malformed: Uint8Array;
  /** Findings no edit of New License / New Add-ons can change, computed once. */
  private readonly staticRow = new Map<number, Finding[]>();
  private readonly staticFile: Finding[];
  private readonly staticSeverity: Uint8Array;
  private readonly staticCodes: Int32Array;
  private staticErrors = 0;
  private staticWarnings = 0;
  /** The row rules' counts and codes per row, and their totals. */
  private readonly dynErrors: Uint16Array;
  private readonly dynWarnings: Uint16Array;
  private readonly dynCodes: Int32Array;
  private dynErrorTotal = 0;
  private dynWarningTotal = 0;
  /** Rows with each code (by CODE_ORDER index): "NORMALIZED · 120 rows". */
  private readonly rowsPerCode = new Int32Array(CODE_ORDER.length);
  private readonly seats: SeatLedger;
  /** Rows whose New License / New Add-ons differ from the file's: what saved progress records. */
  private readonly edited = new Set<number>();
  private assigned = 0;
  private readonly counter = new FindingSink();
  private readonly scratch: RowValues = emptyRowValues();
  /** Bumped by every change: the renderer's cue to re-read. */
  revision = 0;

  constructor(
    readonly source: LoadedExport,
    plan: Plan,
    options: SessionOptions = {},
  ) {
    const { table, columns } = source;
    const n = table.rowCount;
    this.rowCount = n;
    this.index = new PlanIndex(plan);
    this.me = normalizeEmail(options.me);
    this.dynErrors = new Uint16Array(n);
    this.dynWarnings = new Uint16Array(n);
    this.dynCodes = new Int32Array(n);
    this.staticSeverity = new Uint8Array(n);
    this.staticCodes = new Int32Array(n);
    this.malformed = new Uint8Array(n);
    this.seats = new SeatLedger(n, plan);
    for (const m of source.table.malformed) this.malformed[m.record] = 1;

    // Findings that no edit can change: the header, unreadable rows, users, the original export.
    const fixed = new FindingSink([...headerFindings(source), ...malformedFindings(source)]);
    const users = checkUsers(table, columns, this.malformed, fixed, source.keyHashes);
    if (options.original) compareWithOriginal(source, options.original, this.malformed, fixed);
    this.staticFile = [];
    for (const f of fixed.collected!) this.addStatic(f);
    // The admin's own row is the first row with their email (later ones are DUPLICATE_USER).
    const mine = this.me === null || columns.email < 0 ? -1 : users.firstWithEmail(this.me);
    this.meRows = new Set(mine >= 0 ? [mine] : []);

    this.evaluateAll();
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
    return rowNumberOf(this.source, r);
  }

  /** The cell of a row as it will be written: our two columns as edited, every other as in the file. */
  cell(r: number, column: number): string {
    const { columns } = this.source;
    if (column === columns.newLicense) return this.licenseOf(r);
    if (column === columns.newAddOns) return this.addOnsOf(r);
    return this.source.table.cell(r, column);
  }

  licenseOf(r: number): string {
    return this.edits !== null ? this.edits.license[r] : this.source.table.cell(r, this.source.columns.newLicense);
  }

  addOnsOf(r: number): string {
    return this.edits !== null ? this.edits.addOns[r] : this.source.table.cell(r, this.source.columns.newAddOns);
  }

  userOf(r: number): string | null {
    return userLabel(this.source, r);
  }

  /** Rows whose New License / New Add-ons now differ from the file's (no scan: kept up to date by edits). */
  editedRows(): ReadonlySet<number> {
    return this.edited;
  }

  /** Readable rows with a New License (any text): "1,204 of 1,530 users assigned". */
  get assignedCount(): number {
    return this.assigned;
  }

  /** The license the row's user holds today ('' for none, "No License Assigned" included). */
  currentLicenseOf(r: number): string {
    const column = this.source.columns.currentLicense;
    return column >= 0 ? currentLicenseName(this.source.table.cell(r, column)) : '';
  }

  /** Whether the row has a finding of `code` now (O(1): kept per row by every edit). */
  hasCode(r: number, code: FindingCode): boolean {
    return ((this.dynCodes[r] | this.staticCodes[r]) & codeBit(code)) !== 0;
  }

  /** Rows with a finding of `code` (row-level codes; file-level ones are in fileFindings()). */
  rowsWithCode(code: FindingCode): number {
    return this.rowsPerCode[CODE_ORDER.indexOf(code)];
  }

  /** LOSES_ACCESS: a license today and no New License ("No License Assigned", cannot log in). */
  losesAccess(r: number): boolean {
    return this.hasCode(r, 'LOSES_ACCESS');
  }

  isMalformed(r: number): boolean {
    return this.malformed[r] === 1;
  }

  /** ROW_OK, ROW_WARNING or ROW_ERROR. */
  rowSeverity(r: number): number {
    const dynamic = this.dynErrors[r] > 0 ? ROW_ERROR : this.dynWarnings[r] > 0 ? ROW_WARNING : ROW_OK;
    return Math.max(dynamic, this.staticSeverity[r]);
  }

  findingsForRow(r: number): Finding[] {
    const out: Finding[] = [...(this.staticRow.get(r) ?? [])];
    if (this.malformed[r] !== 1) checkRow(this.rowValues(r), this.index, this.source.columns, new FindingSink(out));
    return out.sort(byCode);
  }

  /** File-level findings (empty file, header, encoding, seats, self, removed users), most important first. */
  fileFindings(): Finding[] {
    const sink = new FindingSink([...this.staticFile]);
    this.reportFileLevel(sink);
    return sink.collected!.sort(byCode);
  }

  /** Every finding, file-level first, then row by row: a stream, so a report never holds them all. */
  *findings(): Generator<Finding> {
    yield* this.fileFindings();
    for (let r = 0; r < this.rowCount; r++) {
      if (this.rowSeverity(r) !== ROW_OK) yield* this.findingsForRow(r);
    }
  }

  /** Every finding as one array. O(rows): for reports, not for each keystroke. */
  allFindings(): Finding[] {
    return [...this.findings()];
  }

  /** A finding as people read it: spreadsheet row, column label, user. */
  place(f: Finding): PlacedFinding {
    return placeFinding(f, this.source);
  }

  counts(): { errors: number; warnings: number } {
    const sink = new FindingSink();
    this.reportFileLevel(sink);
    return { errors: this.staticErrors + this.dynErrorTotal + sink.errors, warnings: this.staticWarnings + this.dynWarningTotal + sink.warnings };
  }

  get valid(): boolean {
    return this.counts().errors === 0;
  }

  seatUsage(): SeatUsage[] {
    return this.seats.usage();
  }

  /** Whether row `r` takes a seat of the plan's license (or add-on) at `index`: "who holds Meet". */
  holds(r: number, kind: 'license' | 'addOn', index: number): boolean {
    return this.seats.holds(r, kind, index);
  }

  // ---- editing ----------------------------------------------------------------------------

  /** Apply cell changes: updates only those rows' findings and the counters. */
  applyChanges(changes: readonly CellChange[]): AppliedChange {
    const rows: number[] = [];
    const undo: CellChange[] = [];
    const { columns, table } = this.source;
    const cells = this.cellsForEditing();
    for (const change of changes) {
      const r = change.row;
      if (!(r >= 0 && r < this.rowCount)) continue;
      const license = change.license ?? cells.license[r];
      const addOns = change.addOns ?? cells.addOns[r];
      if (license === cells.license[r] && addOns === cells.addOns[r]) continue;
      undo.push({ row: r, license: cells.license[r], addOns: cells.addOns[r] });
      this.unevaluate(r);
      cells.license[r] = license;
      cells.addOns[r] = addOns;
      if (license === table.cell(r, columns.newLicense) && addOns === table.cell(r, columns.newAddOns)) this.edited.delete(r);
      else this.edited.add(r);
      this.evaluateRow(r);
      rows.push(r);
    }
    if (rows.length > 0) this.revision++;
    return { rows, undo: undo.reverse() };
  }

  /** What the seat counters would be after `changes`, without applying them (for previews of bulk edits). */
  previewSeats(changes: readonly CellChange[]): SeatUsage[] {
    const claims: [number, SeatClaim][] = [];
    for (const change of changes) {
      const r = change.row;
      if (!(r >= 0 && r < this.rowCount) || this.malformed[r] === 1) continue;
      const lic = this.index.license(change.license ?? this.licenseOf(r));
      const addOns = change.addOns ?? this.addOnsOf(r);
      claims.push([r, seatClaim(lic, addOns === '' ? null : this.index.addOns(addOns), this.index)]);
    }
    return this.seats.preview(claims);
  }

  /** A new plan re-checks every row: names may have changed meaning. */
  setPlan(plan: Plan): void {
    this.index = new PlanIndex(plan);
    this.seats.reset(plan);
    this.evaluateAll();
    this.revision++;
  }

  setMe(email: string | null): void {
    const before = this.meRows;
    this.me = normalizeEmail(email);
    const mine = this.me === null ? undefined : this.rowsWithEmail(this.me).find((r) => this.malformed[r] !== 1);
    this.meRows = new Set(mine === undefined ? [] : [mine]);
    for (const r of new Set([...before, ...this.meRows])) {
      this.unevaluate(r);
      this.evaluateRow(r);
    }
    this.revision++;
  }

  /** Rows whose email is `email` (any case). The index is built on first use only. */
  rowsWithEmail(email: string): readonly number[] {
    if (this.emailRows === null) {
      this.emailRows = new Map();
      const column = this.source.columns.email;
      if (column >= 0) {
        const { table } = this.source;
        for (let r = 0; r < this.rowCount; r++) {
          const key = emailKey(table.cell(r, column));
          if (key === '') continue;
          const list = this.emailRows.get(key);
          if (list) list.push(r);
          else this.emailRows.set(key, [r]);
        }
      }
    }
    return this.emailRows.get(emailKey(email)) ?? [];
  }

  // ---- driving the rules --------------------------------------------------------------------

  private addStatic(f: Finding): void {
    const error = SEVERITY[f.code] === 'error';
    if (error) this.staticErrors++;
    else this.staticWarnings++;
    const r = f.record;
    if (r === null || r < 0) {
      this.staticFile.push(f);
      return;
    }
    const list = this.staticRow.get(r);
    if (list) list.push(f);
    else this.staticRow.set(r, [f]);
    const bit = codeBit(f.code);
    if ((this.staticCodes[r] & bit) === 0) {
      this.staticCodes[r] |= bit;
      this.rowsPerCode[CODE_ORDER.indexOf(f.code)]++;
    }
    if (error) this.staticSeverity[r] = ROW_ERROR;
    else if (this.staticSeverity[r] === ROW_OK) this.staticSeverity[r] = ROW_WARNING;
  }

  /** Seats over the plan and the admin's own rows: file-level findings that edits change. */
  private reportFileLevel(sink: FindingSink): void {
    this.seats.report(sink, this.source.columns);
    for (const f of selfFindings(this.rowCount, this.source.columns, this.me, this.meRows)) sink.report(f);
  }

  /** The decoded values of row `r`, in the reused scratch object. */
  private rowValues(r: number, add?: AddOnsValue | null): RowValues {
    const row = this.scratch;
    const { columns, table } = this.source;
    row.record = r;
    row.license = this.edits !== null ? this.edits.license[r] : table.cell(r, columns.newLicense);
    row.addOns = this.edits !== null ? this.edits.addOns[r] : table.cell(r, columns.newAddOns);
    row.lic = this.index.license(row.license);
    row.add = add !== undefined ? add : row.addOns === '' ? null : this.index.addOns(row.addOns);
    row.currentLicense = columns.currentLicense >= 0 ? table.cell(r, columns.currentLicense) : '';
    row.currentAddOns = columns.currentAddOns >= 0 ? table.cell(r, columns.currentAddOns) : '';
    row.isMe = this.meRows.has(r);
    return row;
  }

  /** The editable copy of our two columns, made on the first edit. */
  private cellsForEditing(): { readonly license: string[]; readonly addOns: string[] } {
    if (this.edits === null) {
      const n = this.rowCount;
      const license = new Array<string>(n);
      const addOns = new Array<string>(n);
      for (let r = 0; r < n; r++) {
        license[r] = this.licenseOf(r);
        addOns[r] = this.addOnsOf(r);
      }
      this.edits = { license, addOns };
    }
    return this.edits;
  }

  private evaluateAll(): void {
    this.assigned = 0;
    this.dynErrors.fill(0);
    this.dynWarnings.fill(0);
    this.dynErrorTotal = 0;
    this.dynWarningTotal = 0;
    this.dynCodes.fill(0);
    this.rowsPerCode.fill(0);
    for (let r = 0; r < this.rowCount; r++) {
      if (this.staticCodes[r] !== 0) this.countCodes(this.staticCodes[r], 1);
      this.evaluateRow(r);
    }
  }

  private countCodes(mask: number, sign: number): void {
    for (let m = mask, i = 0; m !== 0; m >>>= 1, i++) if (m & 1) this.rowsPerCode[i] += sign;
  }

  private unevaluate(r: number): void {
    if (this.malformed[r] !== 1 && isAssigned(this.licenseOf(r))) this.assigned--;
    this.dynErrorTotal -= this.dynErrors[r];
    this.dynWarningTotal -= this.dynWarnings[r];
    this.dynErrors[r] = 0;
    this.dynWarnings[r] = 0;
    this.countCodes(this.dynCodes[r] & ~this.staticCodes[r], -1);
    this.dynCodes[r] = 0;
    this.seats.release(r);
  }

  private evaluateRow(r: number): void {
    if (this.malformed[r] === 1) return;
    const row = this.rowValues(r);
    if (isAssigned(row.license)) this.assigned++;
    const sink = this.counter;
    sink.reset();
    checkRow(row, this.index, this.source.columns, sink);
    this.dynErrors[r] = sink.errors;
    this.dynWarnings[r] = sink.warnings;
    this.dynErrorTotal += sink.errors;
    this.dynWarningTotal += sink.warnings;
    this.dynCodes[r] = sink.codes;
    this.countCodes(sink.codes & ~this.staticCodes[r], 1);
    const claim = seatClaim(row.lic, row.add, this.index);
    if (claim.license >= 0) this.seats.claim(r, claim.license, claim.mask);
  }
}

/** A New License cell with any text: the row counts as assigned. */
const isAssigned = (license: string): boolean => license !== '' && license.trim() !== '';

/** Build a session: the whole file checked once; edits are incremental from then on. */
export function createSession(source: LoadedExport, plan: Plan, options: SessionOptions = {}): MigrationSession {
  return new MigrationSession(source, plan, options);
}
