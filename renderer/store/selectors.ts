// What the screens show, computed from the session (pure: tested without a DOM).
import { SEVERITY, type Finding, type MigrationSession, type SeatUsage } from '../../shared/index';
import { num } from '../text/counts';
import type { FileIndexes } from '../worker/loadClient';

export interface FindingList {
  readonly items: readonly Finding[];
  /** True when more findings exist than were collected. */
  readonly more: boolean;
}

export type SeverityChoice = 'all' | 'error' | 'warning';

/** File-level findings first, then row findings in row order, up to `limit` (100k warnings are possible). */
export function collectFindings(session: MigrationSession, limit: number, severity: SeverityChoice = 'all'): FindingList {
  const keep = (f: Finding): boolean => severity === 'all' || SEVERITY[f.code] === severity;
  const items: Finding[] = session.fileFindings().filter(keep);
  if (items.length > limit) return { items: items.slice(0, limit), more: true };
  for (let r = 0; r < session.rowCount; r++) {
    const s = session.rowSeverity(r);
    if (s === 0 || (severity === 'error' && s < 2)) continue;
    for (const f of session.findingsForRow(r)) {
      if (!keep(f)) continue;
      if (items.length >= limit) return { items, more: true };
      items.push(f);
    }
  }
  return { items, more: false };
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
  const rows: number[] = [];
  let total = 0;
  for (let r = 0; r < session.rowCount; r++) {
    if (!session.losesAccess(r)) continue;
    total++;
    if (rows.length < limit) rows.push(r);
  }
  return { rows, total };
}

/** Rows with a finding of `code` (a loss the admin should confirm before uploading): the first `limit`, and how many in all. */
export function rowsLosing(session: MigrationSession, code: 'LOSES_ACCESS' | 'LOSES_ADDON', limit: number): { rows: number[]; total: number } {
  const total = session.rowsWithCode(code);
  const rows: number[] = [];
  for (let r = 0; r < session.rowCount && rows.length < Math.min(limit, total); r++) if (session.hasCode(r, code)) rows.push(r);
  return { rows, total };
}

export const sameSeats = (a: readonly SeatUsage[], b: readonly SeatUsage[]): boolean =>
  a === b || (a.length === b.length && a.every((s, i) => s.kind === b[i].kind && s.name === b[i].name && s.assigned === b[i].assigned && s.seats === b[i].seats));
