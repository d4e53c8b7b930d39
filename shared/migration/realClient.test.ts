// test/fixtures/real-client/README.md: what LibreOffice Calc wrote after opening the original
// export (00). Against 00 as the original, every damaged cell is a LOCKED_COLUMN_CHANGED with the
// cause the README names; users whose ID lost its zeros are still the same users (matched by Email).
import { describe, expect, it } from 'vitest';
import { createSession } from './session';
import { describeFinding } from '../validation/messages';
import type { ChangeCause, PlacedFindingOf } from '../validation/codes';
import { fixtureBytes, fixturePlan, load } from '../../test/support/fixtures';
import { placedOf, recordsOf } from '../../test/support/builders';

const original = load(fixtureBytes('00-original-export.csv'));
const sessionFor = (name: string) => createSession(load(fixtureBytes(name)), fixturePlan(), { original, me: 'mia@example.com' });
const changes = (name: string): [number | null, string | null, string | null, string | null, ChangeCause][] =>
  placedOf(sessionFor(name))
    .filter((f): f is PlacedFindingOf<'LOCKED_COLUMN_CHANGED'> => f.code === 'LOCKED_COLUMN_CHANGED')
    .map((f) => [f.row, f.column, f.original, f.value, f.cause]);

const ID_ZEROS: [number, string, string, string, ChangeCause][] = Array.from({ length: 11 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  return [i + 2, 'User ID', `0050000000000${n}`, `50000000000${n}`, 'leadingZeros'];
});
const id = (row: number) => ID_ZEROS[row - 2];

/** 03: the 25 damaged cells of a plain open and re-save. */
const DAMAGE_03: [number, string, string, string, ChangeCause][] = [
  id(2),
  [2, 'Employee Number', '000123', '123', 'leadingZeros'],
  id(3),
  [3, 'Employee Number', '000124', '124', 'leadingZeros'],
  [3, 'Phone', '+15551234567', '15551234567', 'plusDropped'],
  id(4),
  [4, 'Employee Number', '1234567890123456789', '1.23456789012346E+018', 'scientific'],
  [4, 'Phone', '0312345678', '312345678', 'leadingZeros'],
  [4, 'Team Code', '1E5', '100000', 'numberReformatted'],
  id(5),
  [5, 'Employee Number', '007', '7', 'leadingZeros'],
  id(6),
  id(7),
  [7, 'Employee Number', '00099', '99', 'leadingZeros'],
  [7, 'Team Code', '0.10', '0.1', 'numberReformatted'],
  [7, 'Notes', '=HYPERLINK("http://x","click")', 'click', 'formulaEvaluated'],
  id(8),
  [8, 'Team Code', '1,234', '1234', 'numberReformatted'],
  id(9),
  [9, 'Employee Number', '00500', '500', 'leadingZeros'],
  id(10),
  id(11),
  [11, 'Employee Number', '0042', '42', 'leadingZeros'],
  [11, 'Team Code', '12.50', '12.5', 'numberReformatted'],
  id(12),
];

/** 04 and 05: as 03, plus dates rewritten and 3/4 turned into a date; 1E5 written as 1.00E+05. */
const DAMAGE_04: [number, string, string, string, ChangeCause][] = DAMAGE_03.flatMap((d): [number, string, string, string, ChangeCause][] => {
  if (d[1] === 'Team Code' && d[2] === '1E5') return [[4, 'Team Code', '1E5', '1.00E+05', 'numberReformatted']];
  if (d[0] === 3 && d[1] === 'Phone')
    return [d, [3, 'Start Date', '03/04/2024', '03/04/24', 'dateRewritten'], [3, 'Last Login', '2024-11-05 17:00', '2024-11-05 17:00:00', 'dateRewritten']];
  if (d[0] === 5 && d[1] === 'Employee Number') return [d, [5, 'Team Code', '3/4', '03/04/26', 'becameDate']];
  if (d[0] === 6) return [d, [6, 'Start Date', '1/2/2024', '01/02/24', 'dateRewritten']];
  return [d];
});

describe('00, the original export', () => {
  it('reads 12 users in 14 physical lines (one quoted cell with a line break), UTF-8 without BOM, comma, LF', () => {
    expect(recordsOf(original.table)).toHaveLength(12);
    expect([original.encoding, original.bom, original.table.dialect]).toEqual(['utf-8', false, { delimiter: ',', eol: '\n', finalNewline: true, mixedEol: false, sepLine: false }]);
    expect(recordsOf(original.table)[3][13]).toBe('Line one\nLine two');
    // Row 13 (the last user) follows the multi-line cell: still row 13, not 14.
    const s = sessionFor('00-original-export.csv');
    expect(s.rowNumber(11)).toBe(13);
    expect(s.userOf(11)).toBe('max@example.de');
  });

  it('keeps every trap as text: leading zeros, +, 19 digits, 1E5, formula, trailing space', () => {
    const r = recordsOf(original.table);
    expect([r[0][0], r[0][4], r[1][5], r[2][4], r[2][9], r[5][13], r[11][13], r[4][2]]).toEqual([
      '005000000000001',
      '000123',
      '+15551234567',
      '1234567890123456789',
      '1E5',
      '=HYPERLINK("http://x","click")',
      'trailing space ',
      'Silva ',
    ]);
  });

  it('compared with itself, nothing is locked-changed, new or removed', () => {
    expect(changes('00-original-export.csv')).toEqual([]);
    expect(sessionFor('00-original-export.csv').allFindings().map((f) => f.code)).not.toContain('USER_REMOVED');
  });
});

describe('01, saved as a workbook', () => {
  it('is refused as an Excel workbook', () => {
    expect(() => load(fixtureBytes('01-lo-opened-saved-as.xlsx'))).toThrow(/refused: this is an Excel workbook/);
  });
});

describe('03, opened and re-saved as CSV with the defaults', () => {
  it('reports each of the 25 damaged cells with its cause', () => {
    expect(changes('03-lo-open-resave-csv-defaults.csv')).toEqual(DAMAGE_03);
  });

  it('matches users whose ID lost its zeros by Email: no NEW_USER, no USER_REMOVED', () => {
    const codes = sessionFor('03-lo-open-resave-csv-defaults.csv').allFindings().map((f) => f.code);
    expect(codes).not.toContain('NEW_USER');
    expect(codes).not.toContain('USER_REMOVED');
  });

  it('names what the spreadsheet did in the message', () => {
    const f = placedOf(sessionFor('03-lo-open-resave-csv-defaults.csv'));
    const byCell = (row: number, column: string) => describeFinding(f.find((x) => x.row === row && x.column === column && x.code === 'LOCKED_COLUMN_CHANGED')!).message;
    expect(byCell(2, 'User ID')).toBe('User ID changed from "005000000000001" to "5000000000001": leading zeros were removed — a spreadsheet opened this file and treated the value as a number.');
    expect(byCell(3, 'Phone')).toContain('the leading "+" was dropped');
    expect(byCell(4, 'Employee Number')).toContain('scientific notation');
    expect(byCell(7, 'Notes')).toContain('a spreadsheet evaluated it');
  });
});

describe('04, saved with ; as separator', () => {
  it('is read as semicolon-separated, every text cell quoted, same 12 users', () => {
    const loaded = load(fixtureBytes('04-lo-semicolon-separator.csv'));
    expect(loaded.table.dialect.delimiter).toBe(';');
    expect(recordsOf(loaded.table)).toHaveLength(12);
    expect(recordsOf(loaded.table)[1][12]).toBe('Add-on A;Add-on B');
  });

  it('reports the 29 damaged cells: as 03 plus dates rewritten and 3/4 become a date', () => {
    expect(DAMAGE_04).toHaveLength(29);
    expect(changes('04-lo-semicolon-separator.csv')).toEqual(DAMAGE_04);
  });

  it('matches every user: no NEW_USER, no USER_REMOVED', () => {
    const codes = sessionFor('04-lo-semicolon-separator.csv').allFindings().map((f) => f.code);
    expect(codes.filter((c) => c === 'NEW_USER' || c === 'USER_REMOVED')).toEqual([]);
  });
});

describe('05, saved as UTF-16', () => {
  it('is read as UTF-16LE with a BOM, comma-separated', () => {
    const bytes = fixtureBytes('05-lo-utf16le-bom-comma.csv');
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const loaded = load(bytes);
    expect([loaded.encoding, loaded.bom, loaded.table.dialect.delimiter]).toEqual(['utf-16le', true, ',']);
    expect(recordsOf(loaded.table)[2].slice(1, 3)).toEqual(['太郎', '山田']);
  });

  it('has the same damage as 04, and the same users', () => {
    expect(changes('05-lo-utf16le-bom-comma.csv')).toEqual(DAMAGE_04);
    const codes = sessionFor('05-lo-utf16le-bom-comma.csv').allFindings().map((f) => f.code);
    expect(codes.filter((c) => c === 'NEW_USER' || c === 'USER_REMOVED')).toEqual([]);
  });
});
