// The error report in its two forms (docs/formats.md "The error report"): the findings list, and the
// annotated copy of the file. UTF-8 with BOM, every field quoted and escaped, CRLF for Excel.
import { utf8Bytes } from '../csv/write';
import type { MigrationSession } from '../migration/session';
import { SEVERITY, type PlacedFinding } from '../validation/codes';
import { describeFinding } from '../validation/messages';
import { quotedRecord } from './escape';

export const REPORT_HEADER = ['Row', 'User', 'Column', 'Value', 'Code', 'Message', 'Suggestion'] as const;
const EOL = '\r\n';

export function findingsReportText(findings: Iterable<PlacedFinding>): string {
  const lines = [quotedRecord(REPORT_HEADER)];
  for (const f of findings) {
    const { message, suggestion } = describeFinding(f);
    lines.push(quotedRecord([f.row === null ? '' : String(f.row), f.user ?? '', f.column ?? '', f.value ?? '', f.code, message, suggestion ?? '']));
  }
  return lines.join(EOL) + EOL;
}

export function findingsReport(findings: Iterable<PlacedFinding>): Uint8Array {
  return utf8Bytes(findingsReportText(findings), true);
}

const line = (f: PlacedFinding): string => {
  const { message, suggestion } = describeFinding(f);
  const where = f.column ? `${f.column}: ` : '';
  return `${f.code} — ${where}${message}${suggestion ? ` ${suggestion}` : ''}`;
};

/** Every column of the input plus Errors and Warnings; file-level findings in a first row. */
export function annotatedCopyText(session: MigrationSession): string {
  const { columns } = session.source;
  const width = Math.max(columns.names.length, columns.newLicense + 1, columns.newAddOns + 1);
  const lines = [quotedRecord([...columns.names.slice(0, width), 'Errors', 'Warnings'])];
  const fileLevel = session.fileFindings().map((f) => session.place(f));
  if (fileLevel.length > 0) {
    const empty = new Array<string>(width).fill('');
    empty[0] = '(whole file)';
    lines.push(quotedRecord([...empty, ...splitBySeverity(fileLevel)]));
  }
  for (let r = 0; r < session.rowCount; r++) {
    const cells = new Array<string>(width);
    for (let c = 0; c < width; c++) cells[c] = session.cell(r, c);
    lines.push(quotedRecord([...cells, ...splitBySeverity(session.findingsForRow(r).map((f) => session.place(f)))]));
  }
  return lines.join(EOL) + EOL;
}

export function annotatedCopy(session: MigrationSession): Uint8Array {
  return utf8Bytes(annotatedCopyText(session), true);
}

/** The placed findings of a session, in report order: file-level first, then by row. */
export function* placedFindings(session: MigrationSession): Generator<PlacedFinding> {
  for (const f of session.findings()) yield session.place(f);
}

function splitBySeverity(findings: readonly PlacedFinding[]): [string, string] {
  const errors = findings.filter((f) => SEVERITY[f.code] === 'error').map(line);
  const warnings = findings.filter((f) => SEVERITY[f.code] === 'warning').map(line);
  return [errors.join('\n'), warnings.join('\n')];
}
