// The upload-ready file of a session: canonical New License / New Add-ons spliced into the
// original bytes, UTF-8 (docs/formats.md "The upload-ready file").
import { concatBytes, spliceUtf8, utf8Bytes, UTF8_BOM, type RecordEdit } from '../csv/write';
import { cleanFromOriginal, differsFromOriginal } from './repair';
import type { MigrationSession } from './session';

export interface CleanFile {
  readonly bytes: Uint8Array;
  /** Rows whose New License or New Add-ons cell was rewritten. */
  readonly changedRows: number;
  /** True when the bytes are the input's, untouched. */
  readonly identical: boolean;
}

/**
 * The upload-ready file. Checked against an original export that the file now matches in every locked
 * cell (as found, or repaired), it is written from the original's bytes (repair.ts): the original's
 * quoting, delimiter and row order, with this file's New License / New Add-ons.
 */
export function cleanFile(session: MigrationSession): CleanFile {
  if (session.original !== null && !differsFromOriginal(session)) return cleanFromOriginal(session);
  const { source } = session;
  const { columns, table } = source;
  const index = session.planIndex;
  const edits: RecordEdit[] = [];
  // The records of the bytes count Excel's sep= line, which the table's record indexes leave out.
  const sep = table.dialect.sepLine ? 1 : 0;
  for (let r = 0; r < session.rowCount; r++) {
    if (session.isMalformed(r)) continue;
    const license = index.license(session.licenseOf(r)).canonical;
    const rawAddOns = session.addOnsOf(r);
    const addOns = rawAddOns === '' ? '' : index.addOns(rawAddOns).canonical;
    const licenseKept = columns.newLicensePresent ? table.cell(r, columns.newLicense) === license : license === '';
    const addOnsKept = columns.newAddOnsPresent ? table.cell(r, columns.newAddOns) === addOns : addOns === '';
    if (licenseKept && addOnsKept) continue;
    edits.push({ record: table.recordIndex[r] + sep, license: licenseKept ? undefined : license, addOns: addOnsKept ? undefined : addOns });
  }
  const appended = !columns.newLicensePresent || !columns.newAddOnsPresent;
  // The file's own bytes, without its BOM: valid UTF-8 decodes and encodes back to exactly the same bytes,
  // so they need not be kept in memory while the admin works; other encodings become UTF-8 here.
  const body = utf8Bytes(source.text, false);
  if (edits.length === 0 && !appended && source.encoding === 'utf-8') {
    return { bytes: source.bom ? concatBytes([body], UTF8_BOM) : body, changedRows: 0, identical: true };
  }
  const spliced = spliceUtf8(
    body,
    table.dialect,
    { license: columns.newLicense, addOns: columns.newAddOns, width: columns.width, headerNames: { license: columns.names[columns.newLicense], addOns: columns.names[columns.newAddOns] }, headerRecord: table.headerRecord + sep },
    edits,
  );
  const bom = source.bom || source.encoding !== 'utf-8';
  return { bytes: bom ? concatBytes([spliced], UTF8_BOM) : spliced, changedRows: edits.length, identical: false };
}
