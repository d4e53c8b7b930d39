// docs/formats.md "Saved progress": a journal of decisions, validated on load; resume re-binds by user
// key, never by row index; a changed source is said, and keys not found are listed.
import { describe, expect, it } from 'vitest';
import { journalOf, journalOfRows, mergeJournal, parseJournal, resumeChanges, userKey, type SourceInfo } from './journal';
import { csv, sessionOf } from '../../test/support/builders';

const HEADER = 'User ID,Email,Current License,New License,New Add-ons';
const ROWS = ['001,ann@example.com,Optimize,Admin,', '002,bob@example.com,Optimize,,', '003,cy@example.com,Optimize,,', ',dee@example.com,Optimize,,'];
const SOURCE: SourceInfo = { name: 'export.csv', size: 123, sha256: 'a'.repeat(64), encoding: 'utf-8', delimiter: ',', bom: false, eol: '\n' };

function editedJournal() {
  const s = sessionOf(csv([HEADER, ...ROWS]));
  s.applyChanges([
    { row: 1, license: 'Engage', addOns: 'Meet' },
    { row: 3, license: 'Viewer' },
  ]);
  return { session: s, journal: journalOf(s, SOURCE, '2025-01-01T00:00:00.000Z') };
}

describe('the journal', () => {
  it('keeps only the rows whose values differ from the file, keyed by User ID, else by folded Email', () => {
    const { session, journal } = editedJournal();
    expect(journal.assignments).toEqual({ 'id:002': { license: 'Engage', addOns: 'Meet' }, 'email:dee@example.com': { license: 'Viewer', addOns: '' } });
    expect(journal.progress).toEqual({ assigned: 3, users: 4 });
    expect([journal.me, journal.plan, journal.schemaVersion]).toEqual(['ann@example.com', session.plan, 1]);
    expect(userKey(session, 0)).toBe('id:001');
  });

  it('forgets a row edited back to the file\'s value, and counts assigned users without a scan', () => {
    const { session } = editedJournal();
    session.applyChanges([{ row: 1, license: '', addOns: '' }, { row: 0, license: '' }]);
    const journal = journalOf(session, SOURCE, '2025-01-01T00:00:00.000Z');
    expect(journal.assignments).toEqual({ 'id:001': { license: '', addOns: '' }, 'email:dee@example.com': { license: 'Viewer', addOns: '' } });
    expect(journal.progress).toEqual({ assigned: 1, users: 4 });
    expect([...session.editedRows()].sort()).toEqual([0, 3]);
  });

  it('survives JSON and is validated strictly on load', () => {
    const { journal } = editedJournal();
    expect(parseJournal(JSON.parse(JSON.stringify(journal)))).toEqual({ ok: true, value: journal });
    const bad = parseJournal({ ...journal, extra: 1 });
    expect(bad.ok).toBe(false);
    const badSha = parseJournal({ ...journal, source: { ...journal.source, sha256: 'xyz' } });
    expect(!badSha.ok && badSha.error).toMatch(/^source\.sha256: /);
  });

  it('resumes by user key after the rows were reordered, and says nothing changed when the sha is the same', () => {
    const { journal } = editedJournal();
    const reordered = sessionOf(csv([HEADER, ROWS[3], ROWS[2], ROWS[1], ROWS[0]]));
    const restored = parseJournal(JSON.parse(JSON.stringify(journal)));
    if (!restored.ok) throw new Error(restored.error);
    const outcome = resumeChanges(reordered, restored.value, SOURCE.sha256);
    expect(outcome).toEqual({
      changes: [
        { row: 2, license: 'Engage', addOns: 'Meet' },
        { row: 0, license: 'Viewer', addOns: '' },
      ],
      missingKeys: [],
      sourceChanged: false,
    });
    reordered.applyChanges(outcome.changes);
    expect([reordered.licenseOf(2), reordered.addOnsOf(2), reordered.licenseOf(0)]).toEqual(['Engage', 'Meet', 'Viewer']);
  });

  it('says the source changed when its sha256 differs, and lists the keys no row has', () => {
    const { journal } = editedJournal();
    const other = sessionOf(csv([HEADER, ROWS[0], ROWS[1].replace('002', '099'), ROWS[3].replace('dee@', 'DEE@')]));
    const outcome = resumeChanges(other, journal, 'b'.repeat(64));
    expect(outcome.sourceChanged).toBe(true);
    expect(outcome.missingKeys).toEqual(['id:002']);
    expect(outcome.changes).toEqual([{ row: 2, license: 'Viewer', addOns: '' }]);
  });

  it('keeps an empty plan (a real file before the admin filled it) but no half-empty one', () => {
    const { journal } = editedJournal();
    const empty = { ...journal, plan: { licenses: [], addOns: [] } };
    expect(parseJournal(JSON.parse(JSON.stringify(empty)))).toEqual({ ok: true, value: empty });
    expect(parseJournal({ ...journal, plan: { licenses: [], addOns: [{ name: 'Meet', seats: 1 }] } }).ok).toBe(false);
  });

  it('a journal of the rows changed since the last save, merged over that save, is the journal of the session', () => {
    const { session, journal: saved } = editedJournal();
    // After the save: row 1 back to the file's value, row 2 newly assigned.
    session.applyChanges([{ row: 1, license: '', addOns: '' }, { row: 2, license: 'Admin' }]);
    const later = journalOfRows(session, SOURCE, [1, 2, 2], '2025-01-01T00:00:01.000Z');
    expect(later.assignments).toEqual({ 'id:002': { license: '', addOns: '' }, 'id:003': { license: 'Admin', addOns: '' } });
    expect(later.progress).toEqual({ assigned: 3, users: 4 });
    const merged = mergeJournal(saved, later);
    const full = journalOf(session, SOURCE, '2025-01-01T00:00:01.000Z');
    // Resuming either gives the same rows.
    const fresh = () => sessionOf(csv([HEADER, ...ROWS]));
    const a = fresh();
    a.applyChanges(resumeChanges(a, merged, SOURCE.sha256).changes);
    const b = fresh();
    b.applyChanges(resumeChanges(b, full, SOURCE.sha256).changes);
    expect([0, 1, 2, 3].map((r) => [a.licenseOf(r), a.addOnsOf(r)])).toEqual([0, 1, 2, 3].map((r) => [b.licenseOf(r), b.addOnsOf(r)]));
    expect(mergeJournal(null, later)).toBe(later);
    // A save made after the changed rows were written already holds them.
    expect(mergeJournal({ ...saved, updatedAt: '2025-01-01T00:00:02.000Z' }, later).updatedAt).toBe('2025-01-01T00:00:02.000Z');
  });
});
