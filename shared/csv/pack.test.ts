import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packTable, unpackTable } from './pack';
import type { CsvTable } from './tokenize';

const table = (records: string[][]): CsvTable => ({
  header: ['a', 'b'],
  headerRecord: 0,
  headerProblem: null,
  records,
  recordIndex: Int32Array.from(records.map((_, i) => i + 1)),
  blankRows: 0,
  malformed: [],
  dialect: { delimiter: ',', eol: '\n', finalNewline: true, mixedEol: false, sepLine: false },
});

describe('packing a table for the trip from the worker', () => {
  it('gives back the same records, cells and metadata', () => {
    const t = table([['1', 'Zoë, "Z"'], ['', 'line\nbreak'], ['only one']]);
    const back = unpackTable(structuredClone(packTable(t)));
    expect(back.records).toEqual(t.records);
    expect(back.header).toEqual(t.header);
    expect([...back.recordIndex]).toEqual([1, 2, 3]);
  });
  it('round-trips any records', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 6 }), { maxLength: 30 }), (records) => {
      expect(unpackTable(packTable(table(records))).records).toEqual(records);
    }));
  });
});
