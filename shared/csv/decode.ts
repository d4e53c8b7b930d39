// Sniff and decode the bytes of a file before any parsing (RELIABILITY.md "Reading a CSV without damaging it").
import { err, ok, type Result } from '../result';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text without its BOM. */
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
  /** True when the bytes were not valid UTF-8 and were read as Windows-1252 (ENCODING_GUESSED). */
  readonly guessed: boolean;
}

export interface FileRefusal {
  /** What the bytes are, for people: "an Excel workbook". */
  readonly kind: string;
  /** One sentence with the reason and the way out. */
  readonly reason: string;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);

const SIGNATURES: readonly { bytes: readonly number[]; kind: string; reason: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'an Excel workbook', reason: 'this is an Excel workbook (or another zip file), not a CSV: in your spreadsheet choose Save As… "CSV UTF-8" and open that file' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'an empty zip archive', reason: 'this is a zip archive, not a CSV: export the users as CSV UTF-8' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an old Excel workbook', reason: 'this is an old Excel workbook (.xls), not a CSV: in your spreadsheet choose Save As… "CSV UTF-8" and open that file' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF document', reason: 'this is a PDF document, not a CSV: open the CSV export of your users instead' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image', reason: 'this is a PNG image, not a CSV: open the CSV export of your users instead' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image', reason: 'this is a JPEG image, not a CSV: open the CSV export of your users instead' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive', reason: 'this is a compressed (gzip) file, not a CSV: extract it first' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: 'a rich-text document', reason: 'this is a rich-text (RTF) document, not a CSV: export the users as CSV UTF-8' },
];

/** Share of control bytes (other than tab, CR, LF, FF) above which a file is binary data, not text. */
const MAX_CONTROL_SHARE = 0.01;

function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > MAX_CONTROL_SHARE;
}

const binary: FileRefusal = { kind: 'binary data', reason: 'this file holds binary data, not text: open the CSV export of your users' };

/**
 * Windows-1252 bytes 0x80–0x9F (WHATWG index); every other byte is its Latin-1 code point.
 * Our own table because Node 20's TextDecoder('windows-1252') decodes as Latin-1 (0x92 → U+0092, not ’).
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const units = new Uint16Array(Math.min(bytes.length, 8192));
  for (let start = 0; start < bytes.length; start += units.length) {
    const end = Math.min(start + units.length, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      units[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    chunks.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return chunks.join('');
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * When strict UTF-8 failed: whether the bytes still hold valid multi-byte UTF-8 sequences (then the
 * file mixes encodings and a Windows-1252 reading would garble every accented name), and the line of
 * the first byte that is not UTF-8.
 */
export function mixedUtf8(bytes: Uint8Array): { mixed: boolean; line: number } {
  let valid = 0;
  let firstBad = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      if (firstBad === -1) firstBad = i;
      i++;
    }
  }
  let line = 1;
  for (let i = 0; i < firstBad; i++) if (bytes[i] === 0x0a) line++;
  return { mixed: valid > 0 && firstBad !== -1, line };
}

/** UTF-16 without a BOM: ASCII text then has a zero byte in every other place. */
function looksUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return (odd === n / 2 && even === 0) || (even === n / 2 && odd === 0);
}

/** Sniff magic bytes, then the BOM, then strict UTF-8, then Windows-1252 as a guess. */
export function decodeBytes(bytes: Uint8Array): Result<DecodedText, FileRefusal> {
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) return err({ kind: signature.kind, reason: signature.reason });
  }
  let decoded: DecodedText;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeWith('utf-8', bytes.subarray(3), true);
    if (text === null) return err({ kind: 'damaged UTF-8 text', reason: 'this file says it is UTF-8 but holds bytes that are not: save it again as CSV UTF-8' });
    decoded = { text, encoding: 'utf-8', bom: true, guessed: false };
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decodeWith(encoding, bytes.subarray(2), true);
    if (text === null) return err({ kind: 'damaged UTF-16 text', reason: 'this file says it is UTF-16 but holds bytes that are not: save it again as CSV UTF-8' });
    decoded = { text, encoding, bom: true, guessed: false };
  } else if (looksUtf16WithoutBom(bytes)) {
    return err({ kind: 'UTF-16 text without a byte-order mark', reason: 'this file is UTF-16 text without a byte-order mark, so its encoding cannot be told for sure: save it again as CSV UTF-8' });
  } else {
    const text = decodeWith('utf-8', bytes, true);
    if (text !== null) decoded = { text, encoding: 'utf-8', bom: false, guessed: false };
    else {
      const { mixed, line } = mixedUtf8(bytes);
      if (mixed) {
        return err({ kind: 'text in mixed encodings', reason: `this file is UTF-8 but line ${line} holds bytes in another encoding (two files pasted together?), so names would be garbled: save it again as CSV UTF-8` });
      }
      decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false, guessed: true };
    }
  }
  if (looksBinary(decoded.text)) return err(binary);
  return ok(decoded);
}
