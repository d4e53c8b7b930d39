// Search users (Assign, "Search users…"): each column's distinct values are tested once (columns the
// load worker sent as dictionaries), the other cells with one case-insensitive regular expression over
// the text the worker packed them in (cells apart): no lower-cased copy of every row, about 10 ms per
// 100,000 users. New License / New Add-ons are read as edited.
import type { MigrationSession } from '../../shared/index';
import type { FileIndexes } from '../worker/loadClient';
import { CELL_SEPARATOR } from '../worker/rowChunks';

/** The search text as typed, without what cannot be searched for (separators) and outer spaces; '' for none. */
export const searchNeedle = (query: string): string => query.split(CELL_SEPARATOR).join('').trim();

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One byte per row: 1 where some cell holds `query` (any case). */
export function searchRows(session: MigrationSession, indexes: FileIndexes, query: string): Uint8Array {
  const n = session.rowCount;
  const mask = new Uint8Array(n);
  const needle = searchNeedle(query);
  if (needle === '') return mask.fill(1);
  const single = new RegExp(escapeRegExp(needle), 'i');
  const pattern = new RegExp(escapeRegExp(needle), 'gi');
  const { table } = session.source;
  const { newLicense, newAddOns } = session.source.columns;
  const locked = (c: number): boolean => c !== newLicense && c !== newAddOns;
  // Which dictionary values hold the needle, per column (computed once per search).
  const hits = indexes.values.map((values, c) => {
    if (!locked(c)) return null;
    let any = false;
    const hit = new Uint8Array(values.length);
    values.forEach((value, code) => {
      if (value !== '' && single.test(value)) {
        hit[code] = 1;
        any = true;
      }
    });
    return any ? hit : null;
  });
  const { rowStart } = indexes;
  for (const block of indexes.blocks) {
    const { first, rows, text, codes, odd } = block;
    // Coded columns: a lookup per row.
    codes.forEach((column, c) => {
      const hit = hits[c];
      if (column === null || hit === null) return;
      for (let i = 0; i < rows; i++) if (hit[column[i]] === 1 && !odd.has(i)) mask[first + i] = 1;
    });
    // Text cells: the expression over the block's text; a match counts in a locked column only.
    const textColumns = codes.flatMap((column, c) => (column === null ? [c] : []));
    if (textColumns.length > 0 && text !== '') {
      const last = first + rows;
      let r = first;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        const at = m.index;
        while (r + 1 < last && rowStart[r + 1] <= at) r++;
        let start = rowStart[r];
        let found = false;
        for (const c of textColumns) {
          const end = start + (odd.has(r - first) ? 0 : table.cell(r, c).length);
          if (at < end) {
            found = locked(c) && !odd.has(r - first) && at + m[0].length <= end;
            break;
          }
          start = end + 1;
        }
        if (found) {
          mask[r] = 1;
          pattern.lastIndex = r + 1 < last ? rowStart[r + 1] : text.length;
        } else pattern.lastIndex = at + 1;
      }
    }
    // Rows carried whole (malformed): their cells as they are.
    for (const i of odd) if (table.cells(first + i).some((cell, c) => locked(c) && single.test(cell))) mask[first + i] = 1;
  }
  // The two editable columns as edited: few distinct values, each tested once.
  const tested = new Map<string, boolean>();
  const holds = (value: string): boolean => {
    if (value === '') return false;
    let hit = tested.get(value);
    if (hit === undefined) {
      hit = single.test(value);
      if (tested.size < 10_000) tested.set(value, hit);
    }
    return hit;
  };
  for (let row = 0; row < n; row++) if (mask[row] === 0 && (holds(session.licenseOf(row)) || holds(session.addOnsOf(row)))) mask[row] = 1;
  return mask;
}

/**
 * Emails of the file holding `text` (any case), at most `limit`, for "which user are you". The email
 * already chosen and found (`me` on row `myRow`) is its own suggestion: no pass over a million rows when
 * the Overview opens.
 */
export function emailSuggestions(session: MigrationSession, text: string, me: string | null, myRow: number, limit: number): string[] {
  const column = session.source.columns.email;
  if (column < 0) return [];
  const { table } = session.source;
  if (me !== null && text === me && myRow >= 0) return [table.cell(myRow, column).trim()];
  const needle = new RegExp(escapeRegExp(text.trim()), 'i');
  const out: string[] = [];
  for (let r = 0; r < session.rowCount && out.length < limit; r++) {
    const email = table.cell(r, column);
    if (needle.test(email) && email.trim() !== '') out.push(email.trim());
  }
  return out;
}
