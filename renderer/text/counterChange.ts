// What the live region says after an edit: the seat counters and problem counts that changed, in words.
import type { SeatUsage } from '../../shared/index';
import { count, num } from './counts';

/** What the counters say changed between two readings of the same file ("Engage 25 of 40 seats"), or null. */
export function describeCounterChange(before: readonly SeatUsage[], after: readonly SeatUsage[], countsBefore: { errors: number; warnings: number }, countsAfter: { errors: number; warnings: number }): string | null {
  const parts: string[] = [];
  const was = new Map(before.map((s) => [`${s.kind}:${s.name}`, s]));
  for (const s of after) {
    const old = was.get(`${s.kind}:${s.name}`);
    if (old && old.assigned === s.assigned && old.seats === s.seats) continue;
    const over = s.assigned > s.seats ? `, ${num(s.assigned - s.seats)} over` : '';
    parts.push(`${s.name}${s.kind === 'addOn' ? ' add-on' : ''} ${num(s.assigned)} of ${count(s.seats, 'seat')}${over}`);
  }
  if (countsBefore.errors !== countsAfter.errors || countsBefore.warnings !== countsAfter.warnings) parts.push(`${count(countsAfter.errors, 'error')}, ${count(countsAfter.warnings, 'warning')}`);
  return parts.length === 0 ? null : `${parts.join('; ')}.`;
}
