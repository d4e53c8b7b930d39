// Saved progress: a journal of the admin's decisions, not the table (docs/formats.md "Saved progress").
// Resume re-binds by user key, never by row index.
import { z } from 'zod';
import { ENCODING_NAMES } from '../csv/encodings';
import { addOnSchema, licenseSchema, planSchema } from '../plan/plan';
import { rowKey } from '../validation/userKey';
import type { CellChange, MigrationSession, RepairState } from './session';

export const JOURNAL_SCHEMA_VERSION = 1;

/**
 * Bounds on saved progress (docs/reliability.md "Saved progress"): a journal is read at start and sent over IPC, so no field
 * may be unbounded. File names are at most 255 characters on every OS we ship to; emails at most 320;
 * a user key is an `id:` or `email:` prefix plus one; add-on cells list at most 30 add-ons of a plan.
 */
export const JOURNAL_LIMITS = {
  nameChars: 255,
  emailChars: 320,
  keyChars: 400,
  licenseChars: 256,
  addOnsChars: 8192,
  /** Twice the largest export the app is built for (1,000,000 users). */
  assignments: 2_000_000,
  users: 100_000_000,
  planEntries: 1000,
  planNameChars: 256,
  /** Columns a restored row lists (a spreadsheet's widest row). */
  columns: 16_384,
  timestampChars: 64,
} as const;

export const sourceInfoSchema = z.strictObject({
  name: z.string().max(JOURNAL_LIMITS.nameChars),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  // Any WHATWG encoding name the export was read in (legacy files are detected or chosen).
  encoding: z.enum(ENCODING_NAMES),
  delimiter: z.enum([',', ';', '\t']),
  bom: z.boolean(),
  eol: z.enum(['\r\n', '\n', '\r']),
});

const count = z.number().int().nonnegative().max(JOURNAL_LIMITS.users);
const rowIndex = z.number().int().nonnegative().max(JOURNAL_LIMITS.users);
const manyRows = z.array(rowIndex).max(JOURNAL_LIMITS.assignments);

/** The original export a file was checked against: which file the repairs need back on resume. */
export const originalFileSchema = z.strictObject({
  name: z.string().max(JOURNAL_LIMITS.nameChars),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * Validating against the original export: that file, and the repairs made against it (docs/rules.md
 * "Repairing a file against the original"). Rows are indexes into the file (and `putBack` into the
 * original): the repairs are bound to these exact bytes, and come back only when both files do.
 */
const originalSchema = z.strictObject({
  file: originalFileSchema,
  restored: z.array(z.tuple([rowIndex, z.array(z.number().int().nonnegative().max(JOURNAL_LIMITS.columns)).min(1).max(JOURNAL_LIMITS.columns)])).max(JOURNAL_LIMITS.assignments),
  excluded: manyRows,
  putBack: manyRows,
  layout: z.boolean(),
});

/** A real file starts with an empty plan the admin has not filled yet: saved progress keeps it as it is. */
const emptyPlanSchema = z.strictObject({ licenses: z.array(licenseSchema).length(0), addOns: z.array(addOnSchema).length(0) });

export const journalSchema = z.strictObject({
  schemaVersion: z.literal(JOURNAL_SCHEMA_VERSION),
  source: sourceInfoSchema,
  plan: z.union([emptyPlanSchema, planSchema]).refine(
    (plan) =>
      plan.licenses.length + plan.addOns.length <= JOURNAL_LIMITS.planEntries &&
      [...plan.licenses, ...plan.addOns].every((entry) => entry.name.length <= JOURNAL_LIMITS.planNameChars),
    { message: `a saved plan has at most ${JOURNAL_LIMITS.planEntries} licenses and add-ons, with names of at most ${JOURNAL_LIMITS.planNameChars} characters` },
  ),
  me: z.string().max(JOURNAL_LIMITS.emailChars).nullable(),
  assignments: z
    .record(
      z.string().min(1).max(JOURNAL_LIMITS.keyChars),
      z.strictObject({ license: z.string().max(JOURNAL_LIMITS.licenseChars), addOns: z.string().max(JOURNAL_LIMITS.addOnsChars) }),
    )
    .refine((record) => Object.keys(record).length <= JOURNAL_LIMITS.assignments, { message: `at most ${JOURNAL_LIMITS.assignments.toLocaleString('en-US')} saved assignments` }),
  /** Users assigned / users in the file, for the "continue the migration" offer. */
  progress: z.strictObject({ assigned: count, users: count }),
  /** Only when the file was validated against the original export. */
  original: originalSchema.optional(),
  updatedAt: z.string().max(JOURNAL_LIMITS.timestampChars),
});

export type SourceInfo = z.infer<typeof sourceInfoSchema>;
export type OriginalFile = z.infer<typeof originalFileSchema>;
export type Journal = z.infer<typeof journalSchema>;

/** The key a row is saved under (validation/userKey.ts): User ID when the row has one, else its Email. */
export function userKey(session: MigrationSession, r: number): string | null {
  return rowKey(session.source.table.cells(r), session.source.columns);
}

/** Build the journal of a session: every row whose New License / New Add-ons differ from the file's. */
export function journalOf(session: MigrationSession, source: SourceInfo, updatedAt: string, original: OriginalFile | null = null): Journal {
  // Only edited rows are visited: an autosave after one edit must not scan a million rows.
  const assignments: Journal['assignments'] = {};
  for (const r of session.editedRows()) {
    const key = userKey(session, r);
    if (key !== null) assignments[key] = { license: session.licenseOf(r), addOns: session.addOnsOf(r) };
  }
  return journalWith(session, source, updatedAt, assignments, original);
}

function journalWith(session: MigrationSession, source: SourceInfo, updatedAt: string, assignments: Journal['assignments'], original: OriginalFile | null): Journal {
  return {
    schemaVersion: JOURNAL_SCHEMA_VERSION,
    source,
    plan: session.plan,
    me: session.myEmail,
    assignments,
    progress: { assigned: session.assignedCount, users: session.rowCount },
    ...(original !== null && session.original !== null ? { original: { file: original, ...repairOf(session.repairState()) } } : {}),
    updatedAt,
  };
}

const repairOf = (state: RepairState): Omit<NonNullable<Journal['original']>, 'file'> => ({
  restored: state.restored.map(([r, columns]) => [r, [...columns]]),
  excluded: [...state.excluded],
  putBack: [...state.putBack],
  layout: state.layout,
});

/**
 * The journal of only `rows` (what changed since the last durable save), each with its cells as they are
 * now, also when they are back to the file's: merged over that save (mergeJournal) it gives the journal of
 * the session. Small enough to write synchronously while the page unloads.
 */
export function journalOfRows(session: MigrationSession, source: SourceInfo, rows: Iterable<number>, updatedAt: string, original: OriginalFile | null = null): Journal {
  const assignments: Journal['assignments'] = {};
  for (const r of [...new Set(rows)].sort((a, b) => a - b)) {
    if (!(r >= 0 && r < session.rowCount)) continue;
    const key = userKey(session, r);
    if (key !== null) assignments[key] = { license: session.licenseOf(r), addOns: session.addOnsOf(r) };
  }
  // The repairs are few and written whole (the later journal's replace the saved ones).
  return journalWith(session, source, updatedAt, assignments, original);
}

/** A journal of changed rows (journalOfRows) over the last durable save of the same migration: the later wins. */
export function mergeJournal(base: Journal | null, later: Journal): Journal {
  if (base === null) return later;
  if (base.updatedAt > later.updatedAt) return base;
  return { ...later, assignments: { ...base.assignments, ...later.assignments } };
}

export interface ResumeOutcome {
  /** Changes to apply to the session (one per row found). */
  readonly changes: CellChange[];
  /** Saved user keys that no row of this file has. */
  readonly missingKeys: string[];
  /** The file is not byte-for-byte the one the journal was made from. */
  readonly sourceChanged: boolean;
}

/**
 * The repairs saved in `journal`, as changes to `session`: only when the file and the original are the
 * very bytes they were made on (`originalSha256`: the original opened now, or null); else null.
 */
export function resumeRepairs(session: MigrationSession, journal: Journal, currentSha256: string, originalSha256: string | null): CellChange[] | null {
  const saved = journal.original;
  if (saved === undefined) return [];
  if (session.original === null || journal.source.sha256 !== currentSha256 || saved.file.sha256 !== originalSha256) return null;
  return session.repairChangesOf(saved);
}

/** How many repairs a journal holds (restored cells, rows left out, users put back, the columns): for the Open step. */
export function repairCount(journal: Journal): number {
  const saved = journal.original;
  if (saved === undefined) return 0;
  return saved.restored.reduce((sum, [, columns]) => sum + columns.length, 0) + saved.excluded.length + saved.putBack.length + (saved.layout ? 1 : 0);
}

export function resumeChanges(session: MigrationSession, journal: Journal, currentSha256: string): ResumeOutcome {
  const rowsByKey = new Map<string, number>();
  for (let r = 0; r < session.rowCount; r++) {
    const key = userKey(session, r);
    if (key !== null && !rowsByKey.has(key)) rowsByKey.set(key, r);
  }
  const changes: CellChange[] = [];
  const missingKeys: string[] = [];
  for (const [key, value] of Object.entries(journal.assignments)) {
    const r = rowsByKey.get(key);
    if (r === undefined) missingKeys.push(key);
    else changes.push({ row: r, license: value.license, addOns: value.addOns });
  }
  return { changes, missingKeys, sourceChanged: journal.source.sha256 !== currentSha256 };
}

export function parseJournal(value: unknown): { ok: true; value: Journal } | { ok: false; error: string } {
  const parsed = journalSchema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

/**
 * The id saved progress is stored under: the file's name made safe, plus the start of its sha256, so
 * two different exports both called users.csv never share (or overwrite) saved progress.
 */
export function progressIdFor(fileName: string, sha256: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  return `${base === '' ? 'export' : base}-${sha256.slice(0, 16)}`;
}
