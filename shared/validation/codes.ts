// Every finding the rules can report: a union discriminated by the SPEC code ("The rules" table).

export type Severity = 'error' | 'warning';

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
  NEW_USER: 'error',
  LOCKED_COLUMN_CHANGED: 'error',
  SEATS_EXCEEDED: 'error',
  SELF_UNLICENSED: 'error',
  SELF_NOT_FOUND: 'error',
  USER_REMOVED: 'warning',
  LOSES_ACCESS: 'warning',
  SELF_UNKNOWN: 'warning',
  NORMALIZED: 'warning',
  ENCODING_GUESSED: 'warning',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof SEVERITY;

/** Most important first: the order the text report and the review list group findings in. */
export const CODE_ORDER: readonly FindingCode[] = Object.keys(SEVERITY) as FindingCode[];

/** What every finding carries: where it is (row = spreadsheet row, header = 1; null for file-level) and what. */
interface Base {
  readonly row: number | null;
  readonly column: string | null;
  readonly user: string | null;
  readonly value: string | null;
}

export type Finding = Base &
  (
    | { readonly code: 'EMPTY_FILE'; readonly reason: 'noHeader' | 'noRows' }
    | { readonly code: 'MISSING_COLUMN' }
    | { readonly code: 'DUPLICATE_COLUMN'; readonly positions: readonly number[] }
    | { readonly code: 'MALFORMED_ROW'; readonly kind: 'tooFew' | 'tooMany' | 'unclosedQuote' | 'strayQuote'; readonly fields: number; readonly expected: number; readonly line: number; readonly lastLine: number }
    | { readonly code: 'UNKNOWN_LICENSE'; readonly closest: string | null }
    | { readonly code: 'UNKNOWN_ADDON'; readonly addOn: string; readonly closest: string | null }
    | { readonly code: 'ADDON_NOT_ALLOWED'; readonly license: string }
    | { readonly code: 'ADDON_WITHOUT_LICENSE' }
    | { readonly code: 'DUPLICATE_ADDON'; readonly addOn: string }
    | { readonly code: 'DUPLICATE_USER'; readonly firstRow: number; readonly key: string }
    | { readonly code: 'NEW_USER' }
    | { readonly code: 'LOCKED_COLUMN_CHANGED'; readonly original: string | null; readonly cause: ChangeCause }
    | { readonly code: 'SEATS_EXCEEDED'; readonly kind: 'license' | 'addOn'; readonly name: string; readonly assigned: number; readonly seats: number }
    | { readonly code: 'SELF_UNLICENSED' }
    | { readonly code: 'SELF_NOT_FOUND'; readonly email: string }
    | { readonly code: 'USER_REMOVED'; readonly originalRow: number }
    | { readonly code: 'LOSES_ACCESS'; readonly currentLicense: string }
    | { readonly code: 'SELF_UNKNOWN' }
    | { readonly code: 'NORMALIZED'; readonly canonical: string }
    | { readonly code: 'ENCODING_GUESSED'; readonly encoding: string }
  );

/** What a spreadsheet (or a person) most likely did to a locked cell (RELIABILITY.md "Files spreadsheets write"). */
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

export type FindingOf<C extends FindingCode> = Extract<Finding, { code: C }>;

export const severityOf = (finding: Pick<Finding, 'code'>): Severity => SEVERITY[finding.code];
