// Find the columns we read in a header, tolerantly (docs/formats.md "The export"): case, spaces,
// dashes and invisible characters do not matter; or as the admin chose for that header
// (docs/formats.md "Remembered columns").
import type { ColumnChoice } from '../plan/plan';
import { foldHeader } from '../text/names';

export interface ColumnMap {
  /** Index of each column we read, or -1 when the file lacks it. */
  readonly userId: number;
  readonly email: number;
  readonly firstName: number;
  readonly lastName: number;
  readonly currentLicense: number;
  readonly currentAddOns: number;
  /** When the file lacks New License / New Add-ons they are added at the end: width and width + 1. */
  readonly newLicense: number;
  readonly newAddOns: number;
  /** Whether New License / New Add-ons are in the file (false: appended on write). */
  readonly newLicensePresent: boolean;
  readonly newAddOnsPresent: boolean;
  /** Number of columns in the file's header. */
  readonly width: number;
  /** Header names for findings, with New License / New Add-ons appended when missing. */
  readonly names: readonly string[];
}

export const COLUMN_NAMES = {
  userId: 'User ID',
  email: 'Email',
  firstName: 'First Name',
  lastName: 'Last Name',
  currentLicense: 'Current License',
  currentAddOns: 'Current Add-ons',
  newLicense: 'New License',
  newAddOns: 'New Add-ons',
} as const;

type Known = keyof typeof COLUMN_NAMES;
const BY_FOLD = new Map<string, Known>(
  (Object.keys(COLUMN_NAMES) as Known[]).flatMap((key): [string, Known][] => [[foldHeader(COLUMN_NAMES[key]), key]]),
);
BY_FOLD.set('emailaddress', 'email');
BY_FOLD.set('newaddon', 'newAddOns');
BY_FOLD.set('currentaddon', 'currentAddOns');

/** The header text shown in findings: as in the file, without invisible characters at the ends. */
export const displayHeader = (raw: string): string => raw.replace(/^[\s\uFEFF\u200B]+|[\s\uFEFF\u200B]+$/g, '');

export interface HeaderMap {
  readonly columns: ColumnMap;
  /** Groups of header positions (0-based) that fold to the same name: DUPLICATE_COLUMN. */
  readonly duplicates: readonly (readonly number[])[];
}

/** Our columns the admin may point at a column of the file (the column-mapping step). */
export const CHOSEN_ROLES = ['userId', 'email', 'currentLicense', 'currentAddOns', 'newLicense', 'newAddOns'] as const;
export type ColumnRole = (typeof CHOSEN_ROLES)[number];

/** Whether two headers are the same header (each name compared ignoring case, spaces, dashes and invisible characters). */
export function sameHeader(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => foldHeader(name) === foldHeader(b[i]));
}

/** The remembered choice for a file with this header (the last one remembered wins), or null. */
export function choiceFor(choices: readonly ColumnChoice[] | undefined, header: readonly string[]): ColumnChoice | null {
  if (!choices) return null;
  for (let i = choices.length - 1; i >= 0; i--) if (sameHeader(choices[i].header, header)) return choices[i];
  return null;
}

/**
 * Why a choice cannot be used with `header`, or null: a named column is not in the header, or one
 * column is chosen for two of ours (New License chosen as the Email column would overwrite the emails).
 */
export function choiceProblem(choice: ColumnChoice, header: readonly string[]): string | null {
  const used = new Map<number, ColumnRole>();
  for (const role of CHOSEN_ROLES) {
    const name = choice[role];
    if (name === null) continue;
    const index = header.findIndex((h) => foldHeader(h) === foldHeader(name));
    if (index < 0) return `the column "${name}" chosen as ${COLUMN_NAMES[role]} is not in the file`;
    const other = used.get(index);
    if (other !== undefined) return `the column "${name}" is chosen both as ${COLUMN_NAMES[other]} and as ${COLUMN_NAMES[role]}`;
    used.set(index, role);
  }
  return null;
}

/** Our columns as the header's names matched them: what the column-mapping step starts from. */
export function choiceOf(header: readonly string[], columns: ColumnMap): ColumnChoice {
  const name = (index: number, present = true): string | null => (present && index >= 0 && index < header.length ? header[index] : null);
  return {
    header: [...header],
    userId: name(columns.userId),
    email: name(columns.email),
    currentLicense: name(columns.currentLicense),
    currentAddOns: name(columns.currentAddOns),
    newLicense: name(columns.newLicense, columns.newLicensePresent),
    newAddOns: name(columns.newAddOns, columns.newAddOnsPresent),
  };
}

/**
 * Our columns the admin should be asked about: no user key (User ID or Email), no Current License,
 * and New License / New Add-ons when the file has no column of that name (they would be added at the end).
 */
export function columnsToAsk(columns: ColumnMap): ColumnRole[] {
  const ask: ColumnRole[] = [];
  if (columns.userId < 0 && columns.email < 0) ask.push('userId', 'email');
  if (columns.currentLicense < 0) ask.push('currentLicense');
  if (!columns.newLicensePresent) ask.push('newLicense');
  if (!columns.newAddOnsPresent) ask.push('newAddOns');
  return ask;
}

/**
 * Our columns in `header`: by name, or as `choice` says when it is a usable choice for this header
 * (a column it names is ours whatever its name; null: not in the file, or for New License / New
 * Add-ons added at the end). First Name and Last Name are always found by name.
 */
export function mapColumns(header: readonly string[], choice: ColumnChoice | null = null): HeaderMap {
  const found: Partial<Record<Known, number>> = {};
  const byFold = new Map<string, number[]>();
  header.forEach((raw, index) => {
    const fold = foldHeader(raw);
    if (fold === '') return;
    const list = byFold.get(fold);
    if (list) list.push(index);
    else byFold.set(fold, [index]);
    const known = BY_FOLD.get(fold);
    if (known !== undefined && found[known] === undefined) found[known] = index;
  });
  if (choice !== null && choiceProblem(choice, header) === null) {
    // Columns taken by a chosen role are not also read by name for another one.
    const chosen = new Set<number>();
    for (const role of CHOSEN_ROLES) {
      const name = choice[role];
      const index = name === null ? -1 : header.findIndex((h) => foldHeader(h) === foldHeader(name));
      if (index >= 0) chosen.add(index);
      if (index >= 0) found[role] = index;
      else delete found[role];
    }
    for (const key of ['firstName', 'lastName'] as const) if (found[key] !== undefined && chosen.has(found[key])) delete found[key];
  }
  const width = header.length;
  const newLicense = found.newLicense ?? width;
  const newAddOns = found.newAddOns ?? (found.newLicense === undefined ? width + 1 : width);
  const names = header.map(displayHeader);
  if (found.newLicense === undefined) names[newLicense] = COLUMN_NAMES.newLicense;
  if (found.newAddOns === undefined) names[newAddOns] = COLUMN_NAMES.newAddOns;
  return {
    columns: {
      userId: found.userId ?? -1,
      email: found.email ?? -1,
      firstName: found.firstName ?? -1,
      lastName: found.lastName ?? -1,
      currentLicense: found.currentLicense ?? -1,
      currentAddOns: found.currentAddOns ?? -1,
      newLicense,
      newAddOns,
      newLicensePresent: found.newLicense !== undefined,
      newAddOnsPresent: found.newAddOns !== undefined,
      width,
      names,
    },
    duplicates: [...byFold.values()].filter((positions) => positions.length > 1),
  };
}
