// One table of human messages and fixes, keyed by finding code (docs/rules.md); formatting is separate
// from finding: messages read a placed finding (row numbers and header labels, see place.ts).
import type { ChangeCause, PlacedFinding } from './codes';

export interface Described {
  readonly message: string;
  readonly suggestion: string | null;
}

/** A value in quotes, with characters people cannot see (line breaks, tabs, NBSP, zero-width) made visible. */
const q = (value: string | null): string =>
  `"${(value ?? '').replace(/[\r\n\t\u00A0\u200B-\u200D\u2060\uFEFF]/g, (c) => (c === '\r' ? '\\r' : c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`))}"`;
const count = (n: number): string => n.toLocaleString('en-US');
const users = (n: number): string => `${count(n)} ${n === 1 ? 'user' : 'users'}`;

const CAUSES: Record<ChangeCause, string> = {
  leadingZeros: 'leading zeros were removed — a spreadsheet opened this file and treated the value as a number',
  plusDropped: 'the leading "+" was dropped — a spreadsheet treated the value as a number',
  scientific: 'a long number was rewritten in scientific notation — a spreadsheet keeps only 15 digits',
  numberReformatted: 'the number was reformatted — a spreadsheet treated the value as a number',
  dateRewritten: 'the date was rewritten in another format — a spreadsheet treated the value as a date',
  becameDate: 'the value was turned into a date — a spreadsheet treated it as a date',
  formulaEvaluated: 'a formula was replaced by its result — a spreadsheet evaluated it',
  spacesTrimmed: 'spaces at the start or end were removed',
  keyChanged: 'the user key was changed',
  columnRemoved: 'this column of the original export is missing',
  columnAdded: 'this column is not in the original export',
  columnMoved: 'the columns are in a different order than in the original export',
  edited: 'the value was changed',
};

const REIMPORT = 'Only New License and New Add-ons may change: copy the original value back, or start again from the original export and import every column as Text in your spreadsheet.';

/** "Meet", "Meet" and "Deal", "Meet", "Deal" and 3 more: the names a finding carries, and how many it counts. */
function nameList(names: readonly string[], total: number): string {
  const quoted = names.map((n) => q(n));
  const more = total - names.length;
  if (more > 0) return `${quoted.join(', ')} and ${count(more)} more`;
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

export function describeFinding(f: PlacedFinding): Described {
  switch (f.code) {
    case 'EMPTY_FILE':
      return f.reason === 'noHeader'
        ? { message: 'The file is empty: it has no header row.', suggestion: 'Open the export of all users downloaded from the platform.' }
        : { message: 'The file has a header but no user rows.', suggestion: 'Open the export of all users downloaded from the platform.' };
    case 'MISSING_COLUMN':
      if (f.name === 'Email') return { message: 'The file has neither an "Email" nor a "User ID" column, so its users cannot be told apart.', suggestion: 'Add the Email column back from the original export (header names are matched ignoring case and spaces), or map the column that holds emails.' };
      return { message: `The required column ${q(f.name)} is missing.`, suggestion: `Add the ${q(f.name)} column back from the original export (header names are matched ignoring case and spaces).` };
    case 'DUPLICATE_COLUMN':
      return { message: `Two or more columns are named ${q(f.column)} (columns ${f.positions.join(', ')}).`, suggestion: 'Rename or remove the extra column so each header appears once.' };
    case 'MALFORMED_ROW': {
      const where = `line ${f.line} of the file`;
      const swallowed = f.lastLine > f.line ? ` Lines ${f.line} to ${f.lastLine} read as this one row: the users on them are not checked.` : '';
      if (f.kind === 'unclosedQuote') return { message: `A quoted cell opened on ${where} is never closed, so the rest of the file reads as one cell.${swallowed}`, suggestion: 'Add the missing closing quote (") or remove the stray one.' };
      if (f.kind === 'strayQuote') return { message: `A quote (") in the middle of a cell on ${where} makes the row unreadable.${swallowed}`, suggestion: 'Write a quote inside a quoted cell as two quotes ("") or remove it.' };
      return { message: `This row has ${count(f.fields)} ${f.fields === 1 ? 'cell' : 'cells'} but the header has ${count(f.expected)} (${where}).`, suggestion: f.kind === 'tooMany' ? 'A cell probably contains the delimiter without quotes: put that cell in quotes or remove the extra cells.' : 'Cells are missing: restore them from the original export.' };
    }
    case 'UNKNOWN_LICENSE':
      return { message: `${q(f.value)} is not a license in the plan.`, suggestion: f.closest ? `Did you mean "${f.closest}"?` : 'Use one of the plan\'s license names, or leave the cell empty for a user who needs no license.' };
    case 'UNKNOWN_ADDON':
      return {
        message: f.count === 1 ? `${q(f.names[0])} is not an add-on in the plan.` : `${nameList(f.names, f.count)} are not add-ons in the plan.`,
        suggestion: f.closest ? `Did you mean "${f.closest}"${f.count === 1 ? '' : ` for ${q(f.names[0])}`}?` : 'Use the plan\'s add-on names, separated by commas.',
      };
    case 'ADDON_NOT_ALLOWED':
      return { message: `Users with the ${q(f.license)} license cannot have add-ons.`, suggestion: 'Remove the add-ons, or give this user a license that allows add-ons.' };
    case 'ADDON_WITHOUT_LICENSE':
      return { message: 'This user has add-ons but no New License.', suggestion: 'Assign a New License that allows add-ons, or remove the add-ons.' };
    case 'DUPLICATE_ADDON':
      return { message: f.count === 1 ? `The add-on ${q(f.names[0])} is listed more than once.` : `The add-ons ${nameList(f.names, f.count)} are listed more than once.`, suggestion: 'List each add-on once.' };
    case 'DUPLICATE_USER': {
      const key = f.key === 'userId' ? `User ID ${q(f.keyValue)}` : `Email ${q(f.keyValue)}`;
      return { message: `${key} already appears on row ${f.firstRow}: this is the same user twice.`, suggestion: `Keep one row per user: delete this row, or restore its original ${f.key === 'userId' ? 'User ID' : 'Email'} (one email is one user on the platform).` };
    }
    case 'NO_USER_KEY':
      return { message: 'This row has neither a User ID nor an Email, so it names no user.', suggestion: 'Restore the user\'s Email (or User ID) from the original export, or delete the row.' };
    case 'NEW_USER':
      return { message: 'This user is not in the original export.', suggestion: 'Remove this row: new users cannot be added in the migration file — add them later on the Users page.' };
    case 'LOCKED_COLUMN_CHANGED': {
      if (f.cause === 'columnMoved') return { message: 'The columns are in a different order than in the original export.', suggestion: REIMPORT };
      if (f.cause === 'columnRemoved' || f.cause === 'columnAdded') return { message: `Column ${q(f.column)}: ${CAUSES[f.cause]}.`, suggestion: REIMPORT };
      return { message: `${f.column ?? 'A cell'} changed from ${q(f.original)} to ${q(f.value)}: ${CAUSES[f.cause]}.`, suggestion: REIMPORT };
    }
    case 'SEATS_EXCEEDED': {
      const what = f.kind === 'license' ? 'license' : 'add-on';
      const seats = `${count(f.seats)} ${f.seats === 1 ? 'seat' : 'seats'}`;
      return { message: `${users(f.assigned)} hold the ${q(f.name)} ${what} but the plan has ${seats} (${count(f.assigned - f.seats)} too many).`, suggestion: `Remove the ${what} from ${users(f.assigned - f.seats)}, or correct the seat count if the contract grants more.` };
    }
    case 'SELF_UNLICENSED':
      return { message: 'Your own row has no New License: you would lose access to the platform.', suggestion: 'Assign yourself a license (an Admin license, if the plan has one).' };
    case 'SELF_NOT_FOUND':
      return { message: `No row has your email ${q(f.email)}, so you would get no license.`, suggestion: 'Check the email you gave, or use the export that contains your own user.' };
    case 'USER_REMOVED':
      return { message: `${f.originalUser ?? 'A user'} (row ${f.originalRow} of the original export) has no row in this file and will get no license.`, suggestion: 'Put the row back from the original export, with an empty New License if this user needs no access.' };
    case 'LOSES_ACCESS':
      return { message: `This user has ${q(f.currentLicense)} today but no New License: "No License Assigned", they will not be able to log in.`, suggestion: 'Assign a New License unless this user no longer needs access.' };
    case 'LOSES_ADDON':
      return { message: `This user has ${nameList(f.names, f.names.length)} today but not in New Add-ons: they will lose ${f.names.length === 1 ? 'it' : 'them'}.`, suggestion: `Add ${f.names.length === 1 ? 'it' : 'them'} to New Add-ons (the license must allow add-ons) unless this user no longer needs ${f.names.length === 1 ? 'it' : 'them'}.` };
    case 'SELF_UNKNOWN':
      if (f.reason === 'noEmailColumn') return { message: 'The file has no Email column, so your own row could not be found and the rule that you must assign yourself a license could not be checked.', suggestion: 'Make sure your own user has a New License.' };
      return { message: 'Your own email was not given, so the rule that you must assign yourself a license could not be checked.', suggestion: 'Say which user you are (the --me option, or "Which user are you" in the app).' };
    case 'NORMALIZED':
      return { message: `${q(f.value)} will be written as ${q(f.canonical)}.`, suggestion: null };
    case 'ENCODING_GUESSED':
      return { message: 'The file is not valid UTF-8 or UTF-16 and was read as Windows-1252.', suggestion: 'Check that accented and non-Latin names look right; it will be saved as UTF-8.' };
    default: {
      const never: never = f;
      return never;
    }
  }
}
