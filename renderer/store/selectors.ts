// What the screens show, computed from the session (pure: tested without a DOM).
import { ADD_ON_SEPARATORS, SEVERITY, foldName, type Finding, type MigrationSession, type SeatUsage } from '../../shared/index';

export interface Filters {
  readonly search: string;
  /** Current License to show (folded match); null: any. */
  readonly current: string | null;
  /** New License to show: a plan name, '' for no license; null: any. */
  readonly next: string | null;
  readonly problemsOnly: boolean;
}

export const NO_FILTERS: Filters = { search: '', current: null, next: null, problemsOnly: false };

export const filtersActive = (f: Filters): boolean => f.search.trim() !== '' || f.current !== null || f.next !== null || f.problemsOnly;

/** Users per value of a column (trimmed), most common first; '' for empty cells. */
export function countBy(session: MigrationSession, column: number): { value: string; users: number }[] {
  // Counted by folded value ("Optimize" and "optimize " are one license), shown as first spelled.
  const counts = new Map<string, { value: string; users: number }>();
  if (column >= 0) {
    const { table } = session.source;
    for (let r = 0; r < session.rowCount; r++) {
      const value = table.cell(r, column).trim();
      const key = foldName(value);
      const entry = counts.get(key);
      if (entry) entry.users++;
      else counts.set(key, { value, users: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.users - a.users || a.value.localeCompare(b.value));
}

/** Users per current add-on (a cell may list several). */
export function countAddOns(session: MigrationSession, column: number): { value: string; users: number }[] {
  const counts = new Map<string, number>();
  if (column >= 0) {
    const { table } = session.source;
    for (let r = 0; r < session.rowCount; r++) {
      const cell = table.cell(r, column);
      if (cell.trim() === '') continue;
      for (const part of new Set(cell.split(ADD_ON_SEPARATORS).map((p) => p.trim()).filter((p) => p !== ''))) counts.set(part, (counts.get(part) ?? 0) + 1);
    }
  }
  return [...counts].map(([value, users]) => ({ value, users })).sort((a, b) => b.users - a.users || a.value.localeCompare(b.value));
}

export interface FindingList {
  readonly items: readonly Finding[];
  /** True when more findings exist than were collected. */
  readonly more: boolean;
}

/** File-level findings first, then row findings in row order, up to `limit` (100k warnings are possible). */
export function collectFindings(session: MigrationSession, limit: number, severity: 'all' | 'error' | 'warning' = 'all'): FindingList {
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

/** A row's findings that concern one column (findings about the whole row show on its first column). */
export function cellFindings(session: MigrationSession, r: number, column: number): Finding[] {
  if (session.rowSeverity(r) === 0) return [];
  return session.findingsForRow(r).filter((f) => f.column === column || (f.column === null && column === 0));
}

export interface LicenseOption {
  readonly name: string;
  readonly left: number;
  readonly disabled: boolean;
  readonly note: string;
}

const seatsLeftNote = (left: number): string => (left < 0 ? `${-left} over` : left === 0 ? 'full' : `${left.toLocaleString('en-US')} left`);

/** New License choices for a row: plan licenses with seats left, full ones disabled (unless the row holds it). */
export function licenseOptions(session: MigrationSession, r: number): LicenseOption[] {
  const held = session.planIndex.license(session.licenseOf(r)).index;
  const usage = session.seatUsage().filter((s) => s.kind === 'license');
  return usage.map((s, i) => {
    const left = s.seats - s.assigned;
    const mine = held === i;
    return { name: s.name, left, disabled: !mine && left <= 0, note: mine ? 'current' : seatsLeftNote(left) };
  });
}

/** New Add-on choices for a row holding `license`: all disabled when that license allows none. */
export function addOnOptions(session: MigrationSession, r: number, license: string): { allowed: boolean; reason: string; options: LicenseOption[] } {
  const index = session.planIndex;
  const lic = index.license(license);
  const allowed = lic.index >= 0 && index.addOnsAllowed(lic.index);
  const reason = lic.index === -1 ? 'Choose a New License first: add-ons need one.' : lic.index < 0 ? `"${license}" is not a license in the plan.` : allowed ? '' : `${lic.canonical} does not allow add-ons.`;
  const heldMask = index.license(session.licenseOf(r)).index >= 0 ? index.addOns(session.addOnsOf(r)).mask : 0;
  const options = session
    .seatUsage()
    .filter((s) => s.kind === 'addOn')
    .map((s, i) => {
      const left = s.seats - s.assigned;
      const mine = (heldMask & (1 << i)) !== 0;
      return { name: s.name, left, disabled: !allowed || (!mine && left <= 0), note: mine ? 'current' : seatsLeftNote(left) };
    });
  return { allowed, reason, options };
}

/** Lower-cased text of every locked cell of each row, for quick search (built once per file). */
export function searchIndex(session: MigrationSession): string[] {
  const { columns, table } = session.source;
  const out = new Array<string>(session.rowCount);
  for (let r = 0; r < session.rowCount; r++) {
    const record = table.cells(r);
    let text = '';
    for (let c = 0; c < record.length; c++) if (c !== columns.newLicense && c !== columns.newAddOns) text += record[c] + '\u0001';
    out[r] = text.toLowerCase();
  }
  return out;
}

export function rowPasses(session: MigrationSession, r: number, filters: Filters, index: readonly string[]): boolean {
  const { columns, table } = session.source;
  if (filters.problemsOnly && session.rowSeverity(r) === 0) return false;
  if (filters.current !== null) {
    const current = columns.currentLicense >= 0 ? foldName(table.cell(r, columns.currentLicense)) : '';
    if (current !== foldName(filters.current)) return false;
  }
  if (filters.next !== null) {
    if (foldName(session.planIndex.license(session.licenseOf(r)).canonical) !== foldName(filters.next)) return false;
  }
  const search = filters.search.trim().toLowerCase();
  if (search !== '') {
    if (!index[r].includes(search) && !session.licenseOf(r).toLowerCase().includes(search) && !session.addOnsOf(r).toLowerCase().includes(search)) return false;
  }
  return true;
}

/** Rows whose Current License is `current` (folded). */
export function rowsWithCurrent(session: MigrationSession, current: string): number[] {
  const column = session.source.columns.currentLicense;
  const want = foldName(current);
  const out: number[] = [];
  if (column < 0) return out;
  const { table } = session.source;
  for (let r = 0; r < session.rowCount; r++) if (foldName(table.cell(r, column)) === want) out.push(r);
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

/** Users with a known New License, for "N of M users assigned". */
export function assignedUsers(seats: readonly SeatUsage[]): number {
  return seats.filter((s) => s.kind === 'license').reduce((sum, s) => sum + s.assigned, 0);
}
