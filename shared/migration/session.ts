// The editable migration: the loaded rows, their findings and the seat counters, kept up to date one
// edit at a time without re-validating the file. The session drives; the rules live in
// shared/validation (docs/rules.md) and report into sinks that count (per edit) or collect (to show).
import { PlanIndex, type AddOnsValue } from '../plan/planIndex';
import type { Plan } from '../plan/plan';
import { byCode, CODE_ORDER, SEVERITY, type Finding, type FindingCode, type PlacedFinding } from '../validation/codes';
import { findUsers, reportUsers } from '../validation/duplicateUsers';
import { headerFindings, malformedFindings } from '../validation/fileRules';
import { compareWithOriginal, type OriginalMatch } from '../validation/originalRules';
import { placeFinding, rowNumberOf, userLabel } from '../validation/place';
import { checkRow, currentLicenseName, emptyRowValues, type RowValues } from '../validation/rowRules';
import { SeatLedger, seatClaim, type SeatClaim, type SeatUsage } from '../validation/seats';
import { normalizeEmail, selfFindings } from '../validation/selfRules';
import { codeBit, FindingSink } from '../validation/sink';
import { emailHash, emailKey } from '../validation/userKey';
import type { LoadedExport } from './load';

export type { SeatUsage } from '../validation/seats';

/**
 * One row's new values; a field left out keeps its value. Values are cell text. The repair fields
 * (docs/rules.md "Repairing a file against the original") set a row's whole state, so the change that
 * undoes one is the state before it; with `row` -1 a change is about the file as a whole.
 */
export interface CellChange {
  readonly row: number;
  readonly license?: string;
  readonly addOns?: string;
  /** The row's locked columns shown and written as in the original export (every restored column of the row). */
  readonly restored?: readonly number[];
  /** The row is left out of the migration: a user the original lacks, a repeated or an unreadable row. */
  readonly excluded?: boolean;
  /** File: the original records of removed users put back (every one of them). */
  readonly putBack?: readonly number[];
  /** File: the columns are written as the original export's (a column added, removed or moved). */
  readonly layout?: boolean;
}

/** The repairs in force (MigrationSession.repairState), as saved progress keeps them. */
export interface RepairState {
  readonly restored: readonly (readonly [row: number, columns: readonly number[]])[];
  readonly excluded: readonly number[];
  readonly putBack: readonly number[];
  readonly layout: boolean;
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
  /** The plan as given (its mapping and remembered columns too; the index is of its licenses and add-ons). */
  private planValue: Plan;
  private me: string | null;
  private meRows: Set<number>;
  private emailRows: Map<string, number[]> | null = null;
  /** rowsWithEmail's answers, by email key. */
  private readonly emailAnswers = new Map<string, readonly number[]>();
  /** 1 for a record that cannot be read (MALFORMED_ROW): no rule runs on it and it takes no seat. */
  private readonly malformed: Uint8Array;
  /** Findings no edit of New License / New Add-ons can change, computed once (a repair resolves some of them). */
  private readonly staticRow = new Map<number, Finding[]>();
  private readonly staticFile: Finding[];
  /** Unresolved static errors and warnings per row with static findings, and of the file. */
  private readonly staticCounts = new Map<number, [errors: number, warnings: number]>();
  private fileCounts: [errors: number, warnings: number] = [0, 0];
  /** The original export the file is compared with, and how their rows and columns pair. */
  readonly original: LoadedExport | null;
  readonly originalMatch: OriginalMatch | null;
  /** Repair: restored locked columns per row, rows left out, removed users put back, the original's columns. */
  private readonly restoredCells = new Map<number, readonly number[]>();
  private readonly excluded: Uint8Array;
  /** Rows left out now (so saving progress scans `excluded` only when some are). */
  private excludedCount = 0;
  private putBack: ReadonlySet<number> = new Set();
  private layout = false;
  /** Original record of each USER_REMOVED finding, by its originalRow. */
  private readonly removedRecord = new Map<number, number>();
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
  /** 1 for a row whose New License / New Add-ons differ from the file's (made at the first edit). */
  private edited: Uint8Array | null = null;
  private assigned = 0;
  private readonly counter = new FindingSink();
  private readonly scratch: RowValues = emptyRowValues();
  /** Bumped by every change: the renderer's cue to re-read. */
  revision = 0;

  /** `rowsLater`: leave checking the rows to evaluateRows (inSlices); the session is not usable until then. */
  constructor(
    readonly source: LoadedExport,
    plan: Plan,
    options: SessionOptions = {},
    rowsLater = false,
  ) {
    const { table, columns } = source;
    const n = table.rowCount;
    this.rowCount = n;
    this.index = new PlanIndex(plan);
    this.planValue = plan;
    this.me = normalizeEmail(options.me);
    this.dynErrors = new Uint16Array(n);
    this.dynWarnings = new Uint16Array(n);
    this.dynCodes = new Int32Array(n);
    this.staticSeverity = new Uint8Array(n);
    this.staticCodes = new Int32Array(n);
    this.malformed = new Uint8Array(n);
    this.excluded = new Uint8Array(n);
    this.seats = new SeatLedger(n, plan);
    for (const m of source.table.malformed) this.malformed[m.record] = 1;

    // Findings that no edit can change: the header, unreadable rows, users, the original export.
    const fixed = new FindingSink([...headerFindings(source), ...malformedFindings(source)]);
    reportUsers(source.userCheck ?? findUsers(table, columns, this.malformed, source.keyHashes), table, columns, fixed);
    this.original = options.original ?? null;
    this.originalMatch = options.original ? compareWithOriginal(source, options.original, this.malformed, fixed) : null;
    for (const o of this.originalMatch?.removed ?? []) this.removedRecord.set(options.original!.table.recordIndex[o] + 1, o);
    this.staticFile = [];
    for (const f of fixed.collected!) this.addStatic(f);
    // The admin's own row is the first row with their email (later ones are DUPLICATE_USER).
    const mine = this.me === null ? -1 : (this.rowsWithEmail(this.me).find((r) => this.isActive(r)) ?? -1);
    this.meRows = new Set(mine >= 0 ? [mine] : []);

    if (rowsLater) this.resetCounts();
    else this.evaluateAll();
  }

  /** createSessionInSlices: the rows checked `sliceRows` at a time, `pause()` awaited before each slice. */
  static async inSlices(source: LoadedExport, plan: Plan, options: SessionOptions, pause: () => Promise<void>, sliceRows: number, stopped: () => boolean): Promise<MigrationSession | null> {
    const session = new MigrationSession(source, plan, options, true);
    for (let from = 0; from < session.rowCount; from += sliceRows) {
      await pause();
      if (stopped()) return null;
      session.evaluateRows(from, Math.min(session.rowCount, from + sliceRows));
    }
    return session;
  }

  // ---- reading ----------------------------------------------------------------------------

  get plan(): Plan {
    return this.planValue;
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
    if (this.restoredCells.size > 0 && this.restoredCells.get(r)?.includes(column)) return this.originalCell(r, column);
    return this.source.table.cell(r, column);
  }

  /** The original export's value of a locked cell (its user's row, the column of the same header), or the file's. */
  originalCell(r: number, column: number): string {
    const match = this.originalMatch;
    const o = match === null ? -1 : match.rowOf[r];
    const oc = match?.columnOf.get(column);
    return o < 0 || oc === undefined ? this.source.table.cell(r, column) : this.original!.table.cell(o, oc);
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

  /** Rows whose New License / New Add-ons now differ from the file's, ascending (kept up to date by edits). */
  editedRows(): number[] {
    const rows: number[] = [];
    const edited = this.edited;
    if (edited !== null) for (let r = 0; r < edited.length; r++) if (edited[r] === 1) rows.push(r);
    return rows;
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

  /** Repair: the row is left out of the migration (no rule runs on it, it takes no seat, it is not written). */
  isExcluded(r: number): boolean {
    return this.excluded[r] === 1;
  }

  /** Neither unreadable nor left out: the rules run on it and it takes seats. */
  isActive(r: number): boolean {
    return this.malformed[r] !== 1 && this.excluded[r] !== 1;
  }

  /** Repair: the row's locked columns restored from the original export. */
  restoredColumns(r: number): readonly number[] {
    return this.restoredCells.get(r) ?? NONE;
  }

  /** Repair: original records of removed users put back. */
  putBackRecords(): ReadonlySet<number> {
    return this.putBack;
  }

  /** Repair: the columns are written as the original export's. */
  get layoutRestored(): boolean {
    return this.layout;
  }

  /**
   * Every repair in force, for saved progress (docs/formats.md "Saved progress"): restored locked columns
   * per row, rows left out, original records put back, the original's columns. Rows are indexes: the
   * repairs are bound to these exact bytes of the file and the original.
   */
  repairState(): RepairState {
    const restored: [number, number[]][] = [...this.restoredCells].sort((a, b) => a[0] - b[0]).map(([r, columns]) => [r, [...columns]]);
    const excluded: number[] = [];
    if (this.excludedCount > 0) for (let r = 0; r < this.rowCount; r++) if (this.excluded[r] === 1) excluded.push(r);
    return { restored, excluded, putBack: [...this.putBack].sort((a, b) => a - b), layout: this.layout };
  }

  /** The changes that bring back a saved repairState() (resume of the same file and original). */
  repairChangesOf(state: RepairState): CellChange[] {
    if (this.original === null) return [];
    const changes: CellChange[] = [];
    const rows = new Map<number, { -readonly [K in keyof CellChange]: CellChange[K] }>();
    const rowChange = (r: number) => {
      let change = rows.get(r);
      if (change === undefined) rows.set(r, (change = { row: r }));
      return change;
    };
    const width = this.source.table.header.length;
    for (const [r, columns] of state.restored) if (r >= 0 && r < this.rowCount) rowChange(r).restored = columns.filter((c) => c >= 0 && c < width);
    for (const r of state.excluded) if (r >= 0 && r < this.rowCount) rowChange(r).excluded = true;
    changes.push(...rows.values());
    if (state.putBack.length > 0 || state.layout) changes.push({ row: -1, putBack: state.putBack, layout: state.layout });
    return changes;
  }

  /** The original record a USER_REMOVED finding is about, or -1. */
  removedRecordOf(f: Finding): number {
    return f.code === 'USER_REMOVED' ? (this.removedRecord.get(f.originalRow) ?? -1) : -1;
  }

  /** Whether a repair has resolved a static finding (its cell restored, its row left out, its user put back). */
  private resolved(f: Finding): boolean {
    const r = f.record;
    if (r !== null && r >= 0) {
      if (this.excluded[r] === 1) return true;
      return f.code === 'LOCKED_COLUMN_CHANGED' && f.column !== null && this.restoredCells.size > 0 && (this.restoredCells.get(r)?.includes(f.column) ?? false);
    }
    if (f.code === 'LOCKED_COLUMN_CHANGED') return this.layout;
    if (f.code === 'USER_REMOVED') return this.putBack.has(this.removedRecordOf(f));
    return false;
  }

  /** ROW_OK, ROW_WARNING or ROW_ERROR. */
  rowSeverity(r: number): number {
    const dynamic = this.dynErrors[r] > 0 ? ROW_ERROR : this.dynWarnings[r] > 0 ? ROW_WARNING : ROW_OK;
    return Math.max(dynamic, this.staticSeverity[r]);
  }

  findingsForRow(r: number): Finding[] {
    if (this.excluded[r] === 1) return [];
    const out: Finding[] = (this.staticRow.get(r) ?? NO_FINDINGS).filter((f) => !this.resolved(f));
    if (this.malformed[r] !== 1) checkRow(this.rowValues(r), this.index, this.source.columns, new FindingSink(out));
    return out.sort(byCode);
  }

  /** File-level findings (empty file, header, encoding, seats, self, removed users), most important first. */
  fileFindings(): Finding[] {
    const sink = new FindingSink(this.staticFile.filter((f) => !this.resolved(f)));
    this.reportFileLevel(sink);
    return sink.collected!.sort(byCode);
  }

  /**
   * Every finding, errors before warnings (docs/rules.md "The order findings are listed in"): within
   * each, the file-level ones first, then row by row. A stream, so a report never holds them all.
   */
  *findings(): Generator<Finding> {
    const file = this.fileFindings();
    const isError = (f: Finding): boolean => SEVERITY[f.code] === 'error';
    yield* file.filter(isError);
    for (let r = 0; r < this.rowCount; r++) {
      if (this.rowSeverity(r) === ROW_ERROR) yield* this.findingsForRow(r).filter(isError);
    }
    yield* file.filter((f) => !isError(f));
    for (let r = 0; r < this.rowCount; r++) {
      if (this.rowSeverity(r) === ROW_OK || (this.dynWarnings[r] === 0 && (this.staticCounts.get(r)?.[1] ?? 0) === 0)) continue;
      yield* this.findingsForRow(r).filter((f) => !isError(f));
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
    for (const change of changes) {
      const r = change.row;
      if (r === -1) {
        const before = this.applyFileRepair(change);
        if (before !== null) undo.push(before);
        continue;
      }
      if (!(r >= 0 && r < this.rowCount)) continue;
      const before: { -readonly [K in keyof CellChange]: CellChange[K] } = { row: r };
      let changed = false;
      if (change.excluded !== undefined && change.excluded !== (this.excluded[r] === 1)) {
        changed = true;
        before.excluded = this.excluded[r] === 1;
        this.unevaluate(r);
        this.excluded[r] = change.excluded ? 1 : 0;
        this.excludedCount += change.excluded ? 1 : -1;
        this.refreshStatic(r);
      }
      if (change.restored !== undefined && this.original !== null) {
        const now = this.restoredColumns(r);
        const next = [...new Set(change.restored)].sort((a, b) => a - b);
        if (next.length !== now.length || next.some((c, i) => c !== now[i])) {
          changed = true;
          before.restored = now;
          this.unevaluate(r);
          if (next.length === 0) this.restoredCells.delete(r);
          else this.restoredCells.set(r, next);
          this.refreshStatic(r);
        }
      }
      if (change.license !== undefined || change.addOns !== undefined) {
        const cells = this.cellsForEditing();
        const license = change.license ?? cells.license[r];
        const addOns = change.addOns ?? cells.addOns[r];
        if (license !== cells.license[r] || addOns !== cells.addOns[r]) {
          changed = true;
          before.license = cells.license[r];
          before.addOns = cells.addOns[r];
          this.unevaluate(r);
          cells.license[r] = license;
          cells.addOns[r] = addOns;
          (this.edited ??= new Uint8Array(this.rowCount))[r] = license === table.cell(r, columns.newLicense) && addOns === table.cell(r, columns.newAddOns) ? 0 : 1;
          this.evaluateRow(r);
        }
      }
      if (changed) {
        undo.push(before);
        rows.push(r);
      }
    }
    if (undo.length > 0) this.revision++;
    return { rows, undo: undo.reverse() };
  }

  /** A repair of the file as a whole (removed users put back, the original's columns); returns the change that undoes it, or null. */
  private applyFileRepair(change: CellChange): CellChange | null {
    if (this.original === null) return null;
    const before: { putBack?: readonly number[]; layout?: boolean } = {};
    if (change.putBack !== undefined) {
      const next = new Set(change.putBack.filter((o) => this.originalMatch!.removed.includes(o)));
      if (next.size !== this.putBack.size || [...next].some((o) => !this.putBack.has(o))) {
        before.putBack = [...this.putBack];
        this.putBack = next;
      }
    }
    if (change.layout !== undefined && change.layout !== this.layout) {
      before.layout = this.layout;
      this.layout = change.layout;
    }
    if (before.putBack === undefined && before.layout === undefined) return null;
    this.refreshFileStatic();
    return { row: -1, ...before };
  }

  /** What the seat counters would be after `changes`, without applying them (for previews of bulk edits). */
  previewSeats(changes: readonly CellChange[]): SeatUsage[] {
    const claims: [number, SeatClaim][] = [];
    for (const change of changes) {
      const r = change.row;
      if (!(r >= 0 && r < this.rowCount) || !this.isActive(r)) continue;
      const lic = this.index.license(change.license ?? this.licenseOf(r));
      const addOns = change.addOns ?? this.addOnsOf(r);
      claims.push([r, seatClaim(lic, addOns === '' ? null : this.index.addOns(addOns), this.index)]);
    }
    return this.seats.preview(claims);
  }

  /**
   * A new plan re-checks every row: names may have changed meaning. A plan whose licenses and add-ons
   * are the same (only its mapping or remembered columns changed) is only kept.
   */
  setPlan(plan: Plan): void {
    const before = this.planValue;
    this.planValue = plan;
    if (JSON.stringify([before.licenses, before.addOns]) !== JSON.stringify([plan.licenses, plan.addOns])) {
      this.index = new PlanIndex(plan);
      this.seats.reset(plan);
      this.evaluateAll();
    }
    this.revision++;
  }

  setMe(email: string | null): void {
    const before = this.meRows;
    this.me = normalizeEmail(email);
    const mine = this.me === null ? undefined : this.rowsWithEmail(this.me).find((r) => this.isActive(r));
    this.meRows = new Set(mine === undefined ? [] : [mine]);
    for (const r of new Set([...before, ...this.meRows])) {
      this.unevaluate(r);
      this.evaluateRow(r);
    }
    this.revision++;
  }

  /**
   * Rows whose email is `email` (any case). With the rows' email hashes (made when the file was read)
   * the hashes are scanned and only a matching row's cell is read again; otherwise an index is built on
   * first use. Emails never change in a session, so answers are kept.
   */
  rowsWithEmail(email: string): readonly number[] {
    const key = emailKey(email);
    const column = this.source.columns.email;
    if (column < 0 || key === '') return [];
    const known = this.emailAnswers.get(key);
    if (known !== undefined) return known;
    const { table } = this.source;
    const hashes = this.source.keyHashes?.email ?? null;
    let rows: number[];
    if (hashes !== null && hashes.length === this.rowCount) {
      const hash = emailHash(email);
      rows = [];
      for (let r = 0; r < hashes.length; r++) if (hashes[r] === hash && emailKey(table.cell(r, column)) === key) rows.push(r);
    } else {
      if (this.emailRows === null) {
        this.emailRows = new Map();
        for (let r = 0; r < this.rowCount; r++) {
          const cellKey = emailKey(table.cell(r, column));
          if (cellKey === '') continue;
          const list = this.emailRows.get(cellKey);
          if (list) list.push(r);
          else this.emailRows.set(cellKey, [r]);
        }
      }
      rows = this.emailRows.get(key) ?? [];
    }
    if (this.emailAnswers.size >= 64) this.emailAnswers.clear();
    this.emailAnswers.set(key, rows);
    return rows;
  }

  // ---- driving the rules --------------------------------------------------------------------

  private addStatic(f: Finding): void {
    const error = SEVERITY[f.code] === 'error';
    if (error) this.staticErrors++;
    else this.staticWarnings++;
    const r = f.record;
    if (r === null || r < 0) {
      this.staticFile.push(f);
      this.fileCounts[error ? 0 : 1]++;
      return;
    }
    const list = this.staticRow.get(r);
    if (list) list.push(f);
    else this.staticRow.set(r, [f]);
    const counts = this.staticCounts.get(r);
    if (counts) counts[error ? 0 : 1]++;
    else this.staticCounts.set(r, error ? [1, 0] : [0, 1]);
    const bit = codeBit(f.code);
    if ((this.staticCodes[r] & bit) === 0) {
      this.staticCodes[r] |= bit;
      this.rowsPerCode[CODE_ORDER.indexOf(f.code)]++;
    }
    if (error) this.staticSeverity[r] = ROW_ERROR;
    else if (this.staticSeverity[r] === ROW_OK) this.staticSeverity[r] = ROW_WARNING;
  }

  /**
   * Row `r`'s static findings counted again after a repair resolved or brought back some of them. The
   * caller has taken the row's rules out (unevaluate); they run again here on what the row now is.
   */
  private refreshStatic(r: number): void {
    this.countCodes(this.staticCodes[r], -1);
    const before = this.staticCounts.get(r);
    if (before) {
      this.staticErrors -= before[0];
      this.staticWarnings -= before[1];
    }
    let errors = 0;
    let warnings = 0;
    let codes = 0;
    for (const f of this.staticRow.get(r) ?? NO_FINDINGS) {
      if (this.resolved(f)) continue;
      if (SEVERITY[f.code] === 'error') errors++;
      else warnings++;
      codes |= codeBit(f.code);
    }
    if (before || errors + warnings > 0) this.staticCounts.set(r, [errors, warnings]);
    this.staticErrors += errors;
    this.staticWarnings += warnings;
    this.staticCodes[r] = codes;
    this.staticSeverity[r] = errors > 0 ? ROW_ERROR : warnings > 0 ? ROW_WARNING : ROW_OK;
    this.countCodes(codes, 1);
    this.evaluateRow(r);
  }

  /** The file-level static findings counted again after a repair of the file as a whole. */
  private refreshFileStatic(): void {
    this.staticErrors -= this.fileCounts[0];
    this.staticWarnings -= this.fileCounts[1];
    const counts: [number, number] = [0, 0];
    for (const f of this.staticFile) if (!this.resolved(f)) counts[SEVERITY[f.code] === 'error' ? 0 : 1]++;
    this.fileCounts = counts;
    this.staticErrors += counts[0];
    this.staticWarnings += counts[1];
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
    this.resetCounts();
    this.evaluateRows(0, this.rowCount);
  }

  private resetCounts(): void {
    this.assigned = 0;
    this.dynErrors.fill(0);
    this.dynWarnings.fill(0);
    this.dynErrorTotal = 0;
    this.dynWarningTotal = 0;
    this.dynCodes.fill(0);
    this.rowsPerCode.fill(0);
  }

  /** Check rows `from` to `to` - 1 after resetCounts (evaluateAll, or a slice of inSlices, in row order). */
  private evaluateRows(from: number, to: number): void {
    for (let r = from; r < to; r++) {
      if (this.staticCodes[r] !== 0) this.countCodes(this.staticCodes[r], 1);
      this.evaluateRow(r);
    }
  }

  private countCodes(mask: number, sign: number): void {
    for (let m = mask, i = 0; m !== 0; m >>>= 1, i++) if (m & 1) this.rowsPerCode[i] += sign;
  }

  private unevaluate(r: number): void {
    if (this.isActive(r) && isAssigned(this.licenseOf(r))) this.assigned--;
    this.dynErrorTotal -= this.dynErrors[r];
    this.dynWarningTotal -= this.dynWarnings[r];
    this.dynErrors[r] = 0;
    this.dynWarnings[r] = 0;
    this.countCodes(this.dynCodes[r] & ~this.staticCodes[r], -1);
    this.dynCodes[r] = 0;
    this.seats.release(r);
  }

  private evaluateRow(r: number): void {
    if (!this.isActive(r)) return;
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

const NONE: readonly number[] = [];
const NO_FINDINGS: readonly Finding[] = [];

/** A New License cell with any text: the row counts as assigned. */
const isAssigned = (license: string): boolean => license !== '' && license.trim() !== '';

/** Build a session: the whole file checked once; edits are incremental from then on. */
export function createSession(source: LoadedExport, plan: Plan, options: SessionOptions = {}): MigrationSession {
  return new MigrationSession(source, plan, options);
}

/**
 * The same session as createSession, its rows checked `sliceRows` at a time with `pause()` awaited before
 * each slice, so a page stays responsive while a million rows are checked; null when `stopped()` turns
 * true between slices (another file was opened meanwhile).
 */
export function createSessionInSlices(source: LoadedExport, plan: Plan, options: SessionOptions, pause: () => Promise<void>, sliceRows = 25_000, stopped: () => boolean = () => false): Promise<MigrationSession | null> {
  return MigrationSession.inSlices(source, plan, options, pause, Math.max(1, sliceRows), stopped);
}
