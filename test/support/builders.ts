// Small builders for tests: CSV text from lines, a session from text, findings by code (tests only).
import type { Plan } from '../../shared/plan/plan';
import { createSession, type MigrationSession, type SessionOptions } from '../../shared/migration/session';
import type { FindingCode, PlacedFinding, PlacedFindingOf } from '../../shared/validation/codes';
import type { LoadedExport } from '../../shared/migration/load';
import type { CsvTable } from '../../shared/csv/tokenize';
import { headerFindings } from '../../shared/validation/fileRules';
import { placeFinding } from '../../shared/validation/place';
import { PLAN, load } from './fixtures';

/** The records joined by `eol`, with a final line ending unless told otherwise. */
export function csv(lines: readonly string[], eol = '\n', finalNewline = true): string {
  return lines.join(eol) + (finalNewline ? eol : '');
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

export function concatBytes(...parts: readonly (Uint8Array | readonly number[])[]): Uint8Array {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** UTF-16 code units of `text`, little or big endian, without a BOM. */
export function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [lo, hi] = [unit & 0xff, unit >> 8];
    out[2 * i] = endian === 'le' ? lo : hi;
    out[2 * i + 1] = endian === 'le' ? hi : lo;
  }
  return out;
}

/** A session on `text` with the small test PLAN; the admin is ann@example.com unless told otherwise. */
export function sessionOf(text: string | Uint8Array, options: SessionOptions = {}, plan: Plan = PLAN): MigrationSession {
  return createSession(load(text), plan, { me: 'ann@example.com', ...options });
}

/** Every finding of a session as people read it (spreadsheet row, header label, user). */
export function placedOf(session: MigrationSession): PlacedFinding[] {
  return session.allFindings().map((f) => session.place(f));
}

export function findingsOf<C extends FindingCode>(session: MigrationSession, code: C): PlacedFindingOf<C>[] {
  return placedOf(session).filter((f): f is PlacedFindingOf<C> => f.code === code);
}

export const codesOf = (findings: readonly { readonly code: FindingCode }[]): FindingCode[] => findings.map((f) => f.code);

/** The findings about a loaded file as a whole (header, encoding), as people read them. */
export function fileFindingsOf(loaded: LoadedExport): PlacedFinding[] {
  return headerFindings(loaded).map((f) => placeFinding(f, loaded));
}

/** Every data record of a table, as arrays of cells. */
export function recordsOf(table: Pick<CsvTable, 'rowCount' | 'record'>): string[][] {
  return Array.from({ length: table.rowCount }, (_, r) => table.record(r));
}
