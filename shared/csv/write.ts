// Write the upload-ready file by splicing bytes: only New License / New Add-ons cells are rewritten,
// every other byte stays as it was (docs/formats.md "The upload-ready file", docs/reliability.md "Byte-splicing writes").
// UTF-8 input is spliced in place; other encodings are encoded to UTF-8 once, then spliced the same way.
import type { Delimiter, LineEnding } from './dialect';

export interface SpliceDialect {
  readonly delimiter: Delimiter;
  readonly eol: LineEnding;
  /** CRLF, LF and CR outside quoted cells each end a record (Dialect.mixedEol). */
  readonly mixedEol?: boolean;
}

export interface OwnedColumns {
  /** Column indexes of New License / New Add-ons; a column at or past `width` is appended. */
  readonly license: number;
  readonly addOns: number;
  readonly width: number;
  readonly headerNames: { readonly license: string; readonly addOns: string };
  /** The header's record index (blank lines above it stay as they are). */
  readonly headerRecord: number;
}

/** New cell text for one record (file record index, header = 0); a cell left out keeps its bytes. */
export interface RecordEdit {
  readonly record: number;
  readonly license?: string;
  readonly addOns?: string;
  /** Leave the record out, with its record ending (a user removed from the file written from the original export). */
  readonly remove?: boolean;
}

const QUOTE = 34;

/** A cell as CSV text: quoted only when it must be (delimiter, quote, line break). */
export function csvField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/** Index just past the quoted cell whose opening quote is at `quote` (`""` is a quote); `length` when unclosed. */
function skipQuoted(bytes: Uint8Array, quote: number): number {
  let i = quote + 1;
  for (;;) {
    const close = bytes.indexOf(QUOTE, i);
    if (close === -1) return bytes.length;
    if (bytes[close + 1] === QUOTE) i = close + 2;
    else return close + 1;
  }
}

/**
 * Start offset of every record of UTF-8 `bytes`, with the quoting rules papaparse applies: a quote
 * opens a quoted cell only at the start of a cell. Jumps with indexOf between quotes and line ends.
 */
export function recordStartsInBytes(bytes: Uint8Array, dialect: SpliceDialect): number[] {
  if (dialect.mixedEol) return recordStartsAnyEnding(bytes, dialect.delimiter, dialect.eol === '\r');
  const starts = [0];
  const length = bytes.length;
  const d = dialect.delimiter.charCodeAt(0);
  const eol0 = dialect.eol.charCodeAt(0);
  const crlf = dialect.eol.length === 2;
  let i = 0;
  let atFieldStart = true;
  let nextQuote = bytes.indexOf(QUOTE);
  while (i < length) {
    let lineEnd = bytes.indexOf(eol0, i);
    while (crlf && lineEnd !== -1 && bytes[lineEnd + 1] !== 10) lineEnd = bytes.indexOf(eol0, lineEnd + 1);
    if (lineEnd === -1) lineEnd = length;
    if (nextQuote !== -1 && nextQuote < i) nextQuote = bytes.indexOf(QUOTE, i);
    if (nextQuote !== -1 && nextQuote < lineEnd) {
      const q = nextQuote;
      const opens = q === i ? atFieldStart : bytes[q - 1] === d;
      i = opens ? skipQuoted(bytes, q) : q + 1;
      atFieldStart = false;
      nextQuote = bytes.indexOf(QUOTE, i);
      continue;
    }
    i = lineEnd + dialect.eol.length;
    atFieldStart = true;
    if (i < length) starts.push(i);
  }
  return starts;
}

/** recordStartsInBytes for a file whose records end in CRLF or LF, and lone CR when `loneCr` (one byte at a time: such files are rare). */
function recordStartsAnyEnding(bytes: Uint8Array, delimiter: Delimiter, loneCr: boolean): number[] {
  const starts = [0];
  const d = delimiter.charCodeAt(0);
  const length = bytes.length;
  let i = 0;
  let atFieldStart = true;
  while (i < length) {
    const b = bytes[i];
    if (b === QUOTE && atFieldStart) {
      i = skipQuoted(bytes, i);
      atFieldStart = false;
    } else if (b === 10 || (b === 13 && (loneCr || bytes[i + 1] === 10))) {
      i += b === 13 && bytes[i + 1] === 10 ? 2 : 1;
      atFieldStart = true;
      if (i < length) starts.push(i);
    } else {
      atFieldStart = b === d;
      i++;
    }
  }
  return starts;
}

/** Length of the record ending at the end of bytes[start, next): CRLF, LF (or CR in a CR file) when `mixed`, else only `eol`. */
function endingLength(bytes: Uint8Array, start: number, next: number, eol: LineEnding, mixed: boolean): number {
  const size = next - start;
  const crlf = size >= 2 && bytes[next - 2] === 13 && bytes[next - 1] === 10;
  if (mixed) return crlf ? 2 : size >= 1 && (bytes[next - 1] === 10 || (eol === '\r' && bytes[next - 1] === 13)) ? 1 : 0;
  if (eol.length === 2) return crlf ? 2 : 0;
  return size >= 1 && bytes[next - 1] === eol.charCodeAt(0) ? 1 : 0;
}

/** [start, end) of every field of the record bytes[start, end). */
export function fieldSpansInBytes(bytes: Uint8Array, start: number, end: number, delimiter: Delimiter): number[] {
  const d = delimiter.charCodeAt(0);
  const spans: number[] = [];
  let i = start;
  for (;;) {
    const fieldStart = i;
    if (i < end && bytes[i] === QUOTE) i = Math.min(skipQuoted(bytes, i), end);
    while (i < end && bytes[i] !== d) i++;
    spans.push(fieldStart, i);
    if (i >= end) return spans;
    i++;
  }
}

/**
 * The file's UTF-8 `body` (no BOM) with `edits` (ascending by record) spliced in. Records not edited
 * keep their bytes; when the owned columns are missing they are appended to every record.
 */
export function spliceUtf8(body: Uint8Array, dialect: SpliceDialect, owned: OwnedColumns, edits: readonly RecordEdit[]): Uint8Array {
  const appendLicense = owned.license >= owned.width;
  const appendAddOns = owned.addOns >= owned.width;
  const appending = appendLicense || appendAddOns;
  if (edits.length === 0 && !appending) return body;
  const encoder = new TextEncoder();
  const encoded = new Map<string, Uint8Array>();
  const cell = (value: string): Uint8Array => {
    let bytes = encoded.get(value);
    if (bytes === undefined) encoded.set(value, (bytes = encoder.encode(csvField(value, dialect.delimiter))));
    return bytes;
  };
  const delimiter = encoder.encode(dialect.delimiter);
  const starts = recordStartsInBytes(body, dialect);
  const pieces: Uint8Array[] = [];
  let copied = 0;
  let removedLast = false;

  const splice = (record: number, edit: RecordEdit | undefined): void => {
    const start = starts[record];
    const next = record + 1 < starts.length ? starts[record + 1] : body.length;
    const end = next - endingLength(body, start, next, dialect.eol, dialect.mixedEol === true);
    if (record < owned.headerRecord || (start === end && record > owned.headerRecord)) return; // blank lines stay blank
    if (edit?.remove) {
      pieces.push(body.subarray(copied, start));
      copied = next;
      if (next === body.length) removedLast = true;
      return;
    }
    if (edit) {
      const spans = fieldSpansInBytes(body, start, end, dialect.delimiter);
      if (spans.length !== owned.width * 2) throw new Error(`record ${record} has ${spans.length / 2} cells, expected ${owned.width}: cannot splice`);
      const cells: [number, string][] = [];
      if (!appendLicense && edit.license !== undefined) cells.push([owned.license, edit.license]);
      if (!appendAddOns && edit.addOns !== undefined) cells.push([owned.addOns, edit.addOns]);
      cells.sort((x, y) => x[0] - y[0]);
      for (const [column, value] of cells) {
        pieces.push(body.subarray(copied, spans[column * 2]), cell(value));
        copied = spans[column * 2 + 1];
      }
    }
    if (appending) {
      pieces.push(body.subarray(copied, end));
      copied = end;
      const header = record === owned.headerRecord;
      if (appendLicense) pieces.push(delimiter, cell(header ? owned.headerNames.license : (edit?.license ?? '')));
      if (appendAddOns) pieces.push(delimiter, cell(header ? owned.headerNames.addOns : (edit?.addOns ?? '')));
    }
  };

  if (appending) {
    let k = 0;
    for (let record = 0; record < starts.length; record++) {
      while (k < edits.length && edits[k].record < record) k++;
      splice(record, record > owned.headerRecord && k < edits.length && edits[k].record === record ? edits[k] : undefined);
    }
  } else {
    for (const edit of edits) if (edit.record > owned.headerRecord && edit.record < starts.length) splice(edit.record, edit);
  }
  pieces.push(body.subarray(copied));
  const out = concatBytes(pieces);
  // The last record went, and the file did not end with a record ending: neither does the output.
  const lastStart = starts[starts.length - 1];
  if (removedLast && endingLength(body, lastStart, body.length, dialect.eol, dialect.mixedEol === true) === 0) {
    const n = out.length;
    const cut = n >= 2 && out[n - 2] === 13 && out[n - 1] === 10 ? 2 : n >= 1 && (out[n - 1] === 10 || out[n - 1] === 13) ? 1 : 0;
    return out.subarray(0, n - cut);
  }
  return out;
}

export function concatBytes(pieces: readonly Uint8Array[], prefix?: Uint8Array): Uint8Array {
  let size = prefix ? prefix.length : 0;
  for (const piece of pieces) size += piece.length;
  const out = new Uint8Array(size);
  let offset = 0;
  if (prefix) {
    out.set(prefix, 0);
    offset = prefix.length;
  }
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}

export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** UTF-8 bytes of `text`, with a BOM when asked. */
export function utf8Bytes(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? concatBytes([body], UTF8_BOM) : body;
}
