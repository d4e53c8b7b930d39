// What the screens show, computed from the session (pure: tested without a DOM).
import { CODE_ORDER, SEVERITY, type Finding, type FindingCode, type MigrationSession, type SeatUsage } from '../../shared/index';
import { num } from '../text/counts';
import type { FileIndexes } from '../worker/loadClient';

export interface FindingList {
  readonly items: readonly Finding[];
  /** True when more findings exist than were collected. */
  readonly more: boolean;
}

export type SeverityChoice = 'all' | 'error' | 'warning';

/**
 * Errors before warnings (docs/rules.md "The order findings are listed in"); within each, the file-level
 * ones first, then row by row; up to `limit` (100k warnings are possible); only `code` when given.
 */
export function collectFindings(session: MigrationSession, limit: number, severity: SeverityChoice = 'all', code: FindingCode | null = null): FindingList {
  const items: Finding[] = [];
  for (const level of ['error', 'warning'] as const) {
    if (severity !== 'all' && severity !== level) continue;
    if (code !== null && SEVERITY[code] !== level) continue;
    const keep = (f: Finding): boolean => SEVERITY[f.code] === level && (code === null || f.code === code);
    for (const f of session.fileFindings()) {
      if (!keep(f)) continue;
      if (items.length >= limit) return { items, more: true };
      items.push(f);
    }
    if (code !== null && session.rowsWithCode(code) === 0) continue;
    for (let r = 0; r < session.rowCount; r++) {
      const s = session.rowSeverity(r);
      if (s === 0 || (level === 'error' && s < 2)) continue;
      if (code !== null && !session.hasCode(r, code)) continue;
      for (const f of session.findingsForRow(r)) {
        if (!keep(f)) continue;
        if (items.length >= limit) return { items, more: true };
        items.push(f);
      }
    }
  }
  return { items, more: false };
}

/** How many rows each filter of the triage would show: by severity, and per code that has findings now. */
export interface Triage {
  readonly problems: number;
  readonly errors: number;
  readonly warnings: number;
  /** Codes with findings, most important first: rows with a row-level code, findings of a file-level one. */
  readonly codes: readonly { readonly code: FindingCode; readonly count: number; readonly fileLevel: boolean }[];
}

export function triageOf(session: MigrationSession): Triage {
  let errors = 0;
  let warnings = 0;
  for (let r = 0; r < session.rowCount; r++) {
    const s = session.rowSeverity(r);
    if (s === 2) errors++;
    else if (s === 1) warnings++;
  }
  const fileCounts = new Map<FindingCode, number>();
  for (const f of session.fileFindings()) fileCounts.set(f.code, (fileCounts.get(f.code) ?? 0) + 1);
  const codes: { code: FindingCode; count: number; fileLevel: boolean }[] = [];
  for (const code of CODE_ORDER) {
    const rows = session.rowsWithCode(code);
    if (rows > 0) codes.push({ code, count: rows, fileLevel: false });
    else if (fileCounts.has(code)) codes.push({ code, count: fileCounts.get(code)!, fileLevel: true });
  }
  return { problems: errors + warnings, errors, warnings, codes };
}

export interface LicenseOption {
  readonly name: string;
  readonly left: number;
  readonly disabled: boolean;
  readonly note: string;
}

const seatsLeftNote = (left: number): string => (left < 0 ? `${num(-left)} over` : left === 0 ? 'full' : `${num(left)} left`);

/** New License choices for a row: plan licenses with seats left, full ones disabled (unless the row holds it). */
export function licenseOptions(session: MigrationSession, r: number, seats: readonly SeatUsage[] = session.seatUsage()): LicenseOption[] {
  const held = session.planIndex.license(session.licenseOf(r)).index;
  const usage = seats.filter((s) => s.kind === 'license');
  return usage.map((s, i) => {
    const left = s.seats - s.assigned;
    const mine = held === i;
    return { name: s.name, left, disabled: !mine && left <= 0, note: mine ? 'current' : seatsLeftNote(left) };
  });
}

/** New Add-on choices for a row holding `license`: all disabled when that license allows none. */
export function addOnOptions(session: MigrationSession, r: number, license: string, seats: readonly SeatUsage[] = session.seatUsage()): { allowed: boolean; reason: string; options: LicenseOption[] } {
  const index = session.planIndex;
  const lic = index.license(license);
  const allowed = lic.index >= 0 && index.addOnsAllowed(lic.index);
  const reason = lic.index === -1 ? 'Choose a New License first: add-ons need one.' : lic.index < 0 ? `"${license}" is not a license in the plan.` : allowed ? '' : `${lic.canonical} does not allow add-ons.`;
  const heldMask = index.license(session.licenseOf(r)).index >= 0 ? index.addOns(session.addOnsOf(r)).mask : 0;
  const options = seats
    .filter((s) => s.kind === 'addOn')
    .map((s, i) => {
      const left = s.seats - s.assigned;
      const mine = (heldMask & (1 << i)) !== 0;
      return { name: s.name, left, disabled: !allowed || (!mine && left <= 0), note: mine ? 'current' : seatsLeftNote(left) };
    });
  return { allowed, reason, options };
}

/** Rows whose Current License is `current` (folded, as the Overview counts them). */
export function rowsWithCurrent(indexes: FileIndexes, current: string): number[] {
  const id = indexes.currentLicenses.findIndex((c) => c.value === current);
  const out: number[] = [];
  if (id < 0) return out;
  const of = indexes.currentLicenseOf;
  for (let r = 0; r < of.length; r++) if (of[r] === id) out.push(r);
  return out;
}

export interface SeatImpact {
  readonly name: string;
  readonly kind: SeatUsage['kind'];
  readonly before: number;
  readonly after: number;
  readonly seats: number;
}

export function seatImpact(before: readonly SeatUsage[], after: readonly SeatUsage[]): SeatImpact[] {
  return before.map((b, i) => ({ name: b.name, kind: b.kind, before: b.assigned, after: after[i]?.assigned ?? b.assigned, seats: b.seats }));
}

/** Users who have a Current License and no New License (LOSES_ACCESS), up to `limit`. */
export function usersLosingAccess(session: MigrationSession, limit: number): { rows: number[]; total: number } {
  return usersWithCode(session, 'LOSES_ACCESS', limit);
}

/** Rows with a finding of `code`, up to `limit`, and how many in all. */
export function usersWithCode(session: MigrationSession, code: FindingCode, limit: number): { rows: number[]; total: number } {
  const rows: number[] = [];
  const total = session.rowsWithCode(code);
  for (let r = 0; r < session.rowCount && rows.length < Math.min(limit, total); r++) if (session.hasCode(r, code)) rows.push(r);
  return { rows, total };
}

export const sameSeats = (a: readonly SeatUsage[], b: readonly SeatUsage[]): boolean =>
  a === b || (a.length === b.length && a.every((s, i) => s.kind === b[i].kind && s.name === b[i].name && s.assigned === b[i].assigned && s.seats === b[i].seats));
