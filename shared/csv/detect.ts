// Guess the legacy encoding of bytes that are not UTF-8 (docs/reliability.md "Encodings"): Windows-125x,
// ISO-8859-x, GB18030, Shift_JIS, EUC-JP/KR, Big5, detected by a maintained library, never written misread.
import { analyse } from 'chardet';
import { decodeAs, describeEncoding, type TextEncodingName } from './encodings';
import { looksPlausible, plausibility } from './plausible';

// The detector is chardet (ICU's detector in TypeScript). An export is mostly ASCII (emails, IDs,
// license names), which drowns its statistics, so it is given only the cells that hold a byte ≥ 0x80
// (the names). Its scores are then checked: each candidate must decode those cells without an
// invalid byte and into names that look like names (plausible.ts). The guess is confident only when
// one such candidate stands clearly above every other that would read the names differently.

export interface EncodingCandidate {
  readonly encoding: TextEncodingName;
  /** For people: "Shift_JIS (Japanese)". */
  readonly description: string;
  /** The detector's score, 0–100 (0: not proposed by it, listed because the encoding is common). */
  readonly confidence: number;
  /** The first few distinct cells with non-ASCII characters, decoded with this encoding. */
  readonly samples: readonly string[];
  /** Every byte is valid in this encoding and the decoded names show no sign of a wrong reading. */
  readonly plausible: boolean;
}

export interface EncodingGuess {
  /** Best first: plausible ones by score, then the others. */
  readonly candidates: readonly EncodingCandidate[];
  /** The candidate to read the file with, or null when the admin must choose. */
  readonly confident: EncodingCandidate | null;
}

/** How much of the names the detector sees; the scan stops there, so a large file costs no more. */
const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_CELLS = 6;
/** A guess is taken only with at least this score… */
const MIN_CONFIDENCE = 10;
/** …and this far ahead of any plausible encoding that reads the names differently… */
const MIN_MARGIN = 20;
/**
 * …and, when such an encoding got no score at all (chardet has no model for it, or its model did not
 * fire on a few names), at least this score. Measured on 390 generated exports in 11 languages and 20
 * encodings (1 to 300 rows, all to 10% non-ASCII names): every wrong confident guess scored 33 or less.
 */
const MIN_CONFIDENCE_UNSCORED_RIVAL = 40;

/** Encodings always tried besides the detector's, so the admin is offered the usual ones. */
const COMMON: readonly TextEncodingName[] = [
  'windows-1252',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'shift_jis',
  'gb18030',
  'big5',
  'euc-kr',
];

/** Of encodings that read the names the same way, the one a spreadsheet most likely wrote: Excel writes Windows code pages. */
const preference = (name: TextEncodingName): number => (name === 'windows-1252' ? 0 : name.startsWith('windows-') ? 1 : name.startsWith('iso-8859-') ? 3 : 2);

/** chardet's names → WHATWG names (ISO-8859-1 and -9 are windows-1252 and -1254 there). */
const FROM_CHARDET: Readonly<Record<string, TextEncodingName>> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  Shift_JIS: 'shift_jis',
  Big5: 'big5',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  GB18030: 'gb18030',
  'ISO-2022-JP': 'iso-2022-jp',
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-8': 'iso-8859-8',
  'ISO-8859-9': 'windows-1254',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'windows-1257': 'windows-1257',
  'windows-1258': 'windows-1258',
  'windows-874': 'windows-874',
  'KOI8-R': 'koi8-r',
};

const TWINS: readonly (readonly [TextEncodingName, TextEncodingName])[] = [
  ['iso-8859-2', 'windows-1250'],
  ['iso-8859-7', 'windows-1253'],
  ['iso-8859-8', 'windows-1255'],
];

const isSeparator = (b: number): boolean => b === 0x2c || b === 0x3b || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x22;

/**
 * The cells of `bytes` (split at , ; tab, line breaks and quotes: never a trail byte of a CJK
 * encoding) that hold a byte ≥ 0x80, joined by LF, up to SAMPLE_BYTES; and the first few distinct ones.
 */
export function nonAsciiCells(bytes: Uint8Array): { sample: Uint8Array; cells: Uint8Array[] } {
  const parts: Uint8Array[] = [];
  const seen = new Set<string>();
  const cells: Uint8Array[] = [];
  let size = 0;
  let start = 0;
  let high = false;
  const n = bytes.length;
  for (let i = 0; i <= n && size < SAMPLE_BYTES; i++) {
    const b = i < n ? bytes[i] : 0x0a;
    if (b >= 0x80) high = true;
    else if (isSeparator(b)) {
      if (high) {
        const cell = bytes.subarray(start, i);
        parts.push(cell);
        size += cell.length + 1;
        if (cells.length < SAMPLE_CELLS) {
          const key = Array.from(cell).join(',');
          if (!seen.has(key)) {
            seen.add(key);
            cells.push(cell);
          }
        }
      }
      start = i + 1;
      high = false;
    }
  }
  const sample = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    sample.set(part, at);
    at += part.length;
    sample[at++] = 0x0a;
  }
  return { sample, cells };
}

type Scored = EncodingCandidate & { readonly text: string | null };

function candidate(encoding: TextEncodingName, confidence: number, sample: Uint8Array, cells: readonly Uint8Array[]): Scored | null {
  const text = decodeAs(sample, encoding, true);
  const lenient = text ?? decodeAs(sample, encoding, false);
  if (lenient === null) return null; // this runtime cannot decode it
  const plausible = text !== null && looksPlausible(plausibility(text, encoding === 'euc-kr'));
  const samples = cells.map((cell) => decodeAs(cell, encoding, false) ?? '').map((s) => s.trim());
  return { encoding, description: describeEncoding(encoding), confidence, samples, plausible, text };
}

/** The likely encodings of `bytes` (not UTF-8, no BOM), best first, each with a few names decoded with it. */
export function guessEncoding(bytes: Uint8Array, max = 5): EncodingGuess {
  const { sample, cells } = nonAsciiCells(bytes);
  const scores = new Map<TextEncodingName, number>();
  for (const match of analyse(sample)) {
    const name = FROM_CHARDET[match.name];
    if (name && name !== 'utf-8' && name !== 'utf-16le' && name !== 'utf-16be' && !scores.has(name)) scores.set(name, match.confidence);
  }
  // chardet reports the ISO twin of a Windows code page when no byte is in 0x80–0x9F: same language model, same score.
  for (const [a, b] of TWINS) {
    const score = Math.max(scores.get(a) ?? 0, scores.get(b) ?? 0);
    if (score > 0) {
      scores.set(a, score);
      scores.set(b, score);
    }
  }
  for (const name of COMMON) if (!scores.has(name)) scores.set(name, 0);
  const evaluated = [...scores.entries()].map(([name, score]) => candidate(name, score, sample, cells)).filter((c) => c !== null);
  // Encodings that read the names the same way are one choice: the likeliest writer's name, the best score.
  const groups = new Map<string, Scored[]>();
  const all: Scored[] = [];
  for (const c of evaluated) {
    if (c.text === null) {
      all.push(c);
      continue;
    }
    const group = groups.get(c.text);
    if (group) group.push(c);
    else groups.set(c.text, [c]);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => preference(a.encoding) - preference(b.encoding) || b.confidence - a.confidence);
    all.push({ ...group[0], confidence: Math.max(...group.map((c) => c.confidence)) });
  }
  all.sort((a, b) => Number(b.plausible) - Number(a.plausible) || b.confidence - a.confidence || preference(a.encoding) - preference(b.encoding));
  const top = all[0];
  let confident: Scored | null = null;
  const plausible = all.filter((c) => c.plausible);
  if (plausible.length === 1) confident = plausible[0]; // the only encoding of all tried that reads the names as names
  else if (top && top.plausible && top.confidence >= MIN_CONFIDENCE) {
    const rival = all.find((c) => c !== top && c.plausible && (c.confidence > top.confidence - MIN_MARGIN || (c.confidence === 0 && top.confidence < MIN_CONFIDENCE_UNSCORED_RIVAL)));
    if (!rival) confident = top;
  }
  const strip = ({ text: _text, ...rest }: Scored): EncodingCandidate => rest;
  return { candidates: all.slice(0, max).map(strip), confident: confident && strip(confident) };
}
