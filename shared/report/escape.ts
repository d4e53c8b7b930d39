// Spreadsheet-safe cells for reports (docs/reliability.md "The error report": OWASP CSV injection, CWE-1236).
// The upload-ready file is never escaped: it goes back to an importer verbatim.

const DANGEROUS = /^'*[=+\-@\t\r\n]/;

/** Prefix `'` on a cell a spreadsheet would evaluate; strip NUL. Reversible with unescapeCell. */
export function escapeCell(value: string): string {
  const clean = value.includes('\0') ? value.replace(/\0/g, '') : value;
  return DANGEROUS.test(clean) ? `'${clean}` : clean;
}

export function unescapeCell(value: string): string {
  return /^'+[=+\-@\t\r\n]/.test(value) ? value.slice(1) : value;
}

/** A CSV record where every field is quoted and escaped. */
export function quotedRecord(fields: readonly string[]): string {
  return fields.map((f) => `"${escapeCell(f).replace(/"/g, '""')}"`).join(',');
}
