// docs/formats.md "The export" and docs/reliability.md "Reading files": delimiters,
// line endings, quoting, blank and ragged rows, tolerant headers, and the papaparse traps.
import { describe, expect, it } from 'vitest';
import { loadExport, type LoadedExport } from './load';
import { headerFindings } from '../validation/fileRules';
import { createSession } from './session';
import { PLAN, load } from '../../test/support/fixtures';
import { csv, decodeUtf8, findingsOf, sessionOf, utf8, fileFindingsOf, recordsOf } from '../../test/support/builders';
import { cleanFile } from './clean';

const ROWS = [
  ['Email', 'First Name', 'Current License', 'Notes'],
  ['ann@example.com', 'Ann', 'Engage', 'plain'],
  ['bob@example.com', 'Bob', 'Admin', 'also plain'],
];

describe('delimiters are detected once and pinned', () => {
  for (const [name, delimiter] of [
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
  ] as const) {
    it(`reads a ${name}-separated file, keeping the other delimiters inside cells`, () => {
      const others = [',', ';', '\t'].filter((d) => d !== delimiter).join('');
      const text = csv(ROWS.map((r, i) => (i === 2 ? [...r.slice(0, 3), `a${others}b`] : r).join(delimiter)));
      const loaded = load(text);
      expect(loaded.table.dialect.delimiter).toBe(delimiter);
      expect(loaded.table.header).toEqual(ROWS[0]);
      expect(recordsOf(loaded.table)).toEqual([ROWS[1], [...ROWS[2].slice(0, 3), `a${others}b`]]);
    });
  }
});

describe('line endings', () => {
  for (const [name, eol] of [
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ] as const) {
    it(`reads ${name} line endings, with or without a final line ending`, () => {
      for (const finalNewline of [true, false]) {
        const loaded = load(csv(ROWS.map((r) => r.join(',')), eol, finalNewline));
        expect(loaded.table.dialect).toEqual({ delimiter: ',', eol, finalNewline, mixedEol: false, sepLine: false });
        expect(recordsOf(loaded.table)).toEqual(ROWS.slice(1));
        expect(loaded.table.blankRows).toBe(0);
      }
    });
  }
});

describe('quoted cells', () => {
  it('keep delimiters, doubled quotes and line breaks inside a cell', () => {
    const loaded = load('Email,Current License,Notes\r\nann@example.com,Engage,"a, b; ""c""\r\nline two\nline three"\r\nbob@example.com,"Admin",x\r\n');
    expect(recordsOf(loaded.table)).toEqual([
      ['ann@example.com', 'Engage', 'a, b; "c"\r\nline two\nline three'],
      ['bob@example.com', 'Admin', 'x'],
    ]);
  });

  it('a cell with a line break does not shift the spreadsheet row of later rows', () => {
    const s = sessionOf(csv(['Email,Current License,Notes,New License', 'ann@example.com,Engage,"1\n2\n3",Admin', 'bob@example.com,Engage,x,Engag']));
    expect(findingsOf(s, 'UNKNOWN_LICENSE').map((f) => f.row)).toEqual([3]);
  });
});

describe('blank rows', () => {
  it('are skipped, counted, and still take a spreadsheet row number', () => {
    const loaded = load(csv(['Email,Current License', '', 'ann@example.com,Engage', ',', '', 'bob@example.com,Admin', '']));
    expect(recordsOf(loaded.table)).toEqual([
      ['ann@example.com', 'Engage'],
      ['bob@example.com', 'Admin'],
    ]);
    expect(loaded.table.blankRows).toBe(4);
    const s = createSession(loaded, PLAN, { me: 'ann@example.com' });
    expect([s.rowNumber(0), s.rowNumber(1)]).toEqual([3, 6]);
  });
});

describe('ragged rows and unclosed quotes are MALFORMED_ROW with the spreadsheet row and the physical line', () => {
  it('a short and a long row after a multi-line cell and a blank row (an LF inside a cell of a CRLF file is a line too)', () => {
    const s = sessionOf(csv(['Email,Current License,Notes', 'ann@example.com,Engage,"two\nlines"', '', 'bob@example.com,Admin', 'cy@example.com,Admin,x,y'], '\r\n'));
    expect(findingsOf(s, 'MALFORMED_ROW').map((f) => [f.row, f.line, f.kind, f.fields, f.expected])).toEqual([
      [4, 5, 'tooFew', 2, 3],
      [5, 6, 'tooMany', 4, 3],
    ]);
  });

  it('an unclosed quote swallows the rest of the file: reported where the quote opened', () => {
    const s = sessionOf(csv(['Email,Current License,Notes', 'ann@example.com,Engage,ok', 'bob@example.com,Admin,"open', 'cy@example.com,Admin,x', 'dee@example.com,Admin,y']));
    expect(findingsOf(s, 'MALFORMED_ROW').map((f) => [f.row, f.line, f.kind])).toEqual([[3, 3, 'unclosedQuote']]);
    expect(recordsOf(s.source.table)[1][2]).toBe('open\ncy@example.com,Admin,x\ndee@example.com,Admin,y\n');
  });
});

describe('tolerant header matching (trim, case, NBSP, BOM, zero-width)', () => {
  const columnsOf = (header: string): LoadedExport['columns'] => load(`${header}\nann@example.com,Engage,Admin,Meet\n`).columns;

  it.each([
    ['Email,Current License,New License,New Add-ons'],
    ['email, current license , New License ,new add-ons'],
    ['EMAIL,CURRENT LICENSE,NEW LICENSE,NEW ADD-ONS'],
    ['\uFEFFEmail,Current\u00A0License,New\u00A0\u00A0License,New Add\u2011ons'.replace('\u2011', '-')],
    ['\u200BEmail\u200B,Current License\u200D,\uFEFFNew License,New Add-ons\u2060'],
  ])('matches %j', (header) => {
    const c = columnsOf(header);
    expect([c.email, c.currentLicense, c.newLicense, c.newAddOns, c.newLicensePresent, c.newAddOnsPresent]).toEqual([0, 1, 2, 3, true, true]);
  });

  it('keeps the header bytes as written (a file with " New License " is still matched and shown trimmed)', () => {
    const loaded = load('Email,Current License, New License ,New Add-ons\nann@example.com,Engage,Admin,\n');
    expect(loaded.table.header[2]).toBe(' New License ');
    expect(loaded.columns.names[2]).toBe('New License');
  });

  it('appends New License and New Add-ons when missing', () => {
    const c = load('Email,Current License\nann@example.com,Engage\n').columns;
    expect([c.newLicense, c.newAddOns, c.newLicensePresent, c.newAddOnsPresent, c.width]).toEqual([2, 3, false, false, 2]);
    expect(c.names).toEqual(['Email', 'Current License', 'New License', 'New Add-ons']);
  });
});

describe('papaparse traps', () => {
  it('keeps a column named __proto__ (header: true would drop it)', () => {
    const loaded = load('Email,__proto__,Current License\nann@example.com,kept,Engage\n');
    expect(loaded.table.header).toEqual(['Email', '__proto__', 'Current License']);
    expect(recordsOf(loaded.table)[0]).toEqual(['ann@example.com', 'kept', 'Engage']);
    expect(loaded.columns.names).toContain('__proto__');
  });

  it('reports duplicate headers as DUPLICATE_COLUMN and never renames them (no Email_1)', () => {
    const loaded = load('Email,Current License,Email\nann@example.com,Engage,other@example.com\n');
    expect(loaded.table.header).toEqual(['Email', 'Current License', 'Email']);
    expect(headerFindings(loaded).map((f) => [f.code, f.column])).toEqual([['DUPLICATE_COLUMN', 0]]);
    expect(loaded.columns.email).toBe(0);
  });

  it('never types values: 000123, 1E5, TRUE and 0.10 stay the strings they were', () => {
    const loaded = load('Email,Current License,A,B,C,D\nann@example.com,Engage,000123,1E5,TRUE,0.10\n');
    expect(recordsOf(loaded.table)[0]).toEqual(['ann@example.com', 'Engage', '000123', '1E5', 'TRUE', '0.10']);
  });
});

describe('loading never throws', () => {
  it('answers a result for odd inputs', () => {
    for (const text of ['"', '""', ',', '\r', '\n\r\n', '"a""', 'a,"b\r', '\uFEFF']) {
      const result = loadExport(utf8(text));
      expect(result.ok).toBe(true);
    }
  });
});

describe('blank lines above the header do not hide its delimiter', () => {
  it.each([
    ['semicolon', ';', '\n'],
    ['tab', '\t', '\r\n'],
    ['comma', ',', '\r\n'],
  ])('a %s header below blank lines (empty, spaces, or only delimiters as Excel writes empty rows)', (_, d, eol) => {
    const cell = `a${[',', ';'].filter((c) => c !== d).join('')}b`;
    const text = ['', '   ', `${d}${d}${d}`, `Email${d}Current License${d}Notes`, `ann@example.com${d}Engage${d}${cell}`].join(eol) + eol;
    const file = load(text);
    expect(file.table.dialect.delimiter).toBe(d);
    expect(fileFindingsOf(file).map((f) => f.code)).toEqual([]);
    expect(file.table.headerRecord).toBe(3);
    expect(recordsOf(file.table)).toEqual([['ann@example.com', 'Engage', cell]]);
    expect(sessionOf(text).rowNumber(0)).toBe(5);
  });
});

describe("Excel's sep= first line", () => {
  it.each([
    ['sep=;', ';'],
    ['SEP=;', ';'],
    ['Sep=,', ','],
    ['"sep=;"', ';'],
    ['sep=\t', '\t'],
    ['\uFEFFsep=;', ';'],
  ])('%j pins the delimiter and is not the header', (line, d) => {
    // The header alone would be read with commas: the sep line decides.
    const comma = d === ',' ? '' : ', more';
    const text = `${line}\r\nEmail${d}Current License${d}Notes${comma}\r\nann@example.com${d}Engage${d}x${comma}\r\n`;
    const file = load(text);
    expect(file.table.dialect).toMatchObject({ delimiter: d, sepLine: true });
    expect(file.table.header).toEqual(['Email', 'Current License', `Notes${comma}`]);
    expect(recordsOf(file.table)).toEqual([['ann@example.com', 'Engage', `x${comma}`]]);
    expect(fileFindingsOf(file)).toEqual([]);
  });

  it('is hidden by Excel, so rows are numbered as the spreadsheet shows them (header = row 1); lines count it', () => {
    const s = sessionOf(csv(['sep=;', 'Email;Current License;New License', 'ann@example.com;Engage;Engage', 'bob@example.com;Admin;Engag', 'cy@example.com;Admin']));
    expect([s.rowNumber(0), s.rowNumber(1)]).toEqual([2, 3]);
    expect(findingsOf(s, 'UNKNOWN_LICENSE').map((f) => f.row)).toEqual([3]);
    // MALFORMED_ROW names the spreadsheet row and the physical line of the file (a text editor shows the sep line).
    expect(findingsOf(s, 'MALFORMED_ROW').map((f) => [f.row, f.line])).toEqual([[4, 5]]);
  });

  it('is written back byte for byte, with only our two cells changed', () => {
    const text = 'sep=;\r\nEmail;Current License;New License;New Add-ons\r\nann@example.com;Engage;engage;\r\nbob@example.com;Admin;Admin;meet\r\n';
    const s = sessionOf(text);
    expect(decodeUtf8(cleanFile(s).bytes)).toBe('sep=;\r\nEmail;Current License;New License;New Add-ons\r\nann@example.com;Engage;Engage;\r\nbob@example.com;Admin;Admin;Meet\r\n');
    const untouched = sessionOf('SEP=,\nEmail,Current License,New License,New Add-ons\nann@example.com,Engage,Engage,\n');
    expect(cleanFile(untouched).identical).toBe(true);
  });

  it('appending New License / New Add-ons leaves the sep line alone', () => {
    const s = sessionOf('"sep=,"\nEmail,Current License\nann@example.com,Engage\n');
    expect(decodeUtf8(cleanFile(s).bytes)).toBe('"sep=,"\nEmail,Current License,New License,New Add-ons\nann@example.com,Engage,,\n');
  });

  it('a sep line naming another delimiter is refused with the reason', () => {
    const result = loadExport(utf8('sep=|\nEmail|Current License\n'));
    expect(!result.ok && [result.error.code, result.error.line]).toEqual(['delimiter', 1]);
    expect(!result.ok && result.error.reason).toContain('sep=|');
  });

  it('"sep=;" further down, or as a header cell, is data', () => {
    const file = load('Email,Current License\nsep=;,Engage\n');
    expect([file.table.dialect.sepLine, recordsOf(file.table)[0]]).toEqual([false, ['sep=;', 'Engage']]);
  });
});

describe('mixed line endings: every record ending is one, line breaks inside cells stay as they are', () => {
  const rows = ['Email,Current License,New License,Notes', 'ann@example.com,Engage,Engage,"two\nlines"', 'bob@example.com,Admin,,"crlf\r\ninside"', 'cy@example.com,Admin,Admin,"x"', 'dee@example.com,Engage,,plain'];
  const expected = [
    ['ann@example.com', 'Engage', 'Engage', 'two\nlines'],
    ['bob@example.com', 'Admin', '', 'crlf\r\ninside'],
    ['cy@example.com', 'Admin', 'Admin', 'x'],
    ['dee@example.com', 'Engage', '', 'plain'],
  ];

  it.each([
    ['CRLF file with one LF line', ['\r\n', '\r\n', '\n', '\r\n', '\r\n']],
    ['LF file with one CRLF line (after a quoted cell)', ['\n', '\n', '\r\n', '\n', '\n']],
    ['CRLF file whose last line ends with LF', ['\r\n', '\r\n', '\r\n', '\r\n', '\n']],
    ['CR file with an LF and a CRLF line', ['\r', '\n', '\r', '\r\n', '\r']],
  ])('%s: no MALFORMED_ROW, cells as written, rows numbered', (_, endings) => {
    const text = rows.map((r, i) => r + endings[i]).join('');
    const file = load(text);
    expect(file.table.dialect.mixedEol).toBe(true);
    expect(recordsOf(file.table)).toEqual(expected);
    expect(file.table.malformed).toEqual([]);
    const s = sessionOf(text);
    expect(findingsOf(s, 'MALFORMED_ROW')).toEqual([]);
    expect(s.rowNumber(3)).toBe(5);
  });

  it('the clean file keeps every byte outside our cells, each line ending as it was', () => {
    const text = 'Email,Current License,New License,New Add-ons\r\nann@example.com,Engage,engage,\nbob@example.com,Admin,"x\ny",\r\ncy@example.com,Admin,ADMIN,meet\r\n';
    expect(decodeUtf8(cleanFile(sessionOf(text)).bytes)).toBe('Email,Current License,New License,New Add-ons\r\nann@example.com,Engage,Engage,\nbob@example.com,Admin,"x\ny",\r\ncy@example.com,Admin,Admin,Meet\r\n');
  });

  it('a ragged row in a mixed file still names its line', () => {
    const s = sessionOf('Email,Current License\r\nann@example.com,Engage\nbob@example.com\r\n"cy@example.com",Admin,extra\n');
    expect(findingsOf(s, 'MALFORMED_ROW').map((f) => [f.row, f.line, f.kind])).toEqual([
      [3, 3, 'tooFew'],
      [4, 4, 'tooMany'],
    ]);
  });

  it('a lone CR inside an unquoted cell of an LF file is cell text, not a record ending', () => {
    const file = load('Email,Current License\nann@example.com,Engage\r\nbob@example.com,Adm\rin\n');
    expect(recordsOf(file.table)).toEqual([
      ['ann@example.com', 'Engage'],
      ['bob@example.com', 'Adm\rin'],
    ]);
  });
});

describe('pathological input is read in linear time and never throws', () => {
  it.each([
    ['one long line', 'Email,Current License\n' + 'x'.repeat(2_000_000)],
    ['many empty lines', '\n'.repeat(200_000) + 'Email,Current License\nann@example.com,Engage\n'],
    ['only quotes', '"'.repeat(1_000_001)],
    ['only delimiters', ','.repeat(1_000_000)],
    ['only line breaks', '\r\n'.repeat(100_000) + '\n'.repeat(100_000)],
    ['a quote opened at the start', '"' + 'a,b\n'.repeat(100_000)],
  ])('%s', (_, text) => {
    const result = loadExport(utf8(text));
    expect(result.ok).toBe(true);
  });
});

describe('rows by email ("which user are you")', () => {
  it('are found the same from the key hashes made while reading as from the cells', () => {
    const text = csv(['Email,New License', 'ann@example.com,Engage', ' ANN@Example.com ,Admin', 'bob@example.com,', 'ann@example.co,Admin']);
    const loaded = loadExport(utf8(text));
    if (!loaded.ok) throw new Error('refused');
    expect(loaded.value.keyHashes?.email).not.toBeNull();
    const withHashes = createSession(loaded.value, PLAN);
    const { keyHashes: _dropped, ...withoutHashes } = loaded.value;
    const fromCells = createSession(withoutHashes as LoadedExport, PLAN);
    for (const email of ['ann@example.com', 'Ann@EXAMPLE.com', 'bob@example.com', 'nobody@example.com', '']) {
      expect(withHashes.rowsWithEmail(email)).toEqual(fromCells.rowsWithEmail(email));
    }
    expect(withHashes.rowsWithEmail('ann@example.com')).toEqual([0, 1]);
    // Asked again: the same answer.
    expect(withHashes.rowsWithEmail(' ann@example.com')).toEqual([0, 1]);
  });
});
