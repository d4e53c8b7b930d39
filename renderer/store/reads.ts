// What components read from the store (useApp(read)): plain fields, and values derived from the session
// memoized per store version, so a read returns the same object until the session's data changes and a
// component re-renders only when what it shows changed.
import { ADD_ON_SEPARATORS, currentLicenseName, differsFromOriginal, foldName, mappingChanges, repairGroups, replaceChanges, SEVERITY, transitions, type CellChange, type Finding, type FindingCode, type RepairGroup, type MigrationSession, type Plan, type SeatUsage, type Transition } from '../../shared/index';
import { appStore, type AppState } from './appStore';
import { selectedRows } from './selection';
import { collectFindings, triageOf, usersLosingAccess, usersWithCode, type FindingList, type SeverityChoice, type Triage } from './selectors';

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
/** `code`: only findings of that code ('' for any). */
export const findingsOf = perVersion((session, limit: number, severity: SeverityChoice, code: FindingCode | ''): FindingList => collectFindings(session, limit, severity, code === '' ? null : code), { items: [], more: false });
export const triageFor = perVersion((session): Triage => triageOf(session), { problems: 0, errors: 0, warnings: 0, codes: [] });
/** Users who keep a license but lose an add-on they have today (LOSES_ADDON), up to `limit`. */
export const addOnLosersOf = perVersion((session, limit: number) => usersWithCode(session, 'LOSES_ADDON', limit), { rows: [], total: 0 });
export const transitionsOf = perVersion((session): readonly Transition[] => transitions(session), []);
export const losersOf = perVersion((session, limit: number) => usersLosingAccess(session, limit), { rows: [], total: 0 });
/** The admin's own row ("which user are you"), or -1. */
export const myRowOf = perVersion((session): number => (session.myEmail ? (session.rowsWithEmail(session.myEmail)[0] ?? -1) : -1), -1);
/** Users who lose access (LOSES_ACCESS) or an add-on (LOSES_ADDON): how many, and the first `limit` rows. */
export const lossesOf = perVersion((session, code: 'LOSES_ACCESS' | 'LOSES_ADDON', limit: number) => usersWithCode(session, code, limit), { rows: [], total: 0 });

/**
 * Per unknown name (folded), how many cells "fix all like this" would change: one pass over the rows with
 * `code` per store version, however many findings the list shows.
 */
const unknownNameCounts = perVersion((session, code: string): ReadonlyMap<string, number> => {
  const counts = new Map<string, number>();
  if ((code !== 'UNKNOWN_LICENSE' && code !== 'UNKNOWN_ADDON') || session.rowsWithCode(code) === 0) return counts;
  for (let r = 0; r < session.rowCount; r++) {
    if (!session.hasCode(r, code)) continue;
    const names = code === 'UNKNOWN_LICENSE' ? [session.licenseOf(r)] : session.addOnsOf(r).split(ADD_ON_SEPARATORS);
    for (const key of new Set(names.map(foldName))) if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}, new Map<string, number>() as ReadonlyMap<string, number>);

/** How many cells "fix all like this" would change for a finding of `code` about the unknown name `find`. */
export const suggestionCountOf = (s: AppState, code: string, find: string): number => unknownNameCounts(s, code).get(foldName(find)) ?? 0;

/** Errors about the file as a whole (no row shows them): seats over the plan, your own row, the header. */
export const fileErrorsOf = perVersion((session): readonly Finding[] => session.fileFindings().filter((f) => SEVERITY[f.code] === 'error'), []);

/** What find & replace would change (`inSelection`: only in the selected rows; a dialog is modal, so the selection holds still). */
export const replacePreviewOf = perVersion(
  (session, column: string, find: string, replace: string, match: string, ignoreCase: number, inSelection: number): readonly CellChange[] =>
    replaceChanges(
      session,
      { column: column === 'addOns' ? 'addOns' : 'license', find, replace, match: match === 'addOn' ? 'addOn' : 'cell', ignoreCase: ignoreCase === 1 },
      inSelection === 1 ? selectedRows(appStore.getState().selection) : undefined,
    ),
  [],
);

export interface MappingPreview {
  readonly changes: readonly CellChange[];
  /** Users the mapping changes, per current license (folded; '' for none today). */
  readonly perCurrent: ReadonlyMap<string, number>;
}

/** What applying the plan's mapping would change now (`overwrite` 1: cells already filled too). */
export const mappingPreviewOf = perVersion(
  (session, overwrite: number): MappingPreview => {
    const changes = mappingChanges(session, session.plan.mapping ?? { licenses: [], addOns: [] }, { overwrite: overwrite === 1 });
    const perCurrent = new Map<string, number>();
    for (const c of changes) {
      const key = foldName(currentLicenseName(session.currentLicenseOf(c.row)));
      perCurrent.set(key, (perCurrent.get(key) ?? 0) + 1);
    }
    return { changes, perCurrent };
  },
  { changes: [], perCurrent: new Map() },
);

/** The repairs from the original export on offer now (none without an original). */
export const repairGroupsOf = perVersion((session): readonly RepairGroup[] => repairGroups(session), []);
/** Whether the file still differs from its original export beyond New License / New Add-ons. */
export const differsOf = perVersion((session): boolean => differsFromOriginal(session), false);
