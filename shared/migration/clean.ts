// The upload-ready file of a session: canonical New License / New Add-ons spliced into the
// original bytes, UTF-8 (docs/formats.md "The upload-ready file").
import type { RecordEdit } from '../csv/write';
import { cleanFromOriginal, differsFromOriginal } from './repair';
import type { MigrationSession } from './session';
import { canonicalCells, ourCellsEdit, spliceExport, type CleanFile } from './writeExport';

export type { CleanFile } from './writeExport';

/**
 * The upload-ready file. Checked against an original export that the file now matches in every locked
 * cell (as found, or repaired), it is written from the original's bytes (repair.ts): the original's
 * quoting, delimiter and row order, with this file's New License / New Add-ons.
 */
export function cleanFile(session: MigrationSession): CleanFile {
  if (session.original !== null && !differsFromOriginal(session)) return cleanFromOriginal(session);
  const { source } = session;
  const { table } = source;
  const edits: RecordEdit[] = [];
  // The records of the bytes count Excel's sep= line, which the table's record indexes leave out.
  const sep = table.dialect.sepLine ? 1 : 0;
  for (let r = 0; r < session.rowCount; r++) {
    if (session.isMalformed(r)) continue;
    const { license, addOns } = canonicalCells(session, r);
    const edit = ourCellsEdit(source, r, table.recordIndex[r] + sep, license, addOns);
    if (edit !== null) edits.push(edit);
  }
  return spliceExport(source, edits);
}
