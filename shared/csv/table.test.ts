// A large file is held compactly (text, record spans, the rule columns) and must read exactly as the
// same file held whole: every record, row number, blank and damaged row (docs/reliability.md "Memory").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../test/support/builders';
import { CompactTable, WholeTable } from './table';
import { detectDialect } from './dialect';
import { tokenize, type CsvTable } from './tokenize';

const both = (text: string, keep = { unique: [0], repeating: [2] }): [CsvTable, CsvTable] => {
  const dialect = detectDialect(text);
  return [tokenize(text, dialect), tokenize(text, dialect, { keep: () => keep, compactFrom: 1 })];
};

function expectSame(whole: CsvTable, compact: CsvTable): void {
  expect(compact.header).toEqual(whole.header);
  expect(compact.headerRecord).toBe(whole.headerRecord);
  expect(compact.rowCount).toBe(whole.rowCount);
  expect(recordsOf(compact)).toEqual(recordsOf(whole));
  expect([...compact.recordIndex]).toEqual([...whole.recordIndex]);
  expect(compact.blankRows).toBe(whole.blankRows);
  expect(compact.malformed).toEqual(whole.malformed);
  for (let r = 0; r < whole.rowCount; r++) for (let c = 0; c < whole.header.length + 1; c++) expect(compact.cell(r, c)).toBe(whole.cell(r, c));
}

describe('the compact table', () => {
  it('reads quoted cells with delimiters, quotes and line breaks, blank lines, ragged rows and a sep= line like the whole table', () => {
    const text = 'sep=;\r\n\r\nEmail;Name;New License\r\na@x.com;"Ann; ""A""\r\nsecond";Engage\r\n\r\n;;\r\nb@x.com;Bob\r\nc@x.com;Cy;Admin;extra\r\n';
    const [whole, compact] = both(text);
    expect(compact).toBeInstanceOf(CompactTable);
    expect(whole).toBeInstanceOf(WholeTable);
    expectSame(whole, compact);
    expect(compact.malformed.map((m) => [m.kind, m.line])).toEqual([
      ['tooFew', 8],
      ['tooMany', 9],
    ]);
  });

  it('reads a file mixing CRLF and LF record endings', () => {
    const [whole, compact] = both('Email,Name,New License\r\na@x.com,"x\r\ny",Engage\nb@x.com,Bob,Admin\r\n');
    expect(compact).toBeInstanceOf(CompactTable);
    expectSame(whole, compact);
  });

  it('falls back to the whole table where papaparse recovers from a broken quote in its own way', () => {
    const [, compact] = both('Email,Name\na@x.com,"Ann"x,\nb@x.com,"unclosed\n');
    expect(compact).toBeInstanceOf(WholeTable);
  });

  it('reads any text like the whole table (or falls back to it)', () => {
    const unit = fc.constantFrom('a', ',', ';', '"', '\n', '\r\n', '\r', ' ', 'é', '太', '\t');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 80 }), fc.constantFrom('Email,Name,New License\n', 'sep=,\nEmail,Name\r\n', ''), (units, head) => {
        const [whole, compact] = both(head + units.join(''));
        expectSame(whole, compact);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });

  it('reads a file whose delimiters are rare in one pass, not a search to the end of the file per cell', () => {
    // One column: no delimiter after the header. Searched from every cell, the text would be read
    // once per row (quadratic); each search here must start where no earlier one looked.
    const rows = Array.from({ length: 3000 }, (_, r) => `u${r}@x.example`);
    const text = ['Email', ...rows].join('\n');
    const searches: number[] = [];
    const indexOf = String.prototype.indexOf;
    String.prototype.indexOf = function (this: string, search: string, from?: number) {
      if (this === text && search === ',') searches.push(from ?? 0);
      return indexOf.call(this, search, from);
    };
    try {
      const [whole, compact] = both(text, { unique: [0], repeating: [] });
      expectSame(whole, compact);
      compact.column(0);
    } finally {
      String.prototype.indexOf = indexOf;
    }
    // One search reads to the end; later ones start only where a new reading begins (column(), cells()).
    expect(searches.length).toBeLessThanOrEqual(4);
  });

  it('reads every kept cell, interned or not, as papaparse does (RecordReader against papaparse)', () => {
    // Cells made to trouble a reader: quotes doubled at either end, delimiters and line breaks inside
    // quotes, quotes inside unquoted cells, empty quoted cells, values that repeat.
    const cell = fc.oneof(
      fc.constantFrom('', '""', '""""', '"a""b"', '"a,b"', '"x\r\ny"', '"x\ny"', 'O"Brien', 'Engage', '"Engage"', ' Engage ', 'a"', '"""a"""', '"Meet, Deal"', 'é', '太郎'),
      fc.string({ unit: fc.constantFrom('a', 'b', '"', ' ', 'é'), maxLength: 4 }),
    );
    const record = fc.array(cell, { minLength: 0, maxLength: 6 });
    const columns = fc.subarray([0, 1, 2, 3, 4, 5, 6]);
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), fc.constantFrom('\r\n', '\n'), fc.boolean(), columns, columns, (records, eol, finalEol, unique, repeating) => {
        const text = ['A,B,C,D,E', ...records.map((r) => r.join(','))].join(eol) + (finalEol ? eol : '');
        const [whole, compact] = both(text, { unique, repeating });
        expectSame(whole, compact);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });
});
