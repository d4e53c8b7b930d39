// Decode, tokenize and index an export off the UI thread (STYLE.md "The data path"); the rows go to the
// UI thread in chunks as they are packed, the sort ranks of the locked columns follow in the background.
import { loadExport, type ColumnMap } from '../../shared/index';
import { countCurrentAddOns, indexCurrentLicenses, rankColumn, rankingOrder } from './fileIndexes';
import type { LoadHead, LoadRequest, LoadResponse } from './protocol';
import { CHUNK_ROWS, packRows } from './rowChunks';

const post = (message: LoadResponse, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(message, transfer);

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Let a message out before the next long step. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Parsed = { ok: true; head: LoadHead; records: string[][]; columns: ColumnMap } | { ok: false; response: LoadResponse };

/** Parse, keeping only what the rest needs (the decoded text is dropped here, not held while we rank). */
function parse(id: number, bytes: Uint8Array): Parsed {
  const result = loadExport(bytes);
  if (!result.ok) return { ok: false, response: { id, type: 'refused', refusal: result.error } };
  const { table, columns, fileFindings, encoding, bom, guessed } = result.value;
  const { records, ...tableHead } = table;
  return { ok: true, head: { table: tableHead, columns, fileFindings, encoding, bom, guessed, rows: records.length }, records, columns };
}

async function load(id: number, bytes: Uint8Array, rank: boolean): Promise<void> {
  // Hashing runs on the browser's own threads while we parse.
  const hash = sha256(bytes);
  post({ id, type: 'progress', stage: 'reading' });
  const parsed = parse(id, bytes);
  if (!parsed.ok) {
    await hash.catch(() => '');
    post(parsed.response);
    return;
  }
  const { records, columns } = parsed;
  post({ id, type: 'head', head: parsed.head });
  for (let from = 0; from < records.length; from += CHUNK_ROWS) {
    const to = Math.min(records.length, from + CHUNK_ROWS);
    const chunk = packRows(records, from, to);
    post({ id, type: 'rows', chunk }, [chunk.cellEnds.buffer as ArrayBuffer, chunk.widths.buffer as ArrayBuffer]);
    post({ id, type: 'progress', stage: 'transferring', rows: to });
  }
  const current = indexCurrentLicenses(records, columns.currentLicense);
  const tail = { sha256: await hash, currentLicenses: current.values, currentLicenseOf: current.of, currentAddOns: countCurrentAddOns(records, columns.currentAddOns) };
  post({ id, type: 'done', tail }, [current.of.buffer as ArrayBuffer]);
  // In the background: what sorting by a locked column needs, most asked-for columns first.
  if (rank) {
    for (const column of rankingOrder(columns)) {
      await breathe();
      const ranks = rankColumn(records, column);
      post({ id, type: 'ranks', column, rank: ranks.rank, distinct: ranks.distinct }, [ranks.rank.buffer as ArrayBuffer]);
    }
  }
  post({ id, type: 'settled' });
}

self.onmessage = (event: MessageEvent<LoadRequest>) => {
  const { id, bytes, rank } = event.data;
  load(id, bytes, rank).catch((e: unknown) => post({ id, type: 'failed', message: (e as Error).message }));
};
