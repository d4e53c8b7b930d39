// docs/reliability.md "Sniffing" and docs/formats.md "Files that are refused": refuse what is not a CSV with a reason
// naming the format; UTF-8 with or without BOM, UTF-16LE/BE with BOM, Windows-1252 as a guess.
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { loadExport } from '../migration/load';
import { headerFindings } from '../validation/fileRules';
import { fixtureBytes } from '../../test/support/fixtures';
import { concatBytes, utf16, utf8, fileFindingsOf } from '../../test/support/builders';

const refusal = (bytes: Uint8Array) => {
  const result = loadExport(bytes);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

const TEXT = 'Email,First Name,Current License\nzoe@example.com,Zoë 太郎,Engage\n';

describe('files that are not CSV are refused with a reason naming the format', () => {
  it('refuses the workbook LibreOffice saved (fixture 01, PK\\x03\\x04) as an Excel workbook', () => {
    const bytes = fixtureBytes('01-lo-opened-saved-as.xlsx');
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const error = refusal(bytes);
    expect(error.kind).toBe('an Excel workbook');
    expect(error.reason).toMatch(/^this is an Excel workbook .*CSV UTF-8/);
  });

  it('refuses an old .xls workbook (D0 CF 11 E0)', () => {
    const error = refusal(concatBytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], utf8('rest')));
    expect(error.kind).toBe('an old Excel workbook');
    expect(error.reason).toContain('old Excel workbook (.xls)');
  });

  it('refuses a PDF (%PDF)', () => {
    const error = refusal(utf8('%PDF-1.7\n1 0 obj\n'));
    expect(error.kind).toBe('a PDF document');
    expect(error.reason).toContain('PDF');
  });

  it('refuses binary data (NUL bytes, control characters)', () => {
    expect(refusal(new Uint8Array([1, 2, 3, 0, 5, 6])).kind).toBe('binary data');
    expect(refusal(utf8('Email,Current License\n' + '\x01\x02\x03\x04'.repeat(10))).reason).toContain('binary data');
  });
});

describe('encodings', () => {
  it('reads UTF-8 without a BOM', () => {
    const decoded = decodeBytes(utf8(TEXT));
    expect(decoded).toEqual({ ok: true, value: { text: TEXT, encoding: 'utf-8', bom: false, guessed: false } });
  });

  it('reads UTF-8 with a BOM, which is not part of the first header', () => {
    const loaded = loadExport(concatBytes([0xef, 0xbb, 0xbf], utf8(TEXT)));
    expect(loaded.ok && [loaded.value.encoding, loaded.value.bom, loaded.value.table.header[0], loaded.value.columns.email]).toEqual(['utf-8', true, 'Email', 0]);
  });

  it('reads UTF-16LE with a BOM (FF FE)', () => {
    const decoded = decodeBytes(concatBytes([0xff, 0xfe], utf16(TEXT, 'le')));
    expect(decoded).toEqual({ ok: true, value: { text: TEXT, encoding: 'utf-16le', bom: true, guessed: false } });
  });

  it('reads UTF-16BE with a BOM (FE FF)', () => {
    const decoded = decodeBytes(concatBytes([0xfe, 0xff], utf16(TEXT, 'be')));
    expect(decoded).toEqual({ ok: true, value: { text: TEXT, encoding: 'utf-16be', bom: true, guessed: false } });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (é as 0xE9, ’ as 0x92, € as 0x80), never letting U+FFFD in', () => {
    const bytes = concatBytes(utf8('Email,First Name,Current License\nrene@example.com,Ren'), [0xe9, 0x20, 0x4f, 0x92, 0x20, 0x80], utf8(',Engage\n'));
    const decoded = decodeBytes(bytes);
    // Node 20's own TextDecoder('windows-1252') gives U+0092 and U+0080 here (it decodes Latin-1).
    expect(decoded).toEqual({ ok: true, value: { text: 'Email,First Name,Current License\nrene@example.com,René O’ €,Engage\n', encoding: 'windows-1252', bom: false, guessed: true } });
    const loaded = loadExport(bytes);
    expect(loaded.ok && headerFindings(loaded.value).map((f) => f.code)).toEqual(['ENCODING_GUESSED']);
    expect(loaded.ok && loaded.value.text.includes('\uFFFD')).toBe(false);
  });

  it('maps every byte 0x80–0xFF as Windows-1252 does (our own table: Node 20 decodes it as Latin-1)', () => {
    const high = new Uint8Array(128).map((_, i) => 0x80 + i);
    const decoded = decodeBytes(concatBytes(utf8('Email\n'), high), { encoding: 'windows-1252' });
    const text = decoded.ok ? decoded.value.text.slice(6) : '';
    expect(text.slice(0, 32)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ');
    expect(text.slice(32)).toBe(String.fromCharCode(...Array.from({ length: 96 }, (_, i) => 0xa0 + i)));
  });

  it('refuses a file that says it is UTF-8 (BOM) but holds bytes that are not', () => {
    const error = refusal(concatBytes([0xef, 0xbb, 0xbf], utf8('Email\n'), [0xe9, 0x0a]));
    expect(error.kind).toBe('damaged UTF-8 text');
  });
});

describe('files that are not one encoding', () => {
  const enc = (text: string) => new TextEncoder().encode(text);
  it('refuses UTF-8 with a stray Windows-1252 byte, naming its line, instead of garbling every accented name', () => {
    const bytes = new Uint8Array([...enc('Email,Current License\njosé@x.com,Optimize\n'), 0x41, 0xe9, ...enc('@x.com,Optimize\n')]);
    const result = decodeBytes(bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.reason).toContain('line 3');
  });
  it('still reads a pure Windows-1252 file (no UTF-8 sequences) with a guess', () => {
    const result = decodeBytes(new Uint8Array([...enc('Email,Name\na@x.com,Jos'), 0xe9, 0x0a]));
    expect(result.ok && result.value.encoding).toBe('windows-1252');
    expect(result.ok && result.value.text).toContain('José');
  });
  it('reads UTF-16 without a byte-order mark (zero bytes in every other place), as a guess', () => {
    const le = new Uint8Array([...enc('Email,Current License\nzoë@x.com,Engage\n')].flatMap((b) => [b, 0]));
    expect(decodeBytes(concatBytes(utf16('Email,Current License\nZoë 太郎,Engage\n', 'le')))).toEqual({ ok: true, value: { text: 'Email,Current License\nZoë 太郎,Engage\n', encoding: 'utf-16le', bom: false, guessed: true } });
    expect(decodeBytes(utf16('Email,Current License\nZoë,Engage\n', 'be'))).toEqual({ ok: true, value: { text: 'Email,Current License\nZoë,Engage\n', encoding: 'utf-16be', bom: false, guessed: true } });
    const loaded = loadExport(utf16('Email,Current License\nzoe@x.com,Engage\n', 'le'));
    expect(loaded.ok && fileFindingsOf(loaded.value)).toEqual([{ code: 'ENCODING_GUESSED', row: null, column: null, user: null, value: null, encoding: 'utf-16le' }]);
    // An odd number of bytes cannot be UTF-16.
    expect(decodeBytes(le.subarray(0, le.length - 1)).ok).toBe(false);
  });
});
