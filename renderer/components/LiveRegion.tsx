// The polite live region: screen readers hear what changed without losing their place — the seat
// counters and the number of problems after an edit, and what the app says (undo steps, banners).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MigrationSession, SeatUsage } from '../../shared/index';
import { describeCounterChange } from '../text/counterChange';
import { countsOf, seatsOf, sessionOf } from '../store/reads';
import { sameSeats } from '../store/selectors';
import { sameFields, useApp } from '../store/useApp';

interface Reading {
  readonly session: MigrationSession | null;
  readonly seats: readonly SeatUsage[];
  readonly counts: { errors: number; warnings: number };
}

export function LiveRegion() {
  const session = useApp(sessionOf);
  const seats = useApp(seatsOf, sameSeats);
  const counts = useApp(countsOf, sameFields);
  const announcement = useApp((s) => s.announcement);
  const [text, setText] = useState('');
  const last = useRef<Reading>({ session, seats, counts });
  const said = useRef(0);
  const parts = useRef<{ spoken: string | null; counters: string | null }>({ spoken: null, counters: null });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // What changed in one burst (an edit and its counters) is said once, a moment later.
  const schedule = useCallback((): void => {
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const message = [parts.current.spoken, parts.current.counters].filter((p) => p !== null).join(' ');
      parts.current = { spoken: null, counters: null };
      // The same words twice are still a change for the screen reader.
      if (message !== '') setText((before) => (before === message ? `${message}\u00a0` : message));
    }, 150);
  }, []);

  useEffect(() => () => void (timer.current !== null && clearTimeout(timer.current)), []);

  useEffect(() => {
    const before = last.current;
    last.current = { session, seats, counts };
    // A file opened or closed is not an edit: nothing to compare with.
    if (session === null || before.session !== session) return;
    const change = describeCounterChange(before.seats, seats, before.counts, counts);
    if (change === null) return;
    parts.current.counters = change;
    schedule();
  }, [session, seats, counts, schedule]);

  useEffect(() => {
    if (announcement === null || announcement.seq === said.current) return;
    said.current = announcement.seq;
    parts.current.spoken = announcement.text;
    schedule();
  }, [announcement, schedule]);

  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {text}
    </div>
  );
}
