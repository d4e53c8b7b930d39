// Every finding the rules can report: a union discriminated by the code (docs/rules.md).
// A finding holds indexes (record, column); spreadsheet rows and header labels are made only when a
// finding is shown or written (place.ts), so two headers with one name never confuse a lookup.

export type Severity = 'error' | 'warning';

/** Most important first: errors before warnings; the order reports and the review list group findings in. */
export const SEVERITY = {
  EMPTY_FILE: 'error',
  MISSING_COLUMN: 'error',
  DUPLICATE_COLUMN: 'error',
  MALFORMED_ROW: 'error',
  UNKNOWN_LICENSE: 'error',
  UNKNOWN_ADDON: 'error',
  ADDON_NOT_ALLOWED: 'error',
  ADDON_WITHOUT_LICENSE: 'error',
  DUPLICATE_ADDON: 'error',
  DUPLICATE_USER: 'error',
  NO_USER_KEY: 'error',
  NEW_USER: 'error',
  LOCKED_COLUMN_CHANGED: 'error',
  SEATS_EXCEEDED: 'error',
  SELF_UNLICENSED: 'error',
  SELF_NOT_FOUND: 'error',
  USER_REMOVED: 'warning',
  LOSES_ACCESS: 'warning',
  LOSES_ADDON: 'warning',
  SELF_UNKNOWN: 'warning',
  NORMALIZED: 'warning',
  ENCODING_GUESSED: 'warning',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof SEVERITY;

export const CODE_ORDER: readonly FindingCode[] = Object.keys(SEVERITY) as FindingCode[];

/** `record` of a finding about the header row itself. */
export const HEADER_RECORD = -1;

/** At most this many names are carried by one finding (the rest are counted): a cell yields bounded output. */
export const MAX_NAMES_PER_FINDING = 5;

/** What a spreadsheet (or a person) most likely did to a locked cell (docs/rules.md, LOCKED_COLUMN_CHANGED). */
export type ChangeCause =
  | 'leadingZeros'
  | 'plusDropped'
  | 'scientific'
  | 'numberReformatted'
  | 'dateRewritten'
  | 'becameDate'
  | 'formulaEvaluated'
  | 'spacesTrimmed'
  | 'keyChanged'
  | 'columnRemoved'
  | 'columnAdded'
  | 'columnMoved'
  | 'edited';

/** The part of each finding that depends on its code. */
export type FindingDetail =
  | { readonly code: 'EMPTY_FILE'; readonly reason: 'noHeader' | 'noRows' }
  | { readonly code: 'MISSING_COLUMN'; readonly name: string }
  | { readonly code: 'DUPLICATE_COLUMN'; readonly positions: readonly number[] }
  | { readonly code: 'MALFORMED_ROW'; readonly kind: 'tooFew' | 'tooMany' | 'unclosedQuote' | 'strayQuote'; readonly fields: number; readonly expected: number; readonly line: number; readonly lastLine: number }
  | { readonly code: 'UNKNOWN_LICENSE'; readonly closest: string | null }
  /** `names`: the first unknown names of the cell (at most MAX_NAMES_PER_FINDING); `count`: how many in all. */
  | { readonly code: 'UNKNOWN_ADDON'; readonly names: readonly string[]; readonly count: number; readonly closest: string | null }
  | { readonly code: 'ADDON_NOT_ALLOWED'; readonly license: string }
  | { readonly code: 'ADDON_WITHOUT_LICENSE' }
  | { readonly code: 'DUPLICATE_ADDON'; readonly names: readonly string[]; readonly count: number }
  | { readonly code: 'DUPLICATE_USER'; readonly firstRecord: number; readonly key: 'userId' | 'email'; readonly keyValue: string }
  | { readonly code: 'NO_USER_KEY' }
  | { readonly code: 'NEW_USER' }
  /** `originalColumn`: the original export's header, for a column this file lacks (`column` is then null). */
  | { readonly code: 'LOCKED_COLUMN_CHANGED'; readonly original: string | null; readonly cause: ChangeCause; readonly originalColumn?: string }
  | { readonly code: 'SEATS_EXCEEDED'; readonly kind: 'license' | 'addOn'; readonly name: string; readonly assigned: number; readonly seats: number }
  | { readonly code: 'SELF_UNLICENSED' }
  | { readonly code: 'SELF_NOT_FOUND'; readonly email: string }
  | { readonly code: 'USER_REMOVED'; readonly originalRow: number; readonly originalUser: string | null }
  | { readonly code: 'LOSES_ACCESS'; readonly currentLicense: string }
  | { readonly code: 'LOSES_ADDON'; readonly names: readonly string[] }
  | { readonly code: 'SELF_UNKNOWN'; readonly reason: 'notGiven' | 'noEmailColumn' }
  | { readonly code: 'NORMALIZED'; readonly canonical: string }
  | { readonly code: 'ENCODING_GUESSED' };

/** Where a finding is, as indexes into the loaded file. */
interface At {
  /** Index into the table's data records; HEADER_RECORD for the header row; null for the file as a whole. */
  readonly record: number | null;
  /** Column index in the file (New License / New Add-ons may be appended past its width); null when none. */
  readonly column: number | null;
  /** The cell's text when the finding was made (null when it is not about one cell). */
  readonly value: string | null;
}

/** Where a finding is, for people: spreadsheet row (header = 1), header label, the user's email or ID. */
interface Placed {
  readonly row: number | null;
  readonly column: string | null;
  readonly user: string | null;
  readonly value: string | null;
}

/** A finding's detail as people read it: indexes that point at other rows become row numbers. */
export type PlacedDetail =
  | Exclude<FindingDetail, { readonly code: 'DUPLICATE_USER' }>
  | { readonly code: 'DUPLICATE_USER'; readonly firstRow: number; readonly key: 'userId' | 'email'; readonly keyValue: string };

export type Finding = FindingDetail & At;
export type PlacedFinding = PlacedDetail & Placed;

export type FindingOf<C extends FindingCode> = Extract<Finding, { code: C }>;
export type PlacedFindingOf<C extends FindingCode> = Extract<PlacedFinding, { code: C }>;

export const severityOf = (finding: Pick<Finding, 'code'>): Severity => SEVERITY[finding.code];

const codeRank = new Map(CODE_ORDER.map((code, i) => [code, i]));

/** Most important code first; the sort is stable, so within a code the order of finding is kept. */
export const byCode = (a: Pick<Finding, 'code'>, b: Pick<Finding, 'code'>): number => codeRank.get(a.code)! - codeRank.get(b.code)!;
