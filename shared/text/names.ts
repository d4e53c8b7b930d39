// How names are compared: header names, license and add-on names (docs/rules.md "How names are compared").

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const SPACES = /[\s\u00A0\u2007\u202F]+/g;

/**
 * Fold a value for comparison: Unicode NFC, invisible characters gone, any run of spaces is one,
 * trimmed, lower case. Plain ASCII (nearly every cell) takes a fast path without regular expressions.
 */
export function foldName(value: string): string {
  const plain = plainFold(value);
  return plain === NOT_PLAIN ? foldSlow(value) : plain === PLAIN_UPPER ? value.toLowerCase() : value;
}

export const NOT_PLAIN = 0;
export const PLAIN = 1;
export const PLAIN_UPPER = 2;

/**
 * Whether foldName(value) is just value in ASCII lower case (printable ASCII, no space at the ends
 * or twice): PLAIN (already lower case), PLAIN_UPPER, or NOT_PLAIN (the full fold is needed).
 */
export function plainFold(value: string): number {
  let upper = false;
  let previousSpace = true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 126 || c < 32) return NOT_PLAIN;
    if (c === 32) {
      if (previousSpace) return NOT_PLAIN;
      previousSpace = true;
    } else {
      previousSpace = false;
      if (c >= 65 && c <= 90) upper = true;
    }
  }
  if (previousSpace && value.length > 0) return NOT_PLAIN;
  return upper ? PLAIN_UPPER : PLAIN;
}

function foldSlow(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim().toLowerCase().normalize('NFC');
}

/** Fold a header: like foldName, and spaces, `-` and `_` do not matter ("New add-ons" = "newaddons"). */
export function foldHeader(value: string): string {
  return foldName(value).replace(/[\s\-_]/g, '');
}

/** Levenshtein distance, bounded: returns `limit + 1` as soon as the distance exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * The closest of `candidates` to `value`, or null when none is plausibly meant
 * (more than half of the longer name would have to change).
 */
export function closestName(value: string, candidates: readonly string[]): string | null {
  const folded = foldName(value);
  if (folded === '') return null;
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const other = foldName(candidate);
    const limit = Math.ceil(Math.max(folded.length, other.length) / 2);
    let score = editDistance(folded, other, limit);
    // "Eng" for "Engage": a prefix is a strong hint even when many letters are missing.
    if (score > limit && (other.startsWith(folded) || folded.startsWith(other))) score = limit;
    if (score <= limit && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
