// Detect the delimiter and line endings once, so parse and write use the same pinned dialect
// (docs/reliability.md "Delimiter and line endings": detecting again on a round trip can change data).
import { foldHeader } from '../text/names';

export type Delimiter = ',' | ';' | '\t';
export type LineEnding = '\r\n' | '\n' | '\r';

export interface Dialect {
  readonly delimiter: Delimiter;
  /** The dominant record ending (the one most records end with). */
  readonly eol: LineEnding;
  readonly finalNewline: boolean;
  /**
   * Records end in more than one way (CRLF and LF): then both end a record outside quoted cells, and so
   * does a lone CR when `eol` is CR (elsewhere a lone CR is cell text). Line breaks inside quoted cells
   * are cell text either way.
   */
  readonly mixedEol: boolean;
  /**
   * The file starts with Excel's `sep=;` line: it pins the delimiter, it is not the header, and it is
   * not a spreadsheet row (Excel hides it, so the header is row 1). It is written back as it was.
   */
  readonly sepLine: boolean;
}

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];
const KNOWN_HEADERS = new Set(['userid', 'email', 'currentlicense', 'newlicense', 'newaddons', 'currentaddons', 'firstname', 'lastname']);

/** Excel's first line `sep=X` (any case; a BOM or a quote may come before it, a quote after). */
const SEP_LINE = /^\uFEFF?"?sep=([^\r\n"])"?(?:\r\n|\n|\r|$)/i;

/** The delimiter a `sep=` first line names, and where the line (with its line ending) ends; null without one. */
export function readSepLine(text: string): { readonly delimiter: string; readonly end: number } | null {
  const match = SEP_LINE.exec(text.slice(0, 16));
  return match ? { delimiter: match[1], end: match[0].length } : null;
}

export const isDelimiter = (c: string): c is Delimiter => c === ',' || c === ';' || c === '\t';

/** Offset of the first line at or after `from` that holds more than delimiters and spaces (blank lines above a header). */
export function firstTextLine(text: string, from = 0): number {
  let lineStart = from;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) lineStart = i + 1;
    else if (c !== 44 && c !== 59 && c !== 9 && c !== 32) return lineStart;
  }
  return text.length;
}

/** The first record of `text` from `from` (up to its first line break outside quotes), split by `delimiter` outside quotes. */
function firstRecordFields(text: string, delimiter: string, from: number): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  const end = Math.min(text.length, from + 65536);
  for (let i = from; i < end; i++) {
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
  }
  fields.push(field);
  return fields;
}

/**
 * The delimiter that splits the header into the most known column names, then into the most fields.
 * The header is the first line after a `sep=` line and blank lines that holds text.
 */
export function detectDelimiter(text: string): Delimiter {
  const sep = readSepLine(text);
  if (sep && isDelimiter(sep.delimiter)) return sep.delimiter;
  const from = firstTextLine(text, sep ? sep.end : 0);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const fields = firstRecordFields(text, delimiter, from);
    const known = fields.filter((f) => KNOWN_HEADERS.has(foldHeader(f))).length;
    const score = known * 100000 + (fields.length > 1 ? fields.length : 0);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Whether an LF not preceded by CR occurs anywhere (indexOf from LF to LF: 20 ms on 121 MB, a third of a regex). */
function hasLoneLf(text: string): boolean {
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (i === 0 || text.charCodeAt(i - 1) !== 13) return true;
  return false;
}

/**
 * Whether records end in more than one way: a line break outside quoted cells (a quote opens one only
 * at the start of a cell, as papaparse reads it) that ends a record differently from `eol`. CRLF and
 * LF are both record endings in any file; a lone CR is one only in a file whose records end with CR
 * (elsewhere it is cell text, as a stray CR typed into a cell). Jumps between quotes with indexOf; a
 * file with one kind of line ending costs one native scan.
 */
/**
 * Just past the quoted cell whose opening quote is at `quote` (`""` inside is a quote), with the quoting
 * rules papaparse applies; -1 when the quote is never closed (the rest of the text is that cell).
 */
export function afterQuotedCell(text: string, quote: number): number {
  let i = quote + 1;
  for (;;) {
    const close = text.indexOf('"', i);
    if (close === -1) return -1;
    if (text.charCodeAt(close + 1) === 34) i = close + 2;
    else return close + 1;
  }
}

export function hasOtherLineEndings(text: string, eol: LineEnding, delimiter: Delimiter): boolean {
  if (eol === '\n' && text.indexOf('\r\n') === -1) return false;
  if (eol === '\r' && text.indexOf('\n') === -1) return false;
  if (eol === '\r\n' && !hasLoneLf(text)) return false;
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let fieldStart = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (fieldStart && c === 34) {
      // A quoted cell: skip to its closing quote.
      i = afterQuotedCell(text, i);
      if (i === -1) return false;
      fieldStart = false;
      continue;
    }
    if (c === 10 || (c === 13 && (eol === '\r' || text.charCodeAt(i + 1) === 10))) {
      const ending = c === 13 && text.charCodeAt(i + 1) === 10 ? '\r\n' : c === 13 ? '\r' : '\n';
      if (ending !== eol) return true;
      i += ending.length;
      fieldStart = true;
    } else {
      fieldStart = c === d;
      i++;
    }
  }
  return false;
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
  const delimiter = detectDelimiter(text);
  const { eol, finalNewline } = detectLineEnding(text);
  const sep = readSepLine(text);
  return { delimiter, eol, finalNewline, mixedEol: hasOtherLineEndings(text, eol, delimiter), sepLine: sep !== null && isDelimiter(sep.delimiter) };
}

export function describeDelimiter(delimiter: Delimiter): string {
  return delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : 'tab';
}
