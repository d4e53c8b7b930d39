// Detect the delimiter and line endings once, so parse and write use the same pinned dialect
// (RELIABILITY.md: re-detecting on a round trip changed data).
import { foldHeader } from '../text/names';

export type Delimiter = ',' | ';' | '\t';
export type LineEnding = '\r\n' | '\n' | '\r';

export interface Dialect {
  readonly delimiter: Delimiter;
  readonly eol: LineEnding;
  readonly finalNewline: boolean;
}

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];
const KNOWN_HEADERS = new Set(['userid', 'email', 'currentlicense', 'newlicense', 'newaddons', 'currentaddons', 'firstname', 'lastname']);

/** The first record of `text` (up to its first line break outside quotes), split by `delimiter` outside quotes. */
function firstRecordFields(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') break;
    else field += c;
    if (i > 65536) break;
  }
  fields.push(field);
  return fields;
}

/** The delimiter that splits the header into the most known column names, then into the most fields. */
export function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const fields = firstRecordFields(text, delimiter);
    const known = fields.filter((f) => KNOWN_HEADERS.has(foldHeader(f))).length;
    const score = known * 100000 + (fields.length > 1 ? fields.length : 0);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** The dominant line ending outside quoted cells (first 64 KiB: hundreds of records), and whether the text ends with one. */
export function detectLineEnding(text: string): { eol: LineEnding; finalNewline: boolean } {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let quoted = false;
  const end = Math.min(text.length, 1 << 16);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const eol: LineEnding = crlf >= lf && crlf >= cr && crlf > 0 ? '\r\n' : cr > lf ? '\r' : '\n';
  const last = text.charCodeAt(text.length - 1);
  return { eol, finalNewline: last === 10 || last === 13 };
}

export function detectDialect(text: string): Dialect {
  return { delimiter: detectDelimiter(text), ...detectLineEnding(text) };
}

export function describeDelimiter(delimiter: Delimiter): string {
  return delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : 'tab';
}
