import { describe, expect, it } from 'vitest';
import { CompactTable, detectDialect, loadExport, tokenize } from '../../shared/index';
import { RowBlocks } from './rowBlocks';
import { CELL_SEPARATOR, ChunkEncoder, MAX_DICTIONARY, RowPacker, type RowChunk } from './rowChunks';

const HEAD = tokenize('a\n', detectDialect('a\n'));

/** Rows `from` to `to` of `records` as one chunk, as the worker packs them row by row. */
function encode(encoder: ChunkEncoder, records: readonly string[][], from: number, to: number): RowChunk {
  for (let r = from; r < to; r++) encoder.add(records[r], records[r].length);
  return encoder.flush()!;
}

/** Encode `records` in chunks of `size` and read them back in place, as the worker and the page do. */
function roundTrip(records: string[][], width: number, size: number) {
  const encoder = new ChunkEncoder(width);
  const received = new RowBlocks(width, records.length + 5);
  const chunks = [];
  for (let from = 0; from < records.length; from += size) {
    const chunk = encode(encoder, records, from, Math.min(records.length, from + size));
    chunks.push(chunk);
    received.take(chunk);
  }
  const table = received.table(HEAD, records.length);
  const out = Array.from({ length: table.rowCount }, (_, r) => table.record(r));
  return { out, table, rowStart: received.rowStart, chunks, decoder: received, encoder };
}

describe('rows from the load worker', () => {
  it('come back exactly as parsed: repeated values as shared codes, the rest as text, malformed rows whole', () => {
    const records = [
      ['1', 'Ava', 'Optimize', ''],
      ['2', 'Liam', 'optimize ', 'Meet, Deal'],
      ['3', 'Ava', 'Optimize', ''],
      ['4', 'too', 'few'],
      ['5', 'Noah', `with ${CELL_SEPARATOR} separator`, 'x', 'and one too many'],
      ['6', '', '', ''],
    ];
    const { out, chunks, decoder, table } = roundTrip(records, 4, 2);
    expect(out).toEqual(records);
    // Cell by cell and column by column too, past the row's end included.
    records.forEach((record, r) => [0, 1, 2, 3, 4, 5].forEach((c) => expect(table.cell(r, c)).toBe(record[c] ?? '')));
    expect(table.column(1)).toEqual(records.map((r) => r[1] ?? ''));
    // Column codes say what each row holds, malformed rows included (what the Overview counts).
    for (const c of [0, 1, 2, 3]) {
      const codes = decoder.columnCodes[c];
      if (codes !== null) records.forEach((record, r) => expect(decoder.values[c][codes[r]]).toBe(record[c] ?? ''));
    }
    expect(decoder.columnCodes.filter((codes) => codes !== null).length).toBeGreaterThan(0);
    // Equal values are one string: the codes point to the same dictionary entry.
    expect(decoder.values[1].filter((v) => v === 'Ava')).toHaveLength(1);
    expect(chunks[0].codes[1]).not.toBeNull();
    expect(chunks[1].odd.map((o) => o.row)).toEqual([1]);
    expect(chunks[2].odd.map((o) => o.row)).toEqual([0]);
  });

  it('sends a column with too many distinct values as text from the next chunk on', () => {
    const n = MAX_DICTIONARY + 10;
    const records = Array.from({ length: n * 2 }, (_, r) => [`id-${r}`, r % 2 ? 'Engage' : 'Admin']);
    const { out, chunks, encoder } = roundTrip(records, 2, n);
    expect(out).toEqual(records);
    expect(chunks[0].codes[0]).not.toBeNull();
    expect(chunks[1].codes[0]).toBeNull();
    expect(chunks[1].codes[1]).not.toBeNull();
    expect(encoder.textColumns()).toEqual([0]);
    expect(chunks[1].text.split(CELL_SEPARATOR).slice(0, 2)).toEqual([`id-${n}`, `id-${n + 1}`]);
  });

  it('records where each row starts in its chunk text (what the search reads)', () => {
    const records = Array.from({ length: 20_000 }, (_, r) => [`user${r}@acme.example`, r === 13_001 ? `a ${CELL_SEPARATOR} b` : `row ${r} note`]);
    const { out, rowStart, chunks } = roundTrip(records, 2, 4000);
    expect(out).toEqual(records);
    // Every value is distinct: past the dictionary limit (after the third chunk) the columns are text.
    const chunk = chunks[3];
    expect(chunk.codes).toEqual([null, null]);
    const r = 13_002;
    const start = rowStart[r];
    expect(chunk.text.slice(start, start + records[r][0].length)).toBe(records[r][0]);
  });
});

describe('rows packed as the file is read (RowPacker)', () => {
  it('reach the page exactly as a whole read of the file gives them, with the reader numbering repeating cells', () => {
    // Large enough to be read along record spans (20,000 records or more), with repeating and distinct
    // columns, quoted cells with quotes and line breaks, blank lines and a malformed row.
    const lines = ['User ID,Name,Email,Team,Current License,New License,Notes'];
    for (let r = 0; r < 26_000; r++) {
      const team = ['"Sales, NA"', 'RevOps', '"Say ""hi"""', ''][r % 4];
      const name = `N${r % 5000}`; // past the interners' 4,096 values
      const notes = r % 97 === 0 ? '"two\r\nlines"' : r % 13 === 0 ? 'note' : '';
      lines.push(`${r},${name},u${r}@x.com,${team},${['Optimize', 'Engage Legacy', ''][r % 3]},${['Engage', 'Essentials'][r % 2]},${notes}`);
      if (r === 100) lines.push('');
      if (r === 20_500) lines.push('bad,row');
    }
    const bytes = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
    let received: RowBlocks | null = null;
    const packer = new RowPacker(
      (width, rows) => (received = new RowBlocks(width, rows)),
      (chunk) => received!.take(chunk),
    );
    const packed = loadExport(bytes, { visitor: packer, keepRuleCells: false });
    const whole = loadExport(bytes, { whole: true });
    if (!packed.ok || !whole.ok) throw new Error('refused');
    expect(packed.value.table).toBeInstanceOf(CompactTable);
    const textColumns = packer.finish();
    expect(textColumns).toEqual(expect.arrayContaining([0, 2]));
    const table = received!.table(packed.value.table, packed.value.table.rowCount);
    expect(table.rowCount).toBe(whole.value.table.rowCount);
    for (let r = 0; r < table.rowCount; r++) expect(table.record(r)).toEqual(whole.value.table.record(r));
    expect(received!.values[3]).toEqual(['Sales, NA', 'RevOps', 'Say "hi"', '']);
  });
});

describe('rows of an odd shape', () => {
  it('a header of 100,000 columns over two rows costs codes for two rows per column, not a chunk of them', () => {
    // Codes made for a whole chunk (20,000 rows) per column would take 4 GB here.
    const width = 100_000;
    const text = [Array.from({ length: width }, (_, i) => `c${i}`).join(','), 'a,b', 'c,d'].join('\n');
    let received: RowBlocks | null = null;
    const packer = new RowPacker(
      (w, rows) => (received = new RowBlocks(w, rows)),
      (chunk) => received!.take(chunk),
    );
    const loaded = loadExport(new TextEncoder().encode(text), { visitor: packer });
    if (!loaded.ok) throw new Error('refused');
    packer.finish();
    const table = received!.table(loaded.value.table, 2);
    expect([table.record(0), table.record(1)]).toEqual([['a', 'b'], ['c', 'd']]);
    expect(packer.encoder!.capacity).toBe(2);
  });

  it('blank lines under a wide header cost no codes: they are counted as records, but never come', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `c${i}`).join(',') + '\n'.repeat(25_000);
    let received: RowBlocks | null = null;
    const packer = new RowPacker(
      (w, rows) => (received = new RowBlocks(w, rows)),
      (chunk) => received!.take(chunk),
    );
    const loaded = loadExport(new TextEncoder().encode(text), { visitor: packer, keepRuleCells: false });
    if (!loaded.ok) throw new Error('refused');
    packer.finish();
    expect(loaded.value.table.rowCount).toBe(0);
    expect(packer.encoder!.capacity).toBeLessThanOrEqual(256);
    const table = received!.table(loaded.value.table, 0);
    expect(table.rowCount).toBe(0);
    expect(received!.columnCodes.every((codes) => codes === null || codes.length === 0)).toBe(true);
  });

  it('a chunk holds more rows than it was sized for when given them', () => {
    const encoder = new ChunkEncoder(2, 4);
    const records = Array.from({ length: 11 }, (_, r) => [`v${r % 3}`, `w${r}`]);
    const received = new RowBlocks(2, 11);
    received.take(encode(encoder, records, 0, 11));
    const table = received.table(HEAD, 11);
    expect(Array.from({ length: 11 }, (_, r) => table.record(r))).toEqual(records);
  });
});
