// The upload-ready file of a session: canonical New License / New Add-ons spliced into the
// original bytes, UTF-8 (docs/formats.md "The upload-ready file").
import { concatBytes, spliceUtf8, utf8Bytes, UTF8_BOM, type RecordEdit } from '../csv/write';
import type { MigrationSession } from './session';

export interface CleanFile {
  readonly bytes: Uint8Array;
  /** Rows whose New License or New Add-ons cell was rewritten. */
  readonly changedRows: number;
  /** True when the bytes are the input's, untouched. */
  readonly identical: boolean;
}

export function cleanFile(session: MigrationSession): CleanFile {
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
    const record = table.records[r];
    const licenseKept = columns.newLicensePresent ? record[columns.newLicense] === license : license === '';
    const addOnsKept = columns.newAddOnsPresent ? record[columns.newAddOns] === addOns : addOns === '';
    if (licenseKept && addOnsKept) continue;
    edits.push({ record: table.recordIndex[r] + sep, license: licenseKept ? undefined : license, addOns: addOnsKept ? undefined : addOns });
  }
  const appended = !columns.newLicensePresent || !columns.newAddOnsPresent;
  if (edits.length === 0 && !appended && source.encoding === 'utf-8' && source.bytes !== null) {
    return { bytes: source.bytes, changedRows: 0, identical: true };
  }
  // UTF-8 input is spliced byte for byte; UTF-16 and legacy encodings are encoded to UTF-8 first.
  const utf8Input = source.encoding === 'utf-8' && source.bytes !== null;
  const body = utf8Input ? source.bytes!.subarray(source.bom ? 3 : 0) : utf8Bytes(source.text, false);
  const spliced = spliceUtf8(
    body,
    table.dialect,
    { license: columns.newLicense, addOns: columns.newAddOns, width: columns.width, headerNames: { license: columns.names[columns.newLicense], addOns: columns.names[columns.newAddOns] }, headerRecord: table.headerRecord + sep },
    edits,
  );
  const bom = source.bom || source.encoding !== 'utf-8';
  return { bytes: bom ? concatBytes([spliced], UTF8_BOM) : spliced === body ? body.slice() : spliced, changedRows: edits.length, identical: false };
}
