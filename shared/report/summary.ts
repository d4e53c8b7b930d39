// What a validation says, in the CLI's JSON shape (SPEC "The CLI") and in the text for people.
import type { MigrationSession, SeatUsage } from '../migration/session';
import { CODE_ORDER, SEVERITY, type Finding, type FindingCode, type Severity } from '../validation/codes';
import { describeFinding } from '../validation/messages';

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

export function toJsonFinding(f: Finding): JsonFinding {
  const { message, suggestion } = describeFinding(f);
  return { code: f.code, severity: SEVERITY[f.code], row: f.row, column: f.column, user: f.user, value: f.value, message, suggestion };
}

export function validationJson(findings: readonly Finding[], seats: readonly SeatUsage[]): ValidationJson {
  return {
    valid: !findings.some((f) => SEVERITY[f.code] === 'error'),
    findings: findings.map(toJsonFinding),
    seats: seats.map((s) => ({ kind: s.kind, name: s.name, assigned: s.assigned, seats: s.seats })),
  };
}

export interface Transition {
  readonly current: string;
  readonly next: string;
  readonly users: number;
}

/** Current → New License counts; the empty string stands for "no license". */
export function transitions(session: MigrationSession): Transition[] {
  const { columns, table } = session.source;
  const counts = new Map<string, Map<string, number>>();
  for (let r = 0; r < session.rowCount; r++) {
    const current = columns.currentLicense >= 0 ? (table.records[r][columns.currentLicense] ?? '').trim() : '';
    const next = session.planIndex.license(session.licenseOf(r)).canonical;
    let row = counts.get(current);
    if (!row) counts.set(current, (row = new Map()));
    row.set(next, (row.get(next) ?? 0) + 1);
  }
  const out: Transition[] = [];
  for (const [current, row] of counts) for (const [next, users] of row) out.push({ current, next, users });
  return out.sort((a, b) => a.current.localeCompare(b.current) || a.next.localeCompare(b.next));
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - text.length));
const padLeft = (text: string, width: number): string => ' '.repeat(Math.max(0, width - text.length)) + text;
const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function seatTable(seats: readonly SeatUsage[]): string[] {
  if (seats.length === 0) return [];
  const nameWidth = Math.max(...seats.map((s) => s.name.length), 4);
  const lines = [`  ${pad('Seat', nameWidth + 9)} ${padLeft('assigned', 9)} / seats`];
  for (const s of seats) {
    const kind = s.kind === 'license' ? 'license' : 'add-on ';
    const over = s.assigned > s.seats ? `  OVER by ${s.assigned - s.seats}` : '';
    lines.push(`  ${kind}  ${pad(s.name, nameWidth)} ${padLeft(String(s.assigned), 9)} / ${s.seats}${over}`);
  }
  return lines;
}

/** The text report: a summary line, the seat table, then findings grouped by code, most important first. */
export function validationText(fileName: string, rows: number, findings: readonly Finding[], seats: readonly SeatUsage[], limitPerCode = 50): string {
  const errors = findings.filter((f) => SEVERITY[f.code] === 'error').length;
  const warnings = findings.length - errors;
  const verdict = errors === 0 ? 'ready to upload' : 'NOT ready to upload';
  const lines = [`${fileName}: ${plural(rows, 'user')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')} — ${verdict}.`, ''];
  if (seats.length > 0) lines.push(...seatTable(seats), '');
  for (const code of CODE_ORDER) {
    const group = findings.filter((f) => f.code === code);
    if (group.length === 0) continue;
    lines.push(`${code} (${SEVERITY[code]}, ${group.length})`);
    for (const f of group.slice(0, limitPerCode)) {
      const { message, suggestion } = describeFinding(f);
      const where = [f.row === null ? 'file' : `row ${f.row}`, f.column ?? '', f.user ?? ''].filter((p) => p !== '').join(' · ');
      lines.push(`  ${where}: ${message}${suggestion ? ` ${suggestion}` : ''}`);
    }
    if (group.length > limitPerCode) lines.push(`  … and ${group.length - limitPerCode} more (use --report or --format json for all)`);
    lines.push('');
  }
  return lines.join('\n');
}

export function summaryText(fileName: string, session: MigrationSession): string {
  const { errors, warnings } = session.counts();
  const lines = [`${fileName}: ${plural(session.rowCount, 'user')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`, ''];
  lines.push(...seatTable(session.seatUsage()), '', '  Current license → New license        users');
  for (const t of transitions(session)) {
    lines.push(`  ${pad(t.current || '(none)', 16)} → ${pad(t.next || '(no license)', 18)} ${padLeft(String(t.users), 6)}`);
  }
  return lines.join('\n') + '\n';
}
