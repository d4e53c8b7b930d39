// The upload-ready file of a session: canonical New License / New Add-ons spliced into the
// original text, UTF-8 (SPEC "The upload-ready file").
import { spliceRecords, utf8Bytes } from '../csv/write';
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
  const edits = new Map<number, { license?: string; addOns?: string }>();
  for (let r = 0; r < session.rowCount; r++) {
    if (session.isMalformed(r)) continue;
    const license = index.license(session.licenseOf(r)).canonical;
    const rawAddOns = session.addOnsOf(r);
    const addOns = rawAddOns === '' ? '' : index.addOns(rawAddOns).canonical;
    const record = table.records[r];
    const licenseKept = columns.newLicensePresent ? record[columns.newLicense] === license : license === '';
    const addOnsKept = columns.newAddOnsPresent ? record[columns.newAddOns] === addOns : addOns === '';
    if (licenseKept && addOnsKept) continue;
    edits.set(table.recordIndex[r], { license: licenseKept ? undefined : license, addOns: addOnsKept ? undefined : addOns });
  }
  const appended = !columns.newLicensePresent || !columns.newAddOnsPresent;
  if (edits.size === 0 && !appended && source.encoding === 'utf-8' && source.bytes !== null) {
    return { bytes: source.bytes, changedRows: 0, identical: true };
  }
  const text = spliceRecords(
    { text: source.text, delimiter: table.dialect.delimiter, eol: table.dialect.eol, finalNewline: table.dialect.finalNewline },
    { license: columns.newLicense, addOns: columns.newAddOns, width: columns.width, headerNames: { license: columns.names[columns.newLicense], addOns: columns.names[columns.newAddOns] } },
    edits,
  );
  const bom = source.bom || source.encoding !== 'utf-8';
  return { bytes: utf8Bytes(text, bom), changedRows: edits.size, identical: false };
}
