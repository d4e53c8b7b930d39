// Text encodings by their WHATWG names (the Encoding Standard's labels, as TextDecoder takes them):
// resolving a label the admin typed, decoding with it, and naming it for people.
// Windows-1252 is decoded with our own table: Node 20.18.3 and later decode 'windows-1252' (and
// its labels latin1, ascii, iso-8859-1) as Latin-1, so 0x92 gives U+0092 instead of ’
// (nodejs/node#60888); Chromium is right, and one table makes both runtimes agree.

/** Every encoding of the Encoding Standard that decodes text (not 'replacement' or 'x-user-defined'), by canonical name. */
export const ENCODING_NAMES = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'windows-874',
  'iso-8859-2',
  'iso-8859-3',
  'iso-8859-4',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'iso-8859-8',
  'iso-8859-8-i',
  'iso-8859-10',
  'iso-8859-13',
  'iso-8859-14',
  'iso-8859-15',
  'iso-8859-16',
  'koi8-r',
  'koi8-u',
  'ibm866',
  'macintosh',
  'x-mac-cyrillic',
  'gb18030',
  'gbk',
  'big5',
  'shift_jis',
  'euc-jp',
  'iso-2022-jp',
  'euc-kr',
] as const;

/** A canonical WHATWG encoding name, as `new TextDecoder(label).encoding` gives it. */
export type TextEncodingName = (typeof ENCODING_NAMES)[number];

const KNOWN = new Set<string>(ENCODING_NAMES);

export const isEncodingName = (name: string): name is TextEncodingName => KNOWN.has(name);

/** Code-page names admins type that are not WHATWG labels, for the same encodings. */
const ALIASES: Readonly<Record<string, TextEncodingName>> = {
  cp932: 'shift_jis',
  'shift-jis': 'shift_jis',
  cp936: 'gbk',
  cp949: 'euc-kr',
  cp950: 'big5',
  cp1250: 'windows-1250',
  cp1251: 'windows-1251',
  cp1253: 'windows-1253',
  cp1254: 'windows-1254',
  cp1255: 'windows-1255',
  cp1256: 'windows-1256',
  cp1257: 'windows-1257',
  cp1258: 'windows-1258',
};

/**
 * The canonical name of an encoding label ("latin1" → windows-1252, "sjis" → shift_jis, "GB2312" → gbk),
 * or null when this runtime's TextDecoder does not know it.
 */
export function resolveEncoding(label: string): TextEncodingName | null {
  const key = label.trim().toLowerCase();
  if (key === '') return null;
  const alias = ALIASES[key];
  if (alias) return alias;
  try {
    const name = new TextDecoder(key).encoding;
    return isEncodingName(name) ? name : null;
  } catch {
    return null;
  }
}

/** Names shown to people, with the languages each is used for. */
const DESCRIPTIONS: Readonly<Partial<Record<TextEncodingName, string>>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western European)',
  'windows-1250': 'Windows-1250 (Central European)',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'windows-1253': 'Windows-1253 (Greek)',
  'windows-1254': 'Windows-1254 (Turkish)',
  'windows-1255': 'Windows-1255 (Hebrew)',
  'windows-1256': 'Windows-1256 (Arabic)',
  'windows-1257': 'Windows-1257 (Baltic)',
  'windows-1258': 'Windows-1258 (Vietnamese)',
  'windows-874': 'Windows-874 (Thai)',
  'iso-8859-2': 'ISO-8859-2 (Central European)',
  'iso-8859-5': 'ISO-8859-5 (Cyrillic)',
  'iso-8859-6': 'ISO-8859-6 (Arabic)',
  'iso-8859-7': 'ISO-8859-7 (Greek)',
  'iso-8859-8': 'ISO-8859-8 (Hebrew, visual)',
  'iso-8859-8-i': 'ISO-8859-8-I (Hebrew)',
  'iso-8859-15': 'ISO-8859-15 (Western European)',
  'koi8-r': 'KOI8-R (Russian)',
  'koi8-u': 'KOI8-U (Ukrainian)',
  gb18030: 'GB18030 (Chinese, simplified)',
  gbk: 'GBK (Chinese, simplified)',
  big5: 'Big5 (Chinese, traditional)',
  shift_jis: 'Shift_JIS (Japanese)',
  'euc-jp': 'EUC-JP (Japanese)',
  'iso-2022-jp': 'ISO-2022-JP (Japanese)',
  'euc-kr': 'EUC-KR (Korean)',
};

/** "Shift_JIS (Japanese)"; any other name as it is. */
export const describeEncoding = (name: string): string => DESCRIPTIONS[name as TextEncodingName] ?? name;

/** Windows-1252 bytes 0x80–0x9F (WHATWG index); every other byte is its Latin-1 code point. */
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

/**
 * `bytes` decoded as `encoding` (no BOM handling: the caller strips it). With `fatal`, null when the
 * bytes are not valid in that encoding; without, invalid bytes become U+FFFD. Also null when this
 * runtime cannot decode the encoding at all.
 */
export function decodeAs(bytes: Uint8Array, encoding: TextEncodingName, fatal: boolean): string | null {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
