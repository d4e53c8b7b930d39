// What a validation says (docs/formats.md "The CLI's JSON"): the JSON shape, written as a stream of
// chunks so a million findings never sit in memory as one string, and the text for people.
import type { MigrationSession } from '../migration/session';
import { foldName } from '../text/names';
import { CODE_ORDER, SEVERITY, type FindingCode, type PlacedFinding, type Severity } from '../validation/codes';
import { describeFinding } from '../validation/messages';
import type { SeatUsage } from '../validation/seats';

export interface JsonFinding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly row: number | null;
  readonly column: string | null;
  readonly user: string | null;
  readonly value: string | null;
  readonly message: string;
  readonly suggestion: string | null;
}

export interface ValidationJson {
  readonly valid: boolean;
  readonly findings: readonly JsonFinding[];
  readonly seats: readonly SeatUsage[];
}

export function toJsonFinding(f: PlacedFinding): JsonFinding {
  const { message, suggestion } = describeFinding(f);
  return { code: f.code, severity: SEVERITY[f.code], row: f.row, column: f.column, user: f.user, value: f.value, message, suggestion };
}

const seatJson = (seats: readonly SeatUsage[]): SeatUsage[] => seats.map((s) => ({ kind: s.kind, name: s.name, assigned: s.assigned, seats: s.seats }));

export function validationJson(findings: readonly PlacedFinding[], seats: readonly SeatUsage[]): ValidationJson {
  return { valid: !findings.some((f) => SEVERITY[f.code] === 'error'), findings: findings.map(toJsonFinding), seats: seatJson(seats) };
}

/**
 * The same JSON as validationJson, in chunks: one per finding (joined, they parse to the same object).
 * `extra` adds members after `seats` (the summary's transitions).
 */
export function* validationJsonChunks(session: MigrationSession, extra: Record<string, unknown> = {}): Generator<string> {
  yield `{"valid":${session.valid},"findings":[`;
  let first = true;
  for (const f of session.findings()) {
    yield (first ? '' : ',') + JSON.stringify(toJsonFinding(session.place(f)));
    first = false;
  }
  let tail = `],"seats":${JSON.stringify(seatJson(session.seatUsage()))}`;
  for (const [key, value] of Object.entries(extra)) tail += `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
  yield tail + '}\n';
}

export interface Transition {
  /** The license held today, as first spelled in the file; '' for none (empty or "No License Assigned"). */
  readonly current: string;
  /** The New License as it will be written; '' for none. */
  readonly next: string;
  readonly users: number;
}

/** Current → New License counts over the readable rows (unreadable rows take no seat and are not counted). */
export function transitions(session: MigrationSession): Transition[] {
  const spelling = new Map<string, string>();
  const counts = new Map<string, Map<string, number>>();
  for (let r = 0; r < session.rowCount; r++) {
    if (session.isMalformed(r)) continue;
    const name = session.currentLicenseOf(r);
    const key = foldName(name);
    if (!spelling.has(key)) spelling.set(key, name);
    const next = session.planIndex.license(session.licenseOf(r)).canonical;
    let row = counts.get(key);
    if (!row) counts.set(key, (row = new Map()));
    row.set(next, (row.get(next) ?? 0) + 1);
  }
  const out: Transition[] = [];
  for (const [key, row] of counts) for (const [next, users] of row) out.push({ current: spelling.get(key)!, next, users });
  return out.sort((a, b) => a.current.localeCompare(b.current) || a.next.localeCompare(b.next));
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - text.length));
const padLeft = (text: string, width: number): string => ' '.repeat(Math.max(0, width - text.length)) + text;
const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const count = (n: number): string => n.toLocaleString('en-US');

export function seatTable(seats: readonly SeatUsage[]): string[] {
  if (seats.length === 0) return [];
  let nameWidth = 4;
  for (const s of seats) nameWidth = Math.min(Math.max(nameWidth, s.name.length), 40);
  const lines = [`  ${pad('Seat', nameWidth + 9)} ${padLeft('assigned', 9)} / seats`];
  for (const s of seats) {
    const kind = s.kind === 'license' ? 'license' : 'add-on ';
    const over = s.assigned > s.seats ? `  OVER by ${count(s.assigned - s.seats)}` : '';
    lines.push(`  ${kind}  ${pad(s.name, nameWidth)} ${padLeft(count(s.assigned), 9)} / ${count(s.seats)}${over}`);
  }
  return lines;
}

/**
 * The text report: a summary line, the seat table, then findings grouped by code, most important first
 * (at most `limitPerCode` of each, the rest counted). One pass over the findings.
 */
export function validationText(fileName: string, session: MigrationSession, limitPerCode = 50): string {
  const shown = new Map<FindingCode, PlacedFinding[]>();
  const totals = new Map<FindingCode, number>();
  let errors = 0;
  let warnings = 0;
  for (const f of session.findings()) {
    if (SEVERITY[f.code] === 'error') errors++;
    else warnings++;
    totals.set(f.code, (totals.get(f.code) ?? 0) + 1);
    let group = shown.get(f.code);
    if (!group) shown.set(f.code, (group = []));
    if (group.length < limitPerCode) group.push(session.place(f));
  }
  const verdict = errors === 0 ? 'ready to upload' : 'NOT ready to upload';
  const lines = [`${fileName}: ${plural(session.rowCount, 'user')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')} — ${verdict}.`, ''];
  const seats = session.seatUsage();
  if (seats.length > 0) lines.push(...seatTable(seats), '');
  for (const code of CODE_ORDER) {
    const group = shown.get(code);
    if (!group) continue;
    const total = totals.get(code)!;
    lines.push(`${code} (${SEVERITY[code]}, ${count(total)})`);
    for (const f of group) {
      const { message, suggestion } = describeFinding(f);
      const where = [f.row === null ? 'file' : `row ${f.row}`, f.column ?? '', f.user ?? ''].filter((p) => p !== '').join(' · ');
      lines.push(`  ${where}: ${message}${suggestion ? ` ${suggestion}` : ''}`);
    }
    if (total > group.length) lines.push(`  … and ${count(total - group.length)} more (use --report or --format json for all)`);
    lines.push('');
  }
  return lines.join('\n');
}

export function summaryText(fileName: string, session: MigrationSession): string {
  const { errors, warnings } = session.counts();
  const lines = [`${fileName}: ${plural(session.rowCount, 'user')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`, ''];
  lines.push(...seatTable(session.seatUsage()), '', '  Current license → New license        users');
  for (const t of transitions(session)) {
    lines.push(`  ${pad(t.current || '(none)', 16)} → ${pad(t.next || '(no license)', 18)} ${padLeft(count(t.users), 6)}`);
  }
  const unreadable = session.source.table.malformed.length;
  if (unreadable > 0) lines.push('', `  ${plural(unreadable, 'row')} could not be read and ${unreadable === 1 ? 'is' : 'are'} not counted (see validate).`);
  return lines.join('\n') + '\n';
}
