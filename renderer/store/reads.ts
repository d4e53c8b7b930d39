// What components read from the store (useApp(read)): plain fields, and values derived from the session
// memoized per store version, so a read returns the same object until the session's data changes and a
// component re-renders only when what it shows changed.
import { transitions, type MigrationSession, type Plan, type SeatUsage, type Transition } from '../../shared/index';
import type { AppState } from './appStore';
import { collectFindings, rowsLosing, usersLosingAccess, type FindingList, type SeverityChoice } from './selectors';

export const sessionOf = (s: AppState): MigrationSession | null => s.open?.session ?? null;
/** The plan: the open session's, else the one the next file opens with. */
export const planOf = (s: AppState): Plan => s.open?.session.plan ?? s.nextPlan;
/** The plan has no license yet (a real file before the admin filled it in): nothing can be checked against it. */
export const planIsEmpty = (s: AppState): boolean => planOf(s).licenses.length === 0;
export const meOf = (s: AppState): string | null => s.open?.session.myEmail ?? null;
export const rowCountOf = (s: AppState): number => s.open?.session.rowCount ?? 0;
export const fileNameOf = (s: AppState): string | null => s.open?.name ?? null;
export const isOpen = (s: AppState): boolean => s.open !== null;

/** A derived read of the session, computed at most once per store version and arguments. */
function perVersion<A extends readonly (string | number)[], T>(compute: (session: MigrationSession, ...args: A) => T, none: T): (s: AppState, ...args: A) => T {
  let session: MigrationSession | null = null;
  let version = -1;
  const cache = new Map<string, T>();
  return (s, ...args) => {
    const current = s.open?.session ?? null;
    if (current === null) return none;
    if (current !== session || s.version !== version) {
      session = current;
      version = s.version;
      cache.clear();
    }
    const key = args.join('\u0000');
    if (!cache.has(key)) cache.set(key, compute(current, ...args));
    return cache.get(key) as T;
  };
}

const NO_SEATS: readonly SeatUsage[] = [];
const NO_COUNTS = { errors: 0, warnings: 0 } as const;

export const seatsOf = perVersion((session) => session.seatUsage(), NO_SEATS);
export const countsOf = perVersion((session): { readonly errors: number; readonly warnings: number } => session.counts(), NO_COUNTS);
export const findingsOf = perVersion((session, limit: number, severity: SeverityChoice): FindingList => collectFindings(session, limit, severity), { items: [], more: false });
export const transitionsOf = perVersion((session): readonly Transition[] => transitions(session), []);
export const losersOf = perVersion((session, limit: number) => usersLosingAccess(session, limit), { rows: [], total: 0 });
/** The admin's own row ("which user are you"), or -1. */
export const myRowOf = perVersion((session): number => (session.myEmail ? (session.rowsWithEmail(session.myEmail)[0] ?? -1) : -1), -1);
/** Users who lose access (LOSES_ACCESS) or an add-on (LOSES_ADDON): how many, and the first `limit` rows. */
export const lossesOf = perVersion((session, code: 'LOSES_ACCESS' | 'LOSES_ADDON', limit: number) => rowsLosing(session, code, limit), { rows: [], total: 0 });
