// docs/formats.md "The error report" and docs/reliability.md "The error report": UTF-8 with BOM, every field quoted,
// a ' before cells a spreadsheet would evaluate (= + - @ tab CR LF, also multi-line), NUL stripped.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { annotatedCopy, annotatedCopyText, findingsReport, findingsReportText } from './errorReport';
import { escapeCell, quotedRecord, unescapeCell } from './escape';
import type { PlacedFinding } from '../validation/codes';
import { describeFinding } from '../validation/messages';
import { csv, decodeUtf8, placedOf, sessionOf } from '../../test/support/builders';

const parse = (text: string): string[][] => Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data;

describe('cell escaping', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1 555', "'+1 555"],
    ['-5', "'-5"],
    ['@home', "'@home"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['\nx', "'\nx"],
    ['=HYPERLINK("http://x")\nsecond line', '\'=HYPERLINK("http://x")\nsecond line'],
    ["'=already", "''=already"],
    ['plain', 'plain'],
    ["it's", "it's"],
    ['a=b', 'a=b'],
    ['', ''],
  ])('escapes %j as %j, reversibly', (value, escaped) => {
    expect(escapeCell(value)).toBe(escaped);
    expect(unescapeCell(escapeCell(value))).toBe(value);
  });

  it('strips NUL, and a cell that starts with = once NUL is gone is still escaped', () => {
    expect(escapeCell('a\0b')).toBe('ab');
    expect(escapeCell('\0=1+1')).toBe("'=1+1");
  });

  it('quotes every field and doubles quotes', () => {
    expect(quotedRecord(['a', '', 'say "hi"', '=1'])).toBe('"a","","say ""hi""","\'=1"');
  });
});

describe('the findings report', () => {
  const session = sessionOf(
    csv(['Email,First Name,Current License,New License,New Add-ons', 'ann@example.com,Ann,Optimize,Admin,', '"=cmd|\' /C calc\'!A0",Eve,Optimize,"=1+1\nsecond",', 'bob@example.com,Bob,Optimize,Viewer,Deal']),
    { me: 'nobody@example.com' },
  );
  const findings = placedOf(session);
  const bytes = findingsReport(findings);

  it('is UTF-8 with a BOM, CRLF, with the header Row,User,Column,Value,Code,Message,Suggestion', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decodeUtf8(bytes.subarray(3));
    expect(text.startsWith('"Row","User","Column","Value","Code","Message","Suggestion"\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('has one row per finding; file-level findings have an empty Row', () => {
    const rows = parse(findingsReportText(findings));
    expect(rows).toHaveLength(findings.length + 1);
    expect(rows.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ['', 'SELF_NOT_FOUND'],
      ['3', 'UNKNOWN_LICENSE'],
      ['4', 'ADDON_NOT_ALLOWED'],
    ]);
    expect(rows[1]).toEqual(['', 'nobody@example.com', 'Email', 'nobody@example.com', 'SELF_NOT_FOUND', describeFinding(findings[0]).message, describeFinding(findings[0]).suggestion]);
  });

  it('escapes a multi-line value starting with "=" and a user starting with "=" (papaparse escapeFormulae would miss the first)', () => {
    const text = findingsReportText(findings);
    expect(text).toContain('"\'=1+1\nsecond"');
    expect(text).toContain('"\'=cmd|\' /C calc\'!A0"');
    const row = parse(text)[2];
    expect([row[1], row[3]]).toEqual(["'=cmd|' /C calc'!A0", "'=1+1\nsecond"]);
    // Nothing in the report starts with a character a spreadsheet would evaluate.
    for (const cell of parse(text).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
  });

  it('quotes every field of every row', () => {
    const text = findingsReportText(findings);
    expect(parse(text).map((r) => r.length)).toEqual(new Array(findings.length + 1).fill(7));
    // A line of unquoted text would show as a field not wrapped in quotes: none is.
    expect(text.replace(/"(?:[^"]|"")*"/g, '').replace(/[,\r\n]/g, '')).toBe('');
  });

  it('strips NUL from values', () => {
    const f: PlacedFinding = { code: 'UNKNOWN_LICENSE', row: 2, column: 'New License', user: 'a\0b', value: 'x\0y', closest: null };
    expect(parse(findingsReportText([f]))[1].slice(0, 4)).toEqual(['2', 'ab', 'New License', 'xy']);
  });
});

describe('the annotated copy', () => {
  const session = sessionOf(
    csv(['Email,Notes,Current License,New License', 'ann@example.com,-note,Optimize,Admin', 'bob@example.com,,Optimize,Engag', 'cy@example.com,,Optimize,']),
    { me: null },
  );

  it('has every input column, New Add-ons appended, then Errors and Warnings; UTF-8 with BOM', () => {
    const bytes = annotatedCopy(session);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(decodeUtf8(bytes.subarray(3)))[0]).toEqual(['Email', 'Notes', 'Current License', 'New License', 'New Add-ons', 'Errors', 'Warnings']);
  });

  it('puts file-level findings in a first row, then each row with its messages, escaped the same way', () => {
    const rows = parse(annotatedCopyText(session));
    expect(rows).toHaveLength(5);
    expect(rows[1].slice(0, 6)).toEqual(['(whole file)', '', '', '', '', '']);
    expect(rows[1][6]).toMatch(/^SELF_UNKNOWN — /);
    expect(rows[2]).toEqual(['ann@example.com', "'-note", 'Optimize', 'Admin', '', '', '']);
    expect(rows[3].slice(0, 5)).toEqual(['bob@example.com', '', 'Optimize', 'Engag', '']);
    expect(rows[3][5]).toBe('UNKNOWN_LICENSE — New License: "Engag" is not a license in the plan. Did you mean "Engage"?');
    expect(rows[4][6]).toMatch(/^LOSES_ACCESS — New License: /);
  });

  it('shows edited values', () => {
    session.applyChanges([{ row: 1, license: 'Engage' }]);
    expect(parse(annotatedCopyText(session))[3]).toEqual(['bob@example.com', '', 'Optimize', 'Engage', '', '', '']);
  });
});
