import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packedBuffers, packTable, unpackTable } from './pack';
import { WholeTable } from './table';
import { tokenize, type CsvTable } from './tokenize';
import { detectDialect } from './dialect';

const table = (records: string[][]): CsvTable =>
  new WholeTable(
    {
      header: ['a', 'b'],
      headerRecord: 0,
      headerProblem: null,
      recordIndex: Int32Array.from(records.map((_, i) => i + 1)),
      blankRows: 0,
      malformed: [],
      dialect: { delimiter: ',', eol: '\n', finalNewline: true, mixedEol: false, sepLine: false },
    },
    records,
  );
const recordsOf = (t: CsvTable): string[][] => Array.from({ length: t.rowCount }, (_, r) => t.record(r));

describe('packing a table for the trip from the worker', () => {
  it('gives back the same records, cells and metadata', () => {
    const t = table([['1', 'Zoë, "Z"'], ['', 'line\nbreak'], ['only one']]);
    const back = unpackTable(structuredClone(packTable(t)));
    expect(recordsOf(back)).toEqual(recordsOf(t));
    expect(back.header).toEqual(t.header);
    expect([...back.recordIndex]).toEqual([1, 2, 3]);
  });

  it('round-trips any records', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 6 }), { maxLength: 30 }), (records) => {
        expect(recordsOf(unpackTable(packTable(table(records))))).toEqual(records);
      }),
    );
  });

  it('carries a compact table as its text, spans and kept columns, transferring the typed arrays', () => {
    const text = 'Email,Name,New License\n' + Array.from({ length: 50 }, (_, i) => `u${i}@x.com,"N, ${i}",Engage`).join('\r\n') + '\n';
    const compact = tokenize(text, detectDialect(text), { keep: () => ({ unique: [0], repeating: [2] }), compactFrom: 1 });
    const before = recordsOf(compact);
    const packed = packTable(compact);
    expect(packed.kind).toBe('compact');
    // Transferred: the worker's copy is detached, the UI thread gets the buffers without a copy.
    const back = unpackTable(structuredClone(packed, { transfer: packedBuffers(packed) }));
    expect(recordsOf(back)).toEqual(before);
    expect(back.cell(7, 1)).toBe('N, 7');
  });
});
