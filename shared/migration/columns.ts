// Find the columns we read in a header, tolerantly (docs/formats.md "The export"): case, spaces,
// dashes and invisible characters do not matter.
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

export function mapColumns(header: readonly string[]): HeaderMap {
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
