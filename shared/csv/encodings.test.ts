// docs/reliability.md "Encodings": legacy encodings are detected by a maintained library (chardet) and taken only
// when the guess is confident; otherwise the file is refused with the likely encodings, each with a
// few names decoded with it, until the admin (or --encoding) chooses one. Fixtures: test/fixtures/encodings.
import { describe, expect, it } from 'vitest';
import { decodeBytes, encodingCandidates, resolveEncoding } from './decode';
import { decodeAs, ENCODING_NAMES } from './encodings';
import { plausibility, looksPlausible } from './plausible';
import { loadExport } from '../migration/load';
import { createSession } from '../migration/session';
import { cleanFile } from '../migration/clean';
import { describeFinding } from '../validation/messages';
import { PLAN, encodingFixture } from '../../test/support/fixtures';
import { concatBytes, decodeUtf8, utf8, fileFindingsOf, recordsOf } from '../../test/support/builders';

const loaded = (bytes: Uint8Array, encoding?: string) => {
  const result = loadExport(bytes, encoding === undefined ? {} : { encoding });
  if (!result.ok) throw new Error(`refused: ${result.error.reason}`);
  return result.value;
};
const refused = (bytes: Uint8Array) => {
  const result = loadExport(bytes);
  if (result.ok) throw new Error(`expected a refusal, read as ${result.value.encoding}`);
  return result.error;
};
const names = (bytes: Uint8Array, encoding?: string) => recordsOf(loaded(bytes, encoding).table).map((r) => `${r[1]} ${r[2]}`);

describe('a legacy file detected with confidence loads with ENCODING_GUESSED naming the encoding', () => {
  it.each([
    ['windows-1252-names.csv', 'windows-1252', 'René Lefèvre', 'Sean O’Brien'],
    ['windows-1250-names.csv', 'windows-1250', 'Jiří Dvořák', 'Paweł Wiśniewski'],
    ['windows-1251-names.csv', 'windows-1251', 'Иван Петров', 'Ольга Соколова'],
    ['gb18030-notes.csv', 'gb18030', '伟 王', '丽 赵'],
    ['big5-names.csv', 'big5', '偉 王', '麗 趙'],
    ['shift_jis-names.csv', 'shift_jis', '太郎 佐藤', '由美 中村'],
    ['euc-kr-names.csv', 'euc-kr', '민준 김', '지우 윤'],
  ])('%s is read as %s', (file, encoding, first, last) => {
    const bytes = encodingFixture(file);
    const file_ = loaded(bytes);
    expect([file_.encoding, file_.guessed, file_.bom]).toEqual([encoding, true, false]);
    expect(names(bytes)[0]).toBe(first);
    expect(names(bytes).at(-1)).toBe(last);
    expect(file_.text.includes('\uFFFD')).toBe(false);
    expect(fileFindingsOf(file_)).toEqual([{ code: 'ENCODING_GUESSED', row: null, column: null, user: null, value: null, encoding }]);
    expect(describeFinding(fileFindingsOf(file_)[0]).message).toContain(`detected as ${encoding === 'shift_jis' ? 'Shift_JIS' : encoding === 'gb18030' ? 'GB18030' : encoding === 'big5' ? 'Big5' : encoding === 'euc-kr' ? 'EUC-KR' : encoding.replace('windows', 'Windows')}`);
  });

  it('writes the upload-ready file as UTF-8 with a BOM, names intact (not "Íõ,Àî")', () => {
    const s = createSession(loaded(encodingFixture('gb18030-notes.csv')), PLAN, { me: 'user1@example.com' });
    const out = cleanFile(s).bytes;
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decodeUtf8(out.subarray(3));
    expect(text).toContain('101,伟,王,user1@example.com');
    expect(text).not.toMatch(/[ÍõÀî]/);
  });
});

describe('a legacy file that cannot be told for sure is refused with the likely encodings', () => {
  const bytes = encodingFixture('gb18030-names.csv');

  it('names the likely encodings with a few names decoded with each, and says to choose', () => {
    const error = refused(bytes);
    expect(error.code).toBe('encodingUnsure');
    expect(error.reason).toMatch(/could not be told for sure \(likely .*gb18030.*\): choose the encoding/);
    const gb = error.encodings?.find((c) => c.encoding === 'gb18030');
    expect(gb).toMatchObject({ description: 'GB18030 (Chinese, simplified)', plausible: true });
    expect(gb?.samples.slice(0, 2)).toEqual(['伟', '王']);
    expect(error.encodings!.length).toBeLessThanOrEqual(5);
    // The same list, for a chooser, without loading.
    expect(encodingCandidates(bytes).map((c) => c.encoding)).toContain('gb18030');
  });

  it('loads with the encoding the admin chose (any WHATWG label), without ENCODING_GUESSED', () => {
    for (const label of ['gb18030', 'GB2312', ' gbk ', 'x-gbk', 'cp936']) {
      const file = loaded(bytes, label);
      expect(recordsOf(file.table)[0].slice(1, 3)).toEqual(['伟', '王']);
      expect(file.guessed).toBe(false);
      expect(fileFindingsOf(file)).toEqual([]);
    }
  });

  it('refuses an unknown encoding name clearly', () => {
    const result = loadExport(bytes, { encoding: 'klingon' });
    expect(!result.ok && [result.error.code, result.error.reason]).toEqual(['unknownEncoding', expect.stringContaining('"klingon" is not an encoding name')]);
  });

  it('refuses a chosen encoding the bytes are not in, naming the line, with the likely ones', () => {
    const result = loadExport(encodingFixture('windows-1252-names.csv'), { encoding: 'utf-8' });
    expect(!result.ok && [result.error.code, result.error.line]).toEqual(['damaged', 2]);
    expect(!result.ok && result.error.encodings?.[0].encoding).toBe('windows-1252');
  });

  it('a BOM wins over the chosen encoding, as in the Encoding Standard', () => {
    const file = loaded(concatBytes([0xef, 0xbb, 0xbf], utf8('Email,Current License\nzoë@x.com,Engage\n')), 'windows-1252');
    expect([file.encoding, recordsOf(file.table)[0][0]]).toEqual(['utf-8', 'zoë@x.com']);
  });
});

describe('encodings', () => {
  it('resolves WHATWG labels and common code-page names to canonical names', () => {
    expect(['latin1', 'ascii', 'cp1252', 'sjis', 'windows-31j', 'cp932', 'ks_c_5601-1987', 'big5-hkscs', 'utf8', 'UTF-16'].map(resolveEncoding)).toEqual([
      'windows-1252',
      'windows-1252',
      'windows-1252',
      'shift_jis',
      'shift_jis',
      'shift_jis',
      'euc-kr',
      'big5',
      'utf-8',
      'utf-16le',
    ]);
    expect(['', 'nope', 'utf-7', 'replacement'].map(resolveEncoding)).toEqual([null, null, null, null]);
  });

  it('decodes every encoding it names (the journal stores these names)', () => {
    // iso-8859-16 is in the Encoding Standard but not in Node 20's TextDecoder.
    const unsupported = ENCODING_NAMES.filter((name) => decodeAs(utf8('abcd'), name, true) === null);
    expect(unsupported.filter((n) => n !== 'iso-8859-16')).toEqual([]);
  });

  it('the candidates of a UTF-8 file start with UTF-8', () => {
    expect(encodingCandidates(utf8('Email,Name\na@x.com,Zoë\n'))[0]).toMatchObject({ encoding: 'utf-8', samples: ['Zoë'] });
  });
});

describe('plausibility: names read in the wrong encoding show it', () => {
  it.each([
    ['René Lefèvre Zoë Müller Jiří Dvořák Åsa Øberg Kılıç Łódź', true],
    ['Иван Петров Γιώργος Παπαδόπουλος 王伟 佐藤太郎 さくら 김민준 דוד כהן محمد', true],
    ['RenÃ© LefÃ¨vre', false],
    ['Ð˜Ð²Ð°Ð½ ÐŸÐµÑ‚Ñ€Ð¾Ð²', false],
    ['Èâàí Ïåòðîâ', false],
    ['жьСе ТоИе РюФШ', false],
    ['ΕΘΡΗενγ', false],
    ['ｳﾂｾｲ 王ｲ', false],
    ['Ren\u0092 x', false],
    ['Ren\uFFFD', false],
    ['—é–Ø ‘å•ã', false],
  ])('%s → %s', (text, plausible) => {
    expect(looksPlausible(plausibility(text))).toBe(plausible);
  });
  it('Hanja in a Korean reading is odd (Chinese text read as EUC-KR)', () => {
    expect(looksPlausible(plausibility('珙 寬', true))).toBe(false);
    expect(looksPlausible(plausibility('김민준', true))).toBe(true);
  });
});

describe('what is not text is refused as such', () => {
  it('random bytes are binary data, never "two files pasted together"', () => {
    let seed = 7;
    const random = new Uint8Array(4096).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    const error = refused(random);
    expect([error.code, error.kind]).toEqual(['notText', 'binary data']);
  });

  const header = (...bytes: number[]) => concatBytes(bytes, new Uint8Array(200).map((_, i) => (i * 7) & 0xff));
  it.each([
    ['ELF', header(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1), 'a program (ELF executable)'],
    ['PE/MZ', header(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0), 'a Windows program (.exe or .dll)'],
    ['Mach-O 64', header(0xcf, 0xfa, 0xed, 0xfe), 'a program (Mach-O executable)'],
    ['Mach-O fat', header(0xca, 0xfe, 0xba, 0xbe), 'a program (Mach-O or Java class)'],
    ['wasm', header(0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0), 'a WebAssembly module'],
    ['zip', header(0x50, 0x4b, 0x03, 0x04), 'an Excel workbook'],
    ['empty zip', header(0x50, 0x4b, 0x05, 0x06), 'an empty zip archive'],
    ['spanned zip', header(0x50, 0x4b, 0x07, 0x08), 'a zip archive'],
    ['7z', header(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c), 'a 7z archive'],
    ['rar', header(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00), 'a RAR archive'],
    ['sqlite', concatBytes(utf8('SQLite format 3\0'), [0x10, 0, 1, 1]), 'an SQLite database'],
    ['gzip', header(0x1f, 0x8b, 8), 'a gzip archive'],
    ['bzip2', header(0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59), 'a bzip2 archive'],
    ['xz', header(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00), 'an xz archive'],
    ['zstd', header(0x28, 0xb5, 0x2f, 0xfd), 'a zstd archive'],
    ['tar', concatBytes(new Uint8Array(257), utf8('ustar\u000000'), new Uint8Array(100)), 'a tar archive'],
    ['GIF', header(0x47, 0x49, 0x46, 0x38, 0x39, 0x61), 'a GIF image'],
    ['UTF-32', concatBytes([0xff, 0xfe, 0, 0], [0x45, 0, 0, 0]), 'UTF-32 text'],
  ])('%s', (_, bytes, kind) => {
    const error = refused(bytes);
    expect([error.code === 'format' || error.code === undefined, error.kind]).toEqual([true, kind]);
    expect(error.reason).not.toContain('pasted together');
  });

  it('text that starts with "MZ" or "BZh" is still text', () => {
    expect(loaded(utf8('MZ,Email,Current License\nx,a@x.com,Engage\n')).table.header[0]).toBe('MZ');
    expect(loaded(utf8('BZh Code,Email,Current License\nx,a@x.com,Engage\n')).table.header[0]).toBe('BZh Code');
  });
});

describe('files that really mix encodings', () => {
  it('UTF-8 with lines pasted from a Windows-1252 file: refused naming both lines', () => {
    const bytes = concatBytes(utf8('Email,First Name,Current License\nzoe@x.com,Zoë,Engage\nrene@x.com,Ren'), [0xe9], utf8(',Engage\n'));
    const error = refused(bytes);
    expect([error.code, error.line]).toEqual(['mixedEncodings', 3]);
    expect(error.reason).toContain('line 2 of this file is UTF-8 but line 3 holds bytes in another encoding');
    expect(error.encodings?.[0].encoding).toBe('windows-1252');
  });

  it('a GBK file whose bytes are valid UTF-8 on one line (茅 is C3 A9, "é") is not called mixed', () => {
    const gbk = encodingFixture('gb18030-notes.csv');
    const extra = concatBytes(utf8('109,'), [0xc3, 0xa9], utf8(',X,user9@example.com,Engage,Meet,,,\r\n'));
    const result = decodeBytes(concatBytes(gbk, extra));
    expect(result.ok ? result.value.text.split('\r\n').at(-2) : result.error.code).toBe('109,茅,X,user9@example.com,Engage,Meet,,,');
  });
});
