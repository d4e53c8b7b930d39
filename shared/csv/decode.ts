// Sniff and decode a file's bytes before any parsing (docs/reliability.md "Sniffing", "Encodings"): magic
// bytes, a BOM, UTF-16 without one, binary data, strict UTF-8 (the common path: one native decode), then a
// legacy encoding taken only when detect.ts is confident, else refused with the likely ones.
import { err, ok, type Result } from '../result';
import { guessEncoding, type EncodingCandidate, type EncodingGuess } from './detect';
import { decodeAs, describeEncoding, ENCODING_NAMES, resolveEncoding, type TextEncodingName } from './encodings';
import { looksPlausible, plausibility } from './plausible';

export { ENCODING_NAMES, describeEncoding, resolveEncoding, type TextEncodingName } from './encodings';
export { guessEncoding, type EncodingCandidate, type EncodingGuess } from './detect';

export interface DecodedText {
  /** The text without its BOM. */
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
  /** True when the encoding was detected, not declared by a BOM, UTF-8, or chosen (ENCODING_GUESSED). */
  readonly guessed: boolean;
}

/** Why a file was refused, for code: the app and the CLI word their way out from it. */
export type RefusalCode =
  /** A known non-text format (workbook, PDF, image, archive, executable, database). */
  | 'format'
  /** Binary data that is not text in any encoding. */
  | 'notText'
  /** A BOM or a chosen encoding says one thing and the bytes say another. */
  | 'damaged'
  /** UTF-8 lines and lines in another encoding in one file. */
  | 'mixedEncodings'
  /** A legacy encoding that could not be told for sure: `encodings` lists the likely ones. */
  | 'encodingUnsure'
  /** `loadExport(bytes, { encoding })` named an encoding this runtime does not know. */
  | 'unknownEncoding'
  /** A `sep=` line naming a delimiter other than comma, semicolon or tab. */
  | 'delimiter';

export interface FileRefusal {
  /** Set on every refusal of the core (the app adds refusals of its own without one). */
  readonly code?: RefusalCode;
  /** What the bytes are, for people: "an Excel workbook". */
  readonly kind: string;
  /** One sentence with the reason and the way out. */
  readonly reason: string;
  /** 1-based line the reason names (mixed encodings, bytes not valid in the chosen encoding). */
  readonly line?: number;
  /** The likely encodings, best first, each with a few names decoded with it: offer them as a choice. */
  readonly encodings?: readonly EncodingCandidate[];
}

export interface DecodeOptions {
  /** Read the bytes in this encoding (any WHATWG label: "windows-1252", "sjis", "gb18030"…) instead of detecting it. A BOM still wins, as in the Encoding Standard. */
  readonly encoding?: string;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

const notCsv = (what: string, way = 'open the CSV export of your users instead') => `this is ${what}, not a CSV: ${way}`;
const SAVE_AS = 'in your spreadsheet choose Save As… "CSV UTF-8" and open that file';

/** Magic bytes at the start (or at `at`) of formats people open by mistake. */
const SIGNATURES: readonly { bytes: readonly number[]; at?: number; kind: string; reason: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'an Excel workbook', reason: notCsv('an Excel workbook (or another zip file)', SAVE_AS) },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'an empty zip archive', reason: notCsv('a zip archive', 'export the users as CSV UTF-8') },
  { bytes: [0x50, 0x4b, 0x07, 0x08], kind: 'a zip archive', reason: notCsv('a zip archive', 'extract it first') },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'an old Excel workbook', reason: notCsv('an old Excel workbook (.xls)', SAVE_AS) },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an old Excel workbook', reason: notCsv('an old Excel workbook (.xls)', SAVE_AS) },
  { bytes: ascii('%PDF'), kind: 'a PDF document', reason: notCsv('a PDF document') },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image', reason: notCsv('a PNG image') },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image', reason: notCsv('a JPEG image') },
  { bytes: ascii('GIF8'), kind: 'a GIF image', reason: notCsv('a GIF image') },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive', reason: notCsv('a compressed (gzip) file', 'extract it first') },
  { bytes: ascii('BZh'), kind: 'a bzip2 archive', reason: notCsv('a compressed (bzip2) file', 'extract it first') },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], kind: 'an xz archive', reason: notCsv('a compressed (xz) file', 'extract it first') },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], kind: 'a zstd archive', reason: notCsv('a compressed (zstd) file', 'extract it first') },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: 'a 7z archive', reason: notCsv('a 7z archive', 'extract it first') },
  { bytes: ascii('Rar!\x1a\x07'), kind: 'a RAR archive', reason: notCsv('a RAR archive', 'extract it first') },
  { bytes: ascii('ustar'), at: 257, kind: 'a tar archive', reason: notCsv('a tar archive', 'extract it first') },
  { bytes: ascii('SQLite format 3\0'), kind: 'an SQLite database', reason: notCsv('an SQLite database') },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'a program (ELF executable)', reason: notCsv('a program (ELF executable)') },
  { bytes: [0xfe, 0xed, 0xfa, 0xce], kind: 'a program (Mach-O executable)', reason: notCsv('a program (Mach-O executable)') },
  { bytes: [0xfe, 0xed, 0xfa, 0xcf], kind: 'a program (Mach-O executable)', reason: notCsv('a program (Mach-O executable)') },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], kind: 'a program (Mach-O executable)', reason: notCsv('a program (Mach-O executable)') },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], kind: 'a program (Mach-O executable)', reason: notCsv('a program (Mach-O executable)') },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], kind: 'a program (Mach-O or Java class)', reason: notCsv('a program (Mach-O universal binary or Java class)') },
  { bytes: [0x00, 0x61, 0x73, 0x6d], kind: 'a WebAssembly module', reason: notCsv('a WebAssembly module') },
  { bytes: ascii('MZ'), kind: 'a Windows program (.exe or .dll)', reason: notCsv('a Windows program (.exe or .dll)') },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: 'a rich-text document', reason: notCsv('a rich-text (RTF) document', 'export the users as CSV UTF-8') },
  { bytes: [0x00, 0x00, 0xfe, 0xff], kind: 'UTF-32 text', reason: 'this file is UTF-32 text, which License Prep does not read: save it again as CSV UTF-8' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], kind: 'UTF-32 text', reason: 'this file is UTF-32 text, which License Prep does not read: save it again as CSV UTF-8' },
];

/** Signatures short enough to start real text ("MZ", "BZh"): they count only when binary bytes follow. */
const WEAK = new Set(['MZ', 'BZh']);

/** Share of control bytes (other than tab, LF, FF, CR, ESC) above which bytes are binary data, not text. */
const MAX_CONTROL_SHARE = 0.01;

/** NUL or more than 1% control bytes in the first 64 KiB: no text encoding we read writes those. */
function looksBinaryBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20) {
      if (b === 0) return true;
      if (b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 0x1b) control++;
    }
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

/** The same test on decoded text (UTF-16 decodes NUL-free bytes into any code unit). */
function looksBinaryText(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > MAX_CONTROL_SHARE;
}

const binary: FileRefusal = { code: 'notText', kind: 'binary data', reason: 'this file holds binary data, not text: open the CSV export of your users' };

/** The refusal for bytes that start like a known non-text format, or null. */
function knownFormat(bytes: Uint8Array): FileRefusal | null {
  for (const signature of SIGNATURES) {
    if (!startsWith(bytes, signature.bytes, signature.at)) continue;
    if (WEAK.has(String.fromCharCode(...signature.bytes)) && !looksBinaryBytes(bytes.subarray(0, 4096))) continue;
    return { code: 'format', kind: signature.kind, reason: signature.reason };
  }
  return null;
}

/** 1-based line of character `offset` of `text`. */
function lineOfChar(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** Length of the valid UTF-8 sequence starting at `i` (lead byte ≥ 0x80), or 0 when it is not one. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  if (need < 0 || i + need >= bytes.length) return 0;
  for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  const b1 = bytes[i + 1];
  if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return 0;
  return need + 1;
}

/** Encodings of two or more bytes a character: there a byte pair may happen to be valid UTF-8. */
const MULTIBYTE = new Set<TextEncodingName>(['gb18030', 'gbk', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'iso-2022-jp']);

const plausibleIn = (bytes: Uint8Array, encoding: TextEncodingName): boolean => {
  const text = decodeAs(bytes, encoding, true);
  return text !== null && looksPlausible(plausibility(text, encoding === 'euc-kr'));
};

/**
 * When strict UTF-8 failed: whether the file holds lines of real UTF-8 text beside lines that are not
 * UTF-8 (two files pasted together): `line` is the first line that is not UTF-8, `utf8Line` the first
 * of real UTF-8. A line is real UTF-8 when it holds a multi-byte sequence and reads as plausible names
 * in UTF-8, and the other lines are in a single-byte encoding (where "Ã©" never happens by chance) or
 * the line reads wrong in theirs (in GBK or Shift_JIS a byte pair is valid UTF-8 by chance).
 */
export function mixedUtf8(bytes: Uint8Array): { mixed: boolean; line: number; utf8Line: number; others: EncodingGuess | null } {
  const utf8Lines: { line: number; start: number; end: number }[] = [];
  const otherLines: Uint8Array[] = [];
  let firstBad = 0;
  let line = 1;
  let lineStart = 0;
  let multi = false;
  let bad = false;
  const endLine = (end: number): void => {
    if (bad) otherLines.push(bytes.subarray(lineStart, end + 1));
    else if (multi && utf8Lines.length < 100) {
      const text = decodeAs(bytes.subarray(lineStart, end), 'utf-8', false) ?? '';
      if (looksPlausible(plausibility(text))) utf8Lines.push({ line, start: lineStart, end });
    }
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
        endLine(i);
        line++;
        lineStart = i + 1;
        multi = bad = false;
      }
      i++;
      continue;
    }
    const length = utf8SequenceAt(bytes, i);
    if (length > 0) {
      multi = true;
      i += length;
    } else {
      if (firstBad === 0) firstBad = line;
      bad = true;
      i++;
    }
  }
  endLine(bytes.length);
  if (utf8Lines.length === 0 || otherLines.length === 0) return { mixed: false, line: firstBad, utf8Line: 0, others: null };
  let size = 0;
  for (const part of otherLines) size += part.length;
  const other = new Uint8Array(size);
  let at = 0;
  for (const part of otherLines) {
    other.set(part, at);
    at += part.length;
  }
  const others = guessEncoding(other);
  const legacy = others.confident?.encoding ?? others.candidates.find((c) => c.plausible)?.encoding ?? null;
  const real = utf8Lines.find((u) => legacy === null || !MULTIBYTE.has(legacy) || !plausibleIn(bytes.subarray(u.start, u.end), legacy));
  return { mixed: real !== undefined, line: firstBad, utf8Line: real?.line ?? 0, others };
}

/** UTF-16 without a BOM: ASCII characters (delimiters, emails) leave a zero byte in every other place. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.6 && even <= pairs * 0.05) return 'utf-16le';
  if (even >= pairs * 0.6 && odd <= pairs * 0.05) return 'utf-16be';
  return null;
}

const sentence = (candidates: readonly EncodingCandidate[]): string =>
  candidates
    .filter((c) => c.plausible)
    .slice(0, 3)
    .map((c) => `${c.encoding} (${c.description.replace(/^[^(]*\(|\)$/g, '')})`)
    .join(', ');

function decodeChosen(bytes: Uint8Array, label: string): Result<DecodedText, FileRefusal> {
  const encoding = resolveEncoding(label);
  if (encoding === null) {
    return err({
      code: 'unknownEncoding',
      kind: 'an unknown encoding',
      reason: `"${label}" is not an encoding name License Prep knows: use a name such as windows-1252, windows-1250, shift_jis, gb18030, big5 or euc-kr`,
    });
  }
  const text = decodeAs(bytes, encoding, false);
  if (text === null) return err({ code: 'unknownEncoding', kind: 'an unsupported encoding', reason: `this program cannot decode ${encoding}: save the file again as CSV UTF-8` });
  // U+FFFD marks a byte that is not valid in the chosen encoding (in UTF-8 it may also be in the file).
  const bad = encoding === 'utf-8' ? (decodeAs(bytes, 'utf-8', true) === null ? text.indexOf('\uFFFD') : -1) : text.indexOf('\uFFFD');
  if (bad !== -1) {
    const line = lineOfChar(text, bad);
    return err({
      code: 'damaged',
      kind: `text that is not ${encoding}`,
      line,
      reason: `line ${line} holds bytes that are not valid ${describeEncoding(encoding)}, so this file is not in that encoding: choose another one`,
      encodings: guessEncoding(bytes).candidates,
    });
  }
  if (looksBinaryText(text)) return err(binary);
  return ok({ text, encoding, bom: false, guessed: false });
}

/**
 * Sniff magic bytes, then the BOM, then UTF-16 without one, binary data, strict UTF-8, and last a
 * legacy encoding: taken when detected with confidence (`guessed`), else refused with the likely
 * encodings in `encodings`. With `options.encoding` the bytes are read in that encoding instead.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Result<DecodedText, FileRefusal> {
  const format = knownFormat(bytes);
  if (format) return err(format);
  let decoded: DecodedText;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeAs(bytes.subarray(3), 'utf-8', true);
    if (text === null) {
      const { line } = mixedUtf8(bytes);
      return err({ code: 'damaged', kind: 'damaged UTF-8 text', line, reason: `this file says it is UTF-8 but line ${line} holds bytes that are not: save it again as CSV UTF-8` });
    }
    decoded = { text, encoding: 'utf-8', bom: true, guessed: false };
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decodeAs(bytes.subarray(2), encoding, true);
    if (text === null) return err({ code: 'damaged', kind: 'damaged UTF-16 text', reason: 'this file says it is UTF-16 but holds bytes that are not: save it again as CSV UTF-8' });
    decoded = { text, encoding, bom: true, guessed: false };
  } else if (startsWith(bytes, [0x84, 0x31, 0x95, 0x33])) {
    const text = decodeAs(bytes.subarray(4), 'gb18030', true);
    if (text === null) return err({ code: 'damaged', kind: 'damaged GB18030 text', reason: 'this file says it is GB18030 but holds bytes that are not: save it again as CSV UTF-8' });
    decoded = { text, encoding: 'gb18030', bom: true, guessed: false };
  } else if (options.encoding !== undefined) {
    return decodeChosen(bytes, options.encoding);
  } else {
    const utf16 = utf16WithoutBom(bytes);
    const text16 = utf16 && decodeAs(bytes.subarray(0, bytes.length & ~1), utf16, true);
    if (utf16 && text16 !== null && bytes.length % 2 === 0) {
      decoded = { text: text16, encoding: utf16, bom: false, guessed: true };
    } else if (utf16) {
      return err({ code: 'damaged', kind: 'damaged UTF-16 text', reason: 'this file looks like UTF-16 text without a byte-order mark, but it holds bytes that are not: save it again as CSV UTF-8' });
    } else if (looksBinaryBytes(bytes)) {
      return err(binary);
    } else {
      const text = decodeAs(bytes, 'utf-8', true);
      if (text !== null) decoded = { text, encoding: 'utf-8', bom: false, guessed: false };
      else {
        const mixed = mixedUtf8(bytes);
        if (mixed.mixed) {
          return err({
            code: 'mixedEncodings',
            kind: 'text in mixed encodings',
            line: mixed.line,
            reason: `line ${mixed.utf8Line} of this file is UTF-8 but line ${mixed.line} holds bytes in another encoding (two files pasted together?), so names would be garbled: save it again as CSV UTF-8`,
            encodings: mixed.others?.candidates ?? [],
          });
        }
        const guess = guessEncoding(bytes);
        const chosen = guess.confident && decodeAs(bytes, guess.confident.encoding, true);
        if (guess.confident && chosen) decoded = { text: chosen, encoding: guess.confident.encoding, bom: false, guessed: true };
        else {
          const likely = sentence(guess.candidates);
          return err({
            code: 'encodingUnsure',
            kind: 'text in an encoding that could not be told for sure',
            reason: `this file is not UTF-8 and its encoding could not be told for sure${likely ? ` (likely ${likely})` : ''}: choose the encoding in which the names read right, or save the file again as CSV UTF-8`,
            encodings: guess.candidates,
          });
        }
      }
    }
  }
  if (looksBinaryText(decoded.text)) return err(binary);
  return ok(decoded);
}

/** Every encoding name a chooser may offer, with its description, in the order of ENCODING_NAMES. */
export const ENCODING_CHOICES: readonly { readonly encoding: TextEncodingName; readonly description: string }[] = ENCODING_NAMES.map((encoding) => ({ encoding, description: describeEncoding(encoding) }));

/**
 * The encodings a chooser should offer for `bytes`, best first, each with the first few non-ASCII
 * cells decoded with it ("names decoded with the top candidates"). A BOM or valid UTF-8 puts that
 * encoding first; a legacy file lists what the detector and the plausibility check found.
 */
export function encodingCandidates(bytes: Uint8Array, max = 5): readonly EncodingCandidate[] {
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  const body = bytes.subarray(bom);
  const legacy = guessEncoding(body, max).candidates;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding: TextEncodingName = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decodeAs(bytes.subarray(2), encoding, false) ?? '';
    return [{ encoding, description: describeEncoding(encoding), confidence: 100, samples: nonAsciiSamples(text), plausible: true }];
  }
  const utf8 = decodeAs(body, 'utf-8', true);
  if (utf8 === null) return legacy;
  const first: EncodingCandidate = { encoding: 'utf-8', description: describeEncoding('utf-8'), confidence: 100, samples: nonAsciiSamples(utf8), plausible: true };
  return [first, ...legacy.filter((c) => c.plausible)].slice(0, max);
}

/** The first few distinct cells of `text` with a character beyond ASCII. */
function nonAsciiSamples(text: string, count = 6): string[] {
  const out: string[] = [];
  for (const cell of text.slice(0, 1 << 20).split(/[,;\t\r\n"]/)) {
    if ([...cell].some((c) => c.charCodeAt(0) > 0x7f) && !out.includes(cell.trim())) out.push(cell.trim());
    if (out.length >= count) break;
  }
  return out;
}
