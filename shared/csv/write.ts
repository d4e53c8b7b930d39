// Write the upload-ready file by splicing: only New License / New Add-ons cells are rewritten,
// every other byte stays as it was (SPEC "The upload-ready file", RELIABILITY.md "Keep the dialect").
import type { Delimiter, LineEnding } from './dialect';
import { recordStarts } from './tokenize';

export interface SpliceSource {
  readonly text: string;
  readonly delimiter: Delimiter;
  readonly eol: LineEnding;
  readonly finalNewline: boolean;
}

export interface OwnedColumns {
  /** Column indexes of New License / New Add-ons; a column at or past `width` is appended. */
  readonly license: number;
  readonly addOns: number;
  readonly width: number;
  readonly headerNames: { readonly license: string; readonly addOns: string };
}

/** New cell text for the records that change, by file record index (header = 0); a cell left out keeps its bytes. */
export type RecordEdits = ReadonlyMap<number, { readonly license?: string; readonly addOns?: string }>;

/** A cell as CSV text: quoted only when it must be (delimiter, quote, line break). */
export function csvField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/** The [start, end) of every field of the record text[start, end), honouring quotes. */
export function fieldSpans(text: string, start: number, end: number, delimiter: string): [number, number][] {
  const spans: [number, number][] = [];
  let i = start;
  for (;;) {
    const fieldStart = i;
    if (text.charCodeAt(i) === 34 && i < end) {
      i++;
      while (i < end) {
        if (text.charCodeAt(i) === 34) {
          if (text.charCodeAt(i + 1) === 34 && i + 1 < end) i += 2;
          else {
            i++;
            break;
          }
        } else i++;
      }
    }
    const d = delimiter.charCodeAt(0);
    while (i < end && text.charCodeAt(i) !== d) i++;
    const fieldEnd = i;
    spans.push([fieldStart, fieldEnd]);
    if (fieldEnd === end) return spans;
    i = fieldEnd + delimiter.length;
  }
}

/**
 * The file's text with `edits` spliced in. Records not in `edits` keep their exact text;
 * when the owned columns are missing they are appended to every record (header names included).
 */
export function spliceRecords(source: SpliceSource, owned: OwnedColumns, edits: RecordEdits): string {
  const { text, delimiter, eol } = source;
  const appendLicense = owned.license >= owned.width;
  const appendAddOns = owned.addOns >= owned.width;
  if (edits.size === 0 && !appendLicense && !appendAddOns) return text;
  const starts = recordStarts(text, { delimiter, eol });
  const pieces: string[] = [];
  let copiedUpTo = 0;
  for (let record = 0; record < starts.length; record++) {
    const edit = record === 0 ? undefined : edits.get(record);
    if (!edit && !(appendLicense || appendAddOns)) continue;
    const start = starts[record];
    const next = record + 1 < starts.length ? starts[record + 1] : text.length;
    const end = text.startsWith(eol, next - eol.length) && next - eol.length >= start ? next - eol.length : next;
    if (start === end && record > 0) continue; // a blank line stays blank
    pieces.push(text.slice(copiedUpTo, start));
    let line: string;
    if (edit) {
      const spans = fieldSpans(text, start, end, delimiter);
      const parts = spans.map(([a, b]) => text.slice(a, b));
      if (parts.length !== owned.width) throw new Error(`record ${record} has ${parts.length} cells, expected ${owned.width}: cannot splice`);
      if (appendLicense) parts.push(csvField(edit.license ?? '', delimiter));
      else if (edit.license !== undefined) parts[owned.license] = csvField(edit.license, delimiter);
      if (appendAddOns) parts.push(csvField(edit.addOns ?? '', delimiter));
      else if (edit.addOns !== undefined) parts[owned.addOns] = csvField(edit.addOns, delimiter);
      line = parts.join(delimiter);
    } else {
      line = text.slice(start, end);
      if (record === 0) {
        if (appendLicense) line += delimiter + csvField(owned.headerNames.license, delimiter);
        if (appendAddOns) line += delimiter + csvField(owned.headerNames.addOns, delimiter);
      } else {
        if (appendLicense) line += delimiter;
        if (appendAddOns) line += delimiter;
      }
    }
    pieces.push(line);
    copiedUpTo = end;
  }
  pieces.push(text.slice(copiedUpTo));
  return pieces.join('');
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** UTF-8 bytes of `text`, with a BOM when asked. */
export function utf8Bytes(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set(BOM, 0);
  out.set(body, 3);
  return out;
}
