// docs/rules.md "Repairing a file against the original": LibreOffice's re-save (fixture 03) repaired
// against the original export (00) per cell, per cause and all at once; the upload-ready file is then
// the original's bytes with the edited file's New License / New Add-ons, and every repair undoes.
import { describe, expect, it } from 'vitest';
import { cleanFile } from './clean';
import { JOURNAL_LIMITS, journalOf, parseJournal, repairCount, resumeRepairs } from './journal';
import { cleanFromOriginal, differsFromOriginal, findingRepair, repairChanges, repairGroups } from './repair';
import { createSession, type MigrationSession } from './session';
import { csv, decodeUtf8, placedOf, sessionOf } from '../../test/support/builders';
import { fixtureBytes, fixturePlan, load } from '../../test/support/fixtures';

const ORIGINAL_BYTES = fixtureBytes('00-original-export.csv');
const original = load(ORIGINAL_BYTES);
const ORIGINAL_TEXT = decodeUtf8(ORIGINAL_BYTES);
const repairing = (name: string, me: string | null = 'mia@example.com'): MigrationSession => createSession(load(fixtureBytes(name)), fixturePlan(), { original, me });
const codes = (s: MigrationSession) => placedOf(s).map((f) => f.code);
const count = (s: MigrationSession, code: string) => codes(s).filter((c) => c === code).length;

describe('restoring from the original export (fixture 03 against 00)', () => {
  it('offers each cause of damage as a group, with its cells counted', () => {
    const s = repairing('03-lo-open-resave-csv-defaults.csv');
    expect(repairGroups(s).map((g) => [g.key, g.count, g.unit])).toEqual([
      ['cause:leadingZeros', 18, 'cell'],
      ['cause:numberReformatted', 4, 'cell'],
      ['cause:formulaEvaluated', 1, 'cell'],
      ['cause:plusDropped', 1, 'cell'],
      ['cause:scientific', 1, 'cell'],
    ]);
    expect(count(s, 'LOCKED_COLUMN_CHANGED')).toBe(25);
  });

  it('restores one cell: its finding goes, the cell shows the original value, undo brings both back', () => {
    const s = repairing('03-lo-open-resave-csv-defaults.csv');
    const phone = s.source.columns.names.indexOf('Phone');
    const finding = s.findingsForRow(1).find((f) => f.code === 'LOCKED_COLUMN_CHANGED' && f.column === phone)!;
    expect(s.cell(1, phone)).toBe('15551234567');
    const before = s.counts();
    const applied = s.applyChanges([findingRepair(s, finding)!]);
    expect(applied.rows).toEqual([1]);
    expect(s.cell(1, phone)).toBe('+15551234567');
    expect(s.findingsForRow(1).some((f) => f.code === 'LOCKED_COLUMN_CHANGED' && f.column === phone)).toBe(false);
    expect(s.counts().errors).toBe(before.errors - 1);
    expect(s.rowsWithCode('LOCKED_COLUMN_CHANGED')).toBe(11);
    s.applyChanges(applied.undo);
    expect(s.cell(1, phone)).toBe('15551234567');
    expect(s.counts()).toEqual(before);
  });

  it('restores every cell of one cause ("leading zeros removed") and leaves the others', () => {
    const s = repairing('03-lo-open-resave-csv-defaults.csv');
    s.applyChanges(repairChanges(s, 'cause:leadingZeros'));
    expect(repairGroups(s).map((g) => g.key)).toEqual(['cause:numberReformatted', 'cause:formulaEvaluated', 'cause:plusDropped', 'cause:scientific']);
    expect(count(s, 'LOCKED_COLUMN_CHANGED')).toBe(7);
    expect(s.cell(0, 0)).toBe('005000000000001');
    expect(differsFromOriginal(s)).toBe(true);
  });

  it('restores everything at once: the file is then the original export with the edited New License / New Add-ons, byte for byte', () => {
    const s = repairing('03-lo-open-resave-csv-defaults.csv');
    const applied = s.applyChanges(repairChanges(s, 'all'));
    expect(codes(s).filter((c) => c === 'LOCKED_COLUMN_CHANGED' || c === 'NEW_USER')).toEqual([]);
    expect(differsFromOriginal(s)).toBe(false);
    // The edited file's own New Add-ons ("Add-on A;Add-on B") is written canonically; nothing else moves.
    const expected = ORIGINAL_TEXT.replace('Add-on A;Add-on B', '"Add-on A, Add-on B"');
    expect(decodeUtf8(cleanFile(s).bytes)).toBe(expected);
    // An edit made afterwards is written into the original's bytes too.
    s.applyChanges([{ row: 0, license: 'sales cloud' }]);
    expect(decodeUtf8(cleanFile(s).bytes)).toBe(expected.replace('Sales Cloud,,,\n', 'Sales Cloud,Sales Cloud,,\n'));
    // Undo the repair: the damage is back, and the file is written from its own bytes again.
    s.applyChanges([{ row: 0, license: '' }]);
    s.applyChanges(applied.undo);
    expect(count(s, 'LOCKED_COLUMN_CHANGED')).toBe(25);
    expect(differsFromOriginal(s)).toBe(true);
  });

  it('writes a UTF-16 re-save (fixture 05) with the original quoting and encoding once repaired', () => {
    const s = repairing('05-lo-utf16le-bom-comma.csv');
    s.applyChanges(repairChanges(s, 'all'));
    const bytes = cleanFile(s).bytes;
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeUtf8(bytes)).toBe(ORIGINAL_TEXT.replace('Add-on A;Add-on B', '"Add-on A, Add-on B"'));
  });

  it('writes the semicolon re-save with rewritten dates (fixture 04) as the original export once repaired', () => {
    const s = repairing('04-lo-semicolon-separator.csv');
    expect(repairGroups(s).map((g) => g.key)).toContain('cause:dateRewritten');
    s.applyChanges(repairChanges(s, 'all'));
    expect(differsFromOriginal(s)).toBe(false);
    expect(decodeUtf8(cleanFile(s).bytes)).toBe(ORIGINAL_TEXT.replace('Add-on A;Add-on B', '"Add-on A, Add-on B"'));
  });

  it('leaves nothing to repair without an original export', () => {
    const s = createSession(load(fixtureBytes('03-lo-open-resave-csv-defaults.csv')), fixturePlan(), { me: null });
    expect(repairGroups(s)).toEqual([]);
    expect(repairChanges(s, 'all')).toEqual([]);
    expect(differsFromOriginal(s)).toBe(false);
  });
});

describe('rows the original lacks and users the file lacks', () => {
  const HEADER = 'User ID,Email,Team,Current License,New License,New Add-ons';
  const ORIGINAL = csv([HEADER, '001,ann@example.com,"Sales, EMEA",Optimize,,', '002,bob@example.com,Ops,Optimize,,', '003,cy@example.com,Ops,Standard,,']);
  const EDITED = csv([HEADER, '001,ann@example.com,"Sales, EMEA",Optimize,Engage,Meet', '009,new@example.com,Ops,Optimize,Engage,', '001,ann@example.com,"Sales, EMEA",Optimize,Admin,', '002,bob@example.com,Ops,Optimize,Viewer,']);
  const repaired = () => sessionOf(EDITED, { original: load(ORIGINAL), me: 'ann@example.com' });

  it('leaves out a new user and a repeated row, and puts a removed user back with no new license', () => {
    const s = repaired();
    expect(repairGroups(s).map((g) => [g.key, g.count, g.verb])).toEqual([
      ['newUsers', 1, 'leave out'],
      ['repeats', 1, 'leave out'],
      ['removed', 1, 'put back'],
    ]);
    const engageBefore = s.seatUsage().find((u) => u.name === 'Engage')!.assigned;
    const applied = s.applyChanges(repairChanges(s, 'all'));
    expect(s.isExcluded(1) && s.isExcluded(2)).toBe(true);
    expect(s.seatUsage().find((u) => u.name === 'Engage')!.assigned).toBe(engageBefore - 1);
    expect(codes(s)).not.toContain('NEW_USER');
    expect(codes(s)).not.toContain('DUPLICATE_USER');
    expect(codes(s)).not.toContain('USER_REMOVED');
    expect(decodeUtf8(cleanFile(s).bytes)).toBe(csv([HEADER, '001,ann@example.com,"Sales, EMEA",Optimize,Engage,Meet', '002,bob@example.com,Ops,Optimize,Viewer,', '003,cy@example.com,Ops,Standard,,']));
    s.applyChanges(applied.undo);
    expect(s.seatUsage().find((u) => u.name === 'Engage')!.assigned).toBe(engageBefore);
    expect(codes(s)).toEqual(expect.arrayContaining(['NEW_USER', 'DUPLICATE_USER', 'USER_REMOVED']));
  });

  it('leaves a removed user out of the file written from the original unless put back', () => {
    const s = repaired();
    s.applyChanges(repairChanges(s, 'newUsers'));
    s.applyChanges(repairChanges(s, 'repeats'));
    expect(differsFromOriginal(s)).toBe(false);
    expect(decodeUtf8(cleanFromOriginal(s).bytes)).toBe(csv([HEADER, '001,ann@example.com,"Sales, EMEA",Optimize,Engage,Meet', '002,bob@example.com,Ops,Optimize,Viewer,']));
  });

  it('keeps a file without a final newline without one when its last user is left out', () => {
    const s = sessionOf(csv([HEADER, '001,ann@example.com,Ops,Optimize,,'], '\r\n'), { original: load(csv([HEADER, '001,ann@example.com,Ops,Optimize,,', '002,bob@example.com,Ops,Optimize,,'], '\r\n', false)), me: null });
    expect(decodeUtf8(cleanFile(s).bytes)).toBe(csv([HEADER, '001,ann@example.com,Ops,Optimize,,'], '\r\n', false));
  });

  it('ignores a repair of a row or a user that is not there', () => {
    const s = repaired();
    const before = s.counts();
    expect(s.applyChanges([{ row: 99, excluded: true }, { row: -1, putBack: [42] }]).undo).toEqual([]);
    expect(s.counts()).toEqual(before);
  });
});

describe('repairs in saved progress (docs/formats.md "Saved progress")', () => {
  const SOURCE = { name: '03.csv', size: 1, sha256: 'b'.repeat(64), encoding: 'utf-8', delimiter: ',', bom: false, eol: '\n' } as const;
  const ORIGINAL_FILE = { name: '00-original-export.csv', size: ORIGINAL_BYTES.byteLength, sha256: 'c'.repeat(64) };

  it('keeps every repair (cells restored, rows left out, users put back) and brings it back on the same two files', () => {
    const s = repairing('03-lo-open-resave-csv-defaults.csv');
    s.applyChanges(repairChanges(s, 'all'));
    s.applyChanges([{ row: 4, excluded: true }]);
    const journal = parseJournal(JSON.parse(JSON.stringify(journalOf(s, SOURCE, '2026-01-01T00:00:00.000Z', ORIGINAL_FILE))));
    if (!journal.ok) throw new Error(journal.error);
    expect(journal.value.original?.file).toEqual(ORIGINAL_FILE);
    expect(journal.value.original?.excluded).toEqual([4]);
    expect(repairCount(journal.value)).toBe(26);

    const again = repairing('03-lo-open-resave-csv-defaults.csv');
    const changes = resumeRepairs(again, journal.value, SOURCE.sha256, ORIGINAL_FILE.sha256)!;
    again.applyChanges(changes);
    expect(again.counts()).toEqual(s.counts());
    expect(again.repairState()).toEqual(s.repairState());
    expect(decodeUtf8(cleanFile(again).bytes)).toBe(decodeUtf8(cleanFile(s).bytes));
  });

  it('brings nothing back from other bytes of the file or of the original, and a journal without an original has no repairs', () => {
    const s = repairing('03-lo-open-resave-csv-defaults.csv');
    s.applyChanges(repairChanges(s, 'all'));
    const journal = journalOf(s, SOURCE, '2026-01-01T00:00:00.000Z', ORIGINAL_FILE);
    expect(resumeRepairs(s, journal, 'd'.repeat(64), ORIGINAL_FILE.sha256)).toBeNull();
    expect(resumeRepairs(s, journal, SOURCE.sha256, 'd'.repeat(64))).toBeNull();
    expect(resumeRepairs(s, journal, SOURCE.sha256, null)).toBeNull();
    const plain = journalOf(s, SOURCE, '2026-01-01T00:00:00.000Z');
    expect(plain.original).toBeUndefined();
    expect(resumeRepairs(s, plain, SOURCE.sha256, null)).toEqual([]);
  });

  it('bounds every repair field, and a saved column past the file is dropped, not restored', () => {
    const s = repairing('03-lo-open-resave-csv-defaults.csv');
    const journal = journalOf(s, SOURCE, '2026-01-01T00:00:00.000Z', ORIGINAL_FILE);
    const withOriginal = (patch: object) => parseJournal({ ...journal, original: { ...journal.original, ...patch } });
    expect(withOriginal({}).ok).toBe(true);
    expect(withOriginal({ restored: [[1, []]] }).ok).toBe(false);
    expect(withOriginal({ restored: [[1, [JOURNAL_LIMITS.columns + 1]]] }).ok).toBe(false);
    expect(withOriginal({ excluded: [-1] }).ok).toBe(false);
    expect(withOriginal({ putBack: [1.5] }).ok).toBe(false);
    expect(withOriginal({ extra: true }).ok).toBe(false);
    expect(withOriginal({ file: { ...ORIGINAL_FILE, name: 'x'.repeat(JOURNAL_LIMITS.nameChars + 1) } }).ok).toBe(false);
    const far = s.repairChangesOf({ restored: [[1, [0, 900]]], excluded: [99_999], putBack: [], layout: false });
    expect(far).toEqual([{ row: 1, restored: [0] }]);
  });
});
