// Writing an export's bytes with New License / New Add-ons rewritten (docs/formats.md "The upload-ready
// file"): the one way the clean file is made, from the file itself (clean.ts) or from the original
// export it was checked against (repair.ts).
import { concatBytes, spliceUtf8, utf8Bytes, UTF8_BOM, type RecordEdit } from '../csv/write';
import type { LoadedExport } from './load';
import type { MigrationSession } from './session';

export interface CleanFile {
  readonly bytes: Uint8Array;
  /** Rows whose New License or New Add-ons cell was rewritten. */
  readonly changedRows: number;
  /** True when the bytes are the input's, untouched. */
  readonly identical: boolean;
}

/** Row `r`'s New License and New Add-ons as written: the plan's spelling of each name. */
export function canonicalCells(session: MigrationSession, r: number): { readonly license: string; readonly addOns: string } {
  const index = session.planIndex;
  const rawAddOns = session.addOnsOf(r);
  return { license: index.license(session.licenseOf(r)).canonical, addOns: rawAddOns === '' ? '' : index.addOns(rawAddOns).canonical };
}

/**
 * The edit that makes row `row` of `loaded` (record `record` of its bytes) say `license` and `addOns`,
 * or null when it already does (a column the file lacks counts as empty).
 */
export function ourCellsEdit(loaded: LoadedExport, row: number, record: number, license: string, addOns: string): RecordEdit | null {
  const { columns, table } = loaded;
  const licenseKept = columns.newLicensePresent ? table.cell(row, columns.newLicense) === license : license === '';
  const addOnsKept = columns.newAddOnsPresent ? table.cell(row, columns.newAddOns) === addOns : addOns === '';
  if (licenseKept && addOnsKept) return null;
  return { record, license: licenseKept ? undefined : license, addOns: addOnsKept ? undefined : addOns };
}

/**
 * `loaded`'s bytes with `edits` spliced in, as UTF-8 with a BOM when it had one or was read from another
 * encoding. Valid UTF-8 decodes and encodes back to exactly the same bytes, so the bytes are not kept in
 * memory while the admin works; a UTF-8 file with nothing to change comes back as it was.
 */
export function spliceExport(loaded: LoadedExport, edits: readonly RecordEdit[]): CleanFile {
  const { columns, table } = loaded;
  const appended = !columns.newLicensePresent || !columns.newAddOnsPresent;
  const body = utf8Bytes(loaded.text, false);
  if (edits.length === 0 && !appended && loaded.encoding === 'utf-8') {
    return { bytes: loaded.bom ? concatBytes([body], UTF8_BOM) : body, changedRows: 0, identical: true };
  }
  // The records of the bytes count Excel's sep= line, which the table's record indexes leave out.
  const sep = table.dialect.sepLine ? 1 : 0;
  const spliced = spliceUtf8(
    body,
    table.dialect,
    { license: columns.newLicense, addOns: columns.newAddOns, width: columns.width, headerNames: { license: columns.names[columns.newLicense], addOns: columns.names[columns.newAddOns] }, headerRecord: table.headerRecord + sep },
    edits,
  );
  const bom = loaded.bom || loaded.encoding !== 'utf-8';
  return { bytes: bom ? concatBytes([spliced], UTF8_BOM) : spliced, changedRows: edits.length, identical: false };
}
