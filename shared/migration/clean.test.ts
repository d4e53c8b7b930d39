// docs/formats.md "The upload-ready file": only New License / New Add-ons change, canonical values, the input's
// dialect kept, every other byte untouched; UTF-16 and Windows-1252 inputs become UTF-8 with a BOM.
import { describe, expect, it } from 'vitest';
import { cleanFile } from './clean';
import { createSession } from './session';
import { fixtureBytes, fixturePlan, load } from '../../test/support/fixtures';
import { concatBytes, csv, decodeUtf8, sessionOf, utf8 } from '../../test/support/builders';

const BOM = [0xef, 0xbb, 0xbf];
const cleanText = (bytes: Uint8Array): string => decodeUtf8(bytes);

describe('canonical values', () => {
  it('writes license names as spelled in the plan, and add-ons in plan order joined by ", " (quoted in a comma file)', () => {
    const s = sessionOf(csv(['Email,Current License,New License,New Add-ons', 'ann@example.com,Optimize, admin ,deal;MEET', 'bob@example.com,Optimize,ENGAGE,meet']));
    const out = cleanFile(s);
    expect(cleanText(out.bytes)).toBe(csv(['Email,Current License,New License,New Add-ons', 'ann@example.com,Optimize,Admin,"Meet, Deal"', 'bob@example.com,Optimize,Engage,Meet']));
    expect([out.changedRows, out.identical]).toEqual([2, false]);
  });

  it('does not quote "Meet, Deal" in a semicolon file, and keeps CRLF and no final line ending', () => {
    const s = sessionOf(csv(['Email;Current License;New License;New Add-ons', 'ann@example.com;Optimize;Admin;Deal|Meet'], '\r\n', false));
    expect(cleanText(cleanFile(s).bytes)).toBe('Email;Current License;New License;New Add-ons\r\nann@example.com;Optimize;Admin;Meet, Deal');
  });

  it('applies edits, and writes an empty cell for a user who gets no license', () => {
    const s = sessionOf(csv(['Email,Current License,New License,New Add-ons', 'ann@example.com,Optimize,Admin,', 'bob@example.com,Optimize,Engage,Meet']));
    s.applyChanges([
      { row: 0, addOns: 'deal, meet' },
      { row: 1, license: '', addOns: '' },
    ]);
    expect(cleanText(cleanFile(s).bytes)).toBe(csv(['Email,Current License,New License,New Add-ons', 'ann@example.com,Optimize,Admin,"Meet, Deal"', 'bob@example.com,Optimize,,']));
  });
});

describe('only changed cells are rewritten', () => {
  it('keeps the quotes of an unchanged quoted "Sales Cloud", and every other byte of the row', () => {
    const text = csv(['"Email";"Current License";"New License";"New Add-ons";"Notes"', '"ann@example.com";"Sales Cloud";"Sales Cloud";"";" padded "', '"bob@example.com";"Sales Cloud";"Sales Cloud";"";x']);
    const s = createSession(load(text), fixturePlan(), { me: 'ann@example.com' });
    s.applyChanges([{ row: 1, addOns: 'Add-on B' }]);
    expect(cleanText(cleanFile(s).bytes)).toBe(text.replace('"Sales Cloud";"";x', '"Sales Cloud";Add-on B;x'));
  });

  it('fixture 00: only the NORMALIZED add-ons cell changes; the multi-line cell, formula and trailing spaces stay', () => {
    const bytes = fixtureBytes('00-original-export.csv');
    const s = createSession(load(bytes), fixturePlan(), { me: 'mia@example.com' });
    const out = cleanFile(s);
    expect(out.changedRows).toBe(1);
    expect(cleanText(out.bytes)).toBe(decodeUtf8(bytes).replace(',Add-on A;Add-on B,', ',"Add-on A, Add-on B",'));
  });

  it('fixture 04 (;, all text quoted): an edit rewrites that cell only', () => {
    const bytes = fixtureBytes('04-lo-semicolon-separator.csv');
    const s = createSession(load(bytes), fixturePlan(), { me: 'mia@example.com' });
    s.applyChanges([{ row: 8, license: 'sales cloud', addOns: 'add-on b, add-on a' }]); // Mia, row 10
    const expected = decodeUtf8(bytes)
      .replace('"Add-on A;Add-on B"', 'Add-on A, Add-on B')
      .replace('"Mkt";"@home";"Sales Cloud";;;', '"Mkt";"@home";"Sales Cloud";Sales Cloud;Add-on A, Add-on B;');
    expect(cleanText(cleanFile(s).bytes)).toBe(expected);
  });
});

describe('a file that needs no change', () => {
  it('is written back byte for byte (UTF-8 with a BOM, CRLF)', () => {
    const bytes = concatBytes(BOM, utf8(csv(['Email,Current License,New License,New Add-ons', 'ann@example.com,Optimize,Admin,"Meet, Deal"'], '\r\n')));
    const out = cleanFile(sessionOf(bytes));
    expect(out.identical).toBe(true);
    expect(out.bytes).toEqual(bytes);
  });
});

describe('New License and New Add-ons appended at the end when missing', () => {
  it('adds both columns, header names included, and blank lines stay blank', () => {
    const s = sessionOf(csv(['Email,Current License', 'ann@example.com,Optimize', '', 'bob@example.com,Optimize']));
    s.applyChanges([{ row: 0, license: 'admin', addOns: 'Meet' }]);
    expect(cleanText(cleanFile(s).bytes)).toBe(csv(['Email,Current License,New License,New Add-ons', 'ann@example.com,Optimize,Admin,Meet', '', 'bob@example.com,Optimize,,']));
  });

  it('adds only New Add-ons when New License is there', () => {
    const s = sessionOf(csv(['Email;New License;Current License', 'ann@example.com;Admin;Optimize']));
    expect(cleanText(cleanFile(s).bytes)).toBe(csv(['Email;New License;Current License;New Add-ons', 'ann@example.com;Admin;Optimize;']));
  });
});

describe('encoding of the output', () => {
  it('keeps the BOM of a UTF-8 input', () => {
    const s = sessionOf(concatBytes(BOM, utf8(csv(['Email,Current License,New License', 'ann@example.com,Optimize,admin']))));
    const out = cleanFile(s).bytes;
    expect([...out.subarray(0, 3)]).toEqual(BOM);
    expect(cleanText(out.subarray(3))).toBe(csv(['Email,Current License,New License,New Add-ons', 'ann@example.com,Optimize,Admin,']));
  });

  it('writes no BOM when the UTF-8 input had none', () => {
    const out = cleanFile(sessionOf(csv(['Email,Current License,New License', 'ann@example.com,Optimize,admin']))).bytes;
    expect(out[0]).toBe('E'.charCodeAt(0));
  });

  it('writes a UTF-16LE input (fixture 05) as UTF-8 with a BOM, same text otherwise', () => {
    const loaded = load(fixtureBytes('05-lo-utf16le-bom-comma.csv'));
    const out = cleanFile(createSession(loaded, fixturePlan(), { me: 'mia@example.com' })).bytes;
    expect([...out.subarray(0, 3)]).toEqual(BOM);
    expect(cleanText(out.subarray(3))).toBe(loaded.text.replace('"Add-on A;Add-on B"', '"Add-on A, Add-on B"'));
  });

  it('writes a UTF-16 input that needed no change as UTF-8 with a BOM too', () => {
    const text = 'Email,Current License,New License,New Add-ons\nzoë@example.com,Optimize,Admin,\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i + 1] = text.charCodeAt(i);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i) >> 8;
    const out = cleanFile(sessionOf(utf16, { me: 'zoë@example.com' }));
    expect(out.identical).toBe(false);
    expect(out.bytes).toEqual(concatBytes(BOM, utf8(text)));
  });

  it('writes a Windows-1252 input as UTF-8 with a BOM (é was 0xE9)', () => {
    const bytes = concatBytes(utf8('Email,First Name,Current License,New License,New Add-ons\nann@example.com,Ren'), [0xe9], utf8(',Optimize,Admin,\n'));
    const out = cleanFile(sessionOf(bytes));
    expect(out.bytes).toEqual(concatBytes(BOM, utf8('Email,First Name,Current License,New License,New Add-ons\nann@example.com,René,Optimize,Admin,\n')));
  });
});
