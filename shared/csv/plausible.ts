// Does decoded text look like names people write, or like bytes read in the wrong encoding?
// A wrong decoding leaves marks a detector's statistics miss on short cells: symbols inside words
// ("RenÃ©"), scripts mixed inside one word ("Ð˜Ð²Ð°Ð½"), words made only of accented letters
// (Cyrillic read as Latin: "Èâàí"), control characters, U+FFFD. Used to check an encoding guess.

type Script = 'ascii' | 'latin' | 'greek' | 'cyrillic' | 'armenian' | 'hebrew' | 'arabic' | 'thai' | 'hangul' | 'kana' | 'halfkana' | 'han' | 'cjkmark' | 'mark' | 'other';

const enum Kind {
  Letter,
  Separator,
  Symbol,
  Bad,
}

function classify(c: number): { kind: Kind; script: Script } {
  if (c < 0x80) {
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return { kind: Kind.Letter, script: 'ascii' };
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13) return { kind: Kind.Bad, script: 'other' };
    return { kind: Kind.Separator, script: 'other' };
  }
  if (c < 0xa0 || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0xd800 && c <= 0xdfff)) return { kind: Kind.Bad, script: 'other' };
  if (c === 0x2020 || c === 0x2021 || c === 0x2022 || c === 0x2030 || c === 0x2039 || c === 0x203a) return { kind: Kind.Symbol, script: 'other' };
  if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x3003) || c === 0x30fb || c === 0xff0c || c === 0xff0e || c === 0xff61 || c === 0xff64 || c === 0xff65)
    return { kind: Kind.Separator, script: 'other' };
  if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) return { kind: Kind.Letter, script: 'latin' };
  if (c >= 0x1e00 && c <= 0x1eff) return { kind: Kind.Letter, script: 'latin' };
  if (c >= 0x300 && c <= 0x36f) return { kind: Kind.Letter, script: 'mark' };
  if (c >= 0x370 && c <= 0x3ff && c !== 0x37e && c !== 0x387) return { kind: Kind.Letter, script: 'greek' };
  if (c >= 0x400 && c <= 0x52f) return { kind: Kind.Letter, script: 'cyrillic' };
  if (c >= 0x531 && c <= 0x58a) return { kind: Kind.Letter, script: 'armenian' };
  if (c >= 0x5b0 && c <= 0x5f4) return { kind: Kind.Letter, script: 'hebrew' };
  if ((c >= 0x610 && c <= 0x6ff && c !== 0x60c && c !== 0x61b && c !== 0x61f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc))
    return { kind: Kind.Letter, script: 'arabic' };
  if (c >= 0xe01 && c <= 0xe5b) return { kind: Kind.Letter, script: 'thai' };
  if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3131 && c <= 0x318e)) return { kind: Kind.Letter, script: 'hangul' };
  if ((c >= 0x3041 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) return { kind: Kind.Letter, script: 'kana' };
  if (c >= 0xff66 && c <= 0xff9f) return { kind: Kind.Letter, script: 'halfkana' };
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c >= 0x20000 || c === 0x3005 || c === 0x3006)
    return { kind: Kind.Letter, script: 'han' };
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return { kind: Kind.Letter, script: 'cjkmark' };
  if ((c >= 0x3004 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e)) return { kind: Kind.Separator, script: 'other' };
  return { kind: Kind.Symbol, script: 'other' };
}

/** Symbols people write on their own, between spaces: € 100, © 2024, 20 °C, § 3, ± 5, ½. */
const LONE_SYMBOLS = new Set([0x20ac, 0xa3, 0xa5, 0xa2, 0xa9, 0xae, 0x2122, 0xb0, 0xa7, 0xb1, 0xd7, 0xf7, 0xbd, 0xbc, 0xbe, 0xb2, 0xb3, 0xb5, 0xab, 0xbb, 0xbf, 0xa1, 0xb7, 0xb6]);

/** Scripts that may share a word: Japanese mixes kanji and kana; full-width Latin goes with any CJK script. */
function compatible(a: Script, b: Script): boolean {
  if (a === b || a === 'mark' || b === 'mark' || a === 'cjkmark' || b === 'cjkmark') return true;
  const pair = (x: Script, y: Script) => (a === x && b === y) || (a === y && b === x);
  return pair('ascii', 'latin') || pair('kana', 'han');
}

export interface Plausibility {
  /** Words holding a letter that is not ASCII. */
  readonly words: number;
  /** Of those, the ones that look like a wrong decoding. */
  readonly odd: number;
  /** Control characters, U+FFFD, private-use or C1 characters: never in a name. */
  readonly bad: number;
  /** The scripts of the non-ASCII letters, most frequent first. */
  readonly scripts: readonly string[];
}

/**
 * Count the words of `text` that look misdecoded (see the file comment). Linear in the text.
 * `hanIsOdd`: for Korean encodings, where names are written in Hangul and Chinese text read as
 * EUC-KR comes out as Hanja.
 */
export function plausibility(text: string, hanIsOdd = false): Plausibility {
  let words = 0;
  let odd = 0;
  let bad = 0;
  const scriptCounts = new Map<Script, number>();
  // The current word: letters between separators, and any symbols among them.
  let scripts: Script[] = [];
  let ascii = 0;
  let latin = 0;
  let other = 0;
  let symbols = 0;
  let clash = false;
  let han = false;
  // Letter case: real names are "Name", "NAME" or "name"; a wrong single-byte reading mixes case at
  // random ("ΕΘΡΗενγ", "жьСе"). Only letters outside ASCII count ("McDonald" is a name).
  let cased = 0;
  let upperRun = 0;
  let lowerSeen = false;
  let caseBreak = false;
  let markFirst = false;
  let loneOnly = true;
  const endWord = (): void => {
    const letters = ascii + latin + other;
    if (letters > 0 && latin + other + symbols > 0) {
      words++;
      const accentedOnly = latin >= 4 && latin > 2 * ascii;
      if (clash || symbols > 0 || han || accentedOnly || caseBreak || markFirst) odd++;
    } else if (letters === 0 && symbols > 0 && !loneOnly) {
      // Symbols alone: a misread letter unless a symbol people write on its own (€ 100, ©, °).
      words++;
      odd++;
    }
    scripts = [];
    ascii = latin = other = symbols = cased = upperRun = 0;
    clash = han = lowerSeen = caseBreak = markFirst = false;
    loneOnly = true;
  };
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const { kind, script } = classify(c);
    if (kind === Kind.Separator) {
      endWord();
      continue;
    }
    if (kind === Kind.Bad) {
      bad++;
      symbols++;
      continue;
    }
    if (kind === Kind.Symbol) {
      symbols++;
      if (!LONE_SYMBOLS.has(c)) loneOnly = false;
      continue;
    }
    if (script === 'mark' && ascii + latin + other === 0) markFirst = true;
    if (script === 'ascii') ascii++;
    else {
      if (script === 'latin') latin++;
      else other++;
      if (hanIsOdd && script === 'han') han = true;
      scriptCounts.set(script, (scriptCounts.get(script) ?? 0) + 1);
    }
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower !== upper) {
      const isUpper = ch === upper;
      if (isUpper) {
        // An upper-case letter after a lower-case one, or a run of capitals then lower case, when a non-ASCII letter is in it.
        if (lowerSeen && c >= 0x80) caseBreak = true;
        upperRun++;
      } else {
        if (upperRun >= 2 && cased === upperRun && (c >= 0x80 || latin + other > 0)) caseBreak = true;
        lowerSeen = true;
      }
      cased++;
    }
    for (const s of scripts) if (!compatible(s, script)) clash = true;
    if (!scripts.includes(script)) scripts.push(script);
  }
  endWord();
  const ranked = [...scriptCounts.entries()].filter(([s]) => s !== 'mark' && s !== 'cjkmark').sort((a, b) => b[1] - a[1]).map(([s]) => s);
  return { words, odd, bad, scripts: ranked };
}

/** True when some word holds a letter beyond ASCII, none holds a character impossible in a name, and at most one in twenty looks misdecoded. */
export function looksPlausible(p: Plausibility): boolean {
  return p.bad === 0 && p.words > 0 && p.odd * 20 <= p.words;
}
