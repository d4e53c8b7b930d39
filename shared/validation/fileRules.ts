// Rules about the file as a whole (docs/rules.md "The file"): an empty file, required and repeated
// columns, a damaged header or row, a guessed encoding. Also the one policy, used by the app and the
// CLI alike, for what makes a file unusable as a migration or as the original export.
import type { LoadedExport } from '../migration/load';
import { COLUMN_NAMES } from '../migration/columns';
import { HEADER_RECORD, type Finding } from './codes';
import { hasUserKeyColumn } from './userKey';

/** EMPTY_FILE, MISSING_COLUMN, DUPLICATE_COLUMN, a damaged header (MALFORMED_ROW) and ENCODING_GUESSED. */
export function headerFindings(source: LoadedExport): Finding[] {
  const { table, columns } = source;
  const out: Finding[] = [];
  if (table.headerProblem) {
    const { kind, line } = table.headerProblem;
    out.push({ code: 'MALFORMED_ROW', record: HEADER_RECORD, column: null, value: null, kind, fields: table.header.length, expected: table.header.length, line, lastLine: line });
  }
  const empty = source.columns.width === 0 || table.header.every((h) => h.trim() === '');
  if (empty) {
    out.push({ code: 'EMPTY_FILE', record: null, column: null, value: null, reason: 'noHeader' });
  } else {
    for (const positions of source.duplicateColumns) {
      out.push({ code: 'DUPLICATE_COLUMN', record: HEADER_RECORD, column: positions[0], value: null, positions: positions.map((p) => p + 1) });
    }
    // A user key is required: Email, or User ID (preferred for matching when present).
    if (!hasUserKeyColumn(columns)) out.push({ code: 'MISSING_COLUMN', record: null, column: null, value: null, name: COLUMN_NAMES.email });
    if (columns.currentLicense < 0) out.push({ code: 'MISSING_COLUMN', record: null, column: null, value: null, name: COLUMN_NAMES.currentLicense });
    if (table.rowCount === 0) out.push({ code: 'EMPTY_FILE', record: null, column: null, value: null, reason: 'noRows' });
  }
  if (source.guessed) out.push({ code: 'ENCODING_GUESSED', record: null, column: null, value: null, encoding: source.encoding });
  return out;
}

/** MALFORMED_ROW for each record that cannot be read (too few or too many cells, a broken quote). */
export function malformedFindings(source: LoadedExport): Finding[] {
  return source.table.malformed.map((m) => ({ code: 'MALFORMED_ROW' as const, record: m.record, column: null, value: null, kind: m.kind, fields: m.fields, expected: source.columns.width, line: m.line, lastLine: m.lastLine }));
}

/**
 * The findings that stop a file from being a migration at all (no header, no users, no user key):
 * the app does not open such a file and says why; the CLI reports them like any other error.
 */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.code === 'EMPTY_FILE' || (f.code === 'MISSING_COLUMN' && f.name === COLUMN_NAMES.email));
}

/**
 * Why a file cannot serve as the original export, or null: comparing with an original that has no users,
 * no user key or unreadable rows would call users new, removed or changed when they are not.
 */
export function originalProblem(original: LoadedExport): string | null {
  const blocking = blockingFindings(headerFindings(original));
  if (blocking.length > 0) {
    const f = blocking[0];
    if (f.code === 'MISSING_COLUMN') return 'it has neither a User ID nor an Email column, so its users cannot be matched';
    return f.code === 'EMPTY_FILE' && f.reason === 'noHeader' ? 'it is empty' : 'it has a header but no users';
  }
  if (original.table.headerProblem) return `its header (line ${original.table.headerProblem.line}) has a broken quote`;
  const bad = original.table.malformed;
  if (bad.length > 0) {
    const first = bad[0];
    const row = original.table.recordIndex[first.record] + 1;
    const more = bad.length > 1 ? ` (and ${(bad.length - 1).toLocaleString('en-US')} more)` : '';
    const what = first.kind === 'unclosedQuote' || first.kind === 'strayQuote' ? 'has a broken quote' : `has ${first.fields} cells where the header has ${original.columns.width}`;
    return `row ${row} (line ${first.line}) ${what}${more}: use the export as downloaded from the platform`;
  }
  return null;
}
