// Repair a file edited elsewhere against the original export (docs/rules.md "Repairing a file against
// the original"): restore locked cells, leave out rows the original lacks, put removed users back — per
// cell, per cause and all at once — then write the original export's bytes with the file's New License
// and New Add-ons, matched by user.
import type { RecordEdit } from '../csv/write';
import type { ChangeCause, Finding } from '../validation/codes';
import type { CellChange, MigrationSession } from './session';
import { canonicalCells, ourCellsEdit, spliceExport, type CleanFile } from './writeExport';

/** What a repair does, for the buttons: "Restore 14 cells where leading zeros were removed". */
const CAUSE_LABELS: Record<ChangeCause, string> = {
  leadingZeros: 'leading zeros removed',
  plusDropped: 'a leading "+" dropped',
  scientific: 'long numbers in scientific notation',
  numberReformatted: 'numbers reformatted',
  dateRewritten: 'dates rewritten',
  becameDate: 'values turned into dates',
  formulaEvaluated: 'formulas replaced by their result',
  spacesTrimmed: 'spaces trimmed',
  keyChanged: 'user keys changed',
  columnRemoved: 'columns removed',
  columnAdded: 'columns added',
  columnMoved: 'columns moved',
  edited: 'values changed',
};

export const causeLabel = (cause: ChangeCause): string => CAUSE_LABELS[cause];

/** Findings a repair resolves: the codes of rows the original lacks or cannot be matched to. */
const LEFT_OUT = new Set<Finding['code']>(['NEW_USER', 'DUPLICATE_USER', 'MALFORMED_ROW']);

export interface RepairGroup {
  /** 'cause:<cause>' for locked cells, or 'layout', 'newUsers', 'repeats', 'unreadable', 'removed'. */
  readonly key: string;
  /** What is wrong, for people: "leading zeros removed", "users not in the original export". */
  readonly label: string;
  /** How many cells, rows or users the repair touches. */
  readonly count: number;
  readonly unit: 'cell' | 'row' | 'user' | 'column change';
  /** What the repair does: "restore", "leave out", "put back". */
  readonly verb: 'restore' | 'leave out' | 'put back';
}

const LEFT_OUT_GROUP: Record<string, { key: string; label: string }> = {
  NEW_USER: { key: 'newUsers', label: 'users not in the original export' },
  DUPLICATE_USER: { key: 'repeats', label: 'users listed twice' },
  MALFORMED_ROW: { key: 'unreadable', label: 'unreadable rows' },
};

/** The repair of one finding, or null when repairing does not apply (no original, not a repairable code). */
export function findingRepair(session: MigrationSession, f: Finding): CellChange | null {
  if (session.original === null) return null;
  const r = f.record;
  if (r !== null && r >= 0) {
    if (session.isExcluded(r)) return null;
    if (f.code === 'LOCKED_COLUMN_CHANGED' && f.column !== null) return { row: r, restored: [...session.restoredColumns(r), f.column] };
    if (LEFT_OUT.has(f.code)) return { row: r, excluded: true };
    return null;
  }
  if (f.code === 'LOCKED_COLUMN_CHANGED') return session.layoutRestored ? null : { row: -1, layout: true };
  if (f.code === 'USER_REMOVED') {
    const o = session.removedRecordOf(f);
    return o < 0 || session.putBackRecords().has(o) ? null : { row: -1, putBack: [...session.putBackRecords(), o] };
  }
  return null;
}

/** A key of a finding's repair group (see RepairGroup.key), or null. */
export function repairKeyOf(f: Finding): string | null {
  if (f.code === 'LOCKED_COLUMN_CHANGED') return f.record !== null && f.record >= 0 ? `cause:${f.cause}` : 'layout';
  if (f.code === 'USER_REMOVED') return 'removed';
  if (f.record !== null && f.record >= 0 && LEFT_OUT.has(f.code)) return LEFT_OUT_GROUP[f.code].key;
  return null;
}

/** Every finding a repair can resolve now, with its group key. O(rows with such findings). */
function* repairable(session: MigrationSession): Generator<[key: string, finding: Finding]> {
  if (session.original === null) return;
  for (const f of session.fileFindings()) {
    const key = repairKeyOf(f);
    if (key !== null) yield [key, f];
  }
  for (let r = 0; r < session.rowCount; r++) {
    if (session.isExcluded(r) || !(session.hasCode(r, 'LOCKED_COLUMN_CHANGED') || session.hasCode(r, 'NEW_USER') || session.hasCode(r, 'DUPLICATE_USER') || session.hasCode(r, 'MALFORMED_ROW'))) continue;
    for (const f of session.findingsForRow(r)) {
      const key = repairKeyOf(f);
      if (key !== null) yield [key, f];
    }
  }
}

/** The repairs on offer, most cells first within locked cells, then rows and users. Empty without an original. */
export function repairGroups(session: MigrationSession): RepairGroup[] {
  const counts = new Map<string, Set<string>>();
  for (const [key, f] of repairable(session)) {
    // Counted once per cell, row or user (a row is left out once, whatever its findings).
    const id = key.startsWith('cause:') ? `${f.record}:${f.column}` : key === 'removed' || key === 'layout' ? `${f.code}:${JSON.stringify(f)}` : `${f.record}`;
    let ids = counts.get(key);
    if (!ids) counts.set(key, (ids = new Set()));
    ids.add(id);
  }
  const groups: RepairGroup[] = [];
  for (const [key, ids] of counts) {
    const count = ids.size;
    if (key.startsWith('cause:')) groups.push({ key, label: CAUSE_LABELS[key.slice(6) as ChangeCause], count, unit: 'cell', verb: 'restore' });
    else if (key === 'layout') groups.push({ key, label: 'columns not as in the original export', count, unit: 'column change', verb: 'restore' });
    else if (key === 'removed') groups.push({ key, label: 'users missing from this file', count, unit: 'user', verb: 'put back' });
    else {
      const code = Object.keys(LEFT_OUT_GROUP).find((c) => LEFT_OUT_GROUP[c].key === key)!;
      groups.push({ key, label: LEFT_OUT_GROUP[code].label, count, unit: 'row', verb: 'leave out' });
    }
  }
  const rank = (g: RepairGroup): number => (g.unit === 'cell' ? 0 : g.unit === 'column change' ? 1 : g.unit === 'row' ? 2 : 3);
  return groups.sort((a, b) => rank(a) - rank(b) || b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * The changes that repair every finding of group `key` ('all': every repairable finding), merged per
 * row: one change per row, one for the file. Apply them as one undoable step.
 */
export function repairChanges(session: MigrationSession, key: string): CellChange[] {
  const rows = new Map<number, { restored: Set<number>; excluded: boolean }>();
  const putBack = new Set(session.putBackRecords());
  let layout = false;
  let putBackChanged = false;
  for (const [k, f] of repairable(session)) {
    if (key !== 'all' && k !== key) continue;
    const r = f.record;
    if (r !== null && r >= 0) {
      let row = rows.get(r);
      if (!row) rows.set(r, (row = { restored: new Set(session.restoredColumns(r)), excluded: false }));
      if (f.code === 'LOCKED_COLUMN_CHANGED' && f.column !== null) row.restored.add(f.column);
      else if (LEFT_OUT.has(f.code)) row.excluded = true;
    } else if (f.code === 'LOCKED_COLUMN_CHANGED') layout = true;
    else if (f.code === 'USER_REMOVED') {
      const o = session.removedRecordOf(f);
      if (o >= 0 && !putBack.has(o)) {
        putBack.add(o);
        putBackChanged = true;
      }
    }
  }
  const changes: CellChange[] = [];
  for (const [r, row] of [...rows].sort((a, b) => a[0] - b[0])) {
    changes.push(row.excluded ? { row: r, excluded: true } : { row: r, restored: [...row.restored] });
  }
  if (layout || putBackChanged) changes.push({ row: -1, ...(layout ? { layout: true } : {}), ...(putBackChanged ? { putBack: [...putBack] } : {}) });
  return changes;
}

/**
 * Whether the file still differs from its original export beyond New License / New Add-ons: a locked cell
 * or the columns changed, or a row the original lacks or cannot be matched to. False without an original.
 */
export function differsFromOriginal(session: MigrationSession): boolean {
  if (session.original === null) return false;
  if (session.source.table.headerProblem) return true;
  if ((['LOCKED_COLUMN_CHANGED', 'NEW_USER', 'DUPLICATE_USER', 'MALFORMED_ROW'] as const).some((code) => session.rowsWithCode(code) > 0)) return true;
  if (session.fileFindings().some((f) => f.code === 'LOCKED_COLUMN_CHANGED')) return true;
  // A row matched to no original user (no key at all) would be lost if written from the original.
  const { rowOf } = session.originalMatch!;
  for (let r = 0; r < session.rowCount; r++) if (rowOf[r] < 0 && session.isActive(r)) return true;
  return false;
}

/**
 * The upload-ready file written from the original export's bytes: each original user's row with the New
 * License / New Add-ons of their row in this file (canonical), users this file lacks left out unless put
 * back (then with no new license: they had no row here), every other byte as in the original.
 */
export function cleanFromOriginal(session: MigrationSession): CleanFile {
  const original = session.original;
  const match = session.originalMatch;
  if (original === null || match === null) throw new Error('cleanFromOriginal needs a session with an original export');
  const { table: ot } = original;
  const writer = new Int32Array(ot.rowCount).fill(-1);
  for (let r = 0; r < session.rowCount; r++) {
    const o = match.rowOf[r];
    if (o >= 0 && writer[o] < 0 && session.isActive(r)) writer[o] = r;
  }
  const putBack = session.putBackRecords();
  const sep = ot.dialect.sepLine ? 1 : 0;
  const edits: RecordEdit[] = [];
  for (let o = 0; o < ot.rowCount; o++) {
    const record = ot.recordIndex[o] + sep;
    const r = writer[o];
    if (r < 0 && !putBack.has(o)) {
      edits.push({ record, remove: true });
      continue;
    }
    const { license, addOns } = r < 0 ? { license: '', addOns: '' } : canonicalCells(session, r);
    const edit = ourCellsEdit(original, o, record, license, addOns);
    if (edit !== null) edits.push(edit);
  }
  return spliceExport(original, edits);
}
