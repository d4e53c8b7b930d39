// Decode, tokenize and encode an export off the UI thread (docs/architecture.md "Loading a file"); the rows go to the
// UI thread in chunks as they are encoded, the sort ranks of its text-only columns follow in the background.
import { findUsers, loadExport, tableHeadOf, unreadableRows, WholeTable, type ColumnMap, type KeyHashes } from '../../shared/index';
import { rankColumn, rankingOrder } from './fileIndexes';
import type { LoadHead, LoadRequest, LoadResponse } from './protocol';
import { ChunkEncoder, CHUNK_ROWS } from './rowChunks';

const post = (message: LoadResponse, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(message, transfer);

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Let a message out before the next long step. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Parsed = { ok: true; head: LoadHead; records: string[][]; columns: ColumnMap; keyHashes?: KeyHashes } | { ok: false; response: LoadResponse };

/** Parse, keeping only what the rest needs (the decoded text is dropped here, not held while we rank). */
function parse(id: number, bytes: Uint8Array, chosen: string | undefined): Parsed {
  // Every cell goes to the page: held whole here, for this one pass. The users are checked once the rows are sent.
  const result = loadExport(bytes, { whole: true, encoding: chosen, findUsers: false });
  if (!result.ok) return { ok: false, response: { id, type: 'refused', refusal: result.error, bytes } };
  const { table, columns, duplicateColumns, encoding, bom, guessed, keyHashes } = result.value;
  const records = Array.from({ length: table.rowCount }, (_, r) => table.cells(r) as string[]);
  return { ok: true, head: { table: tableHeadOf(table), columns, duplicateColumns, encoding, bom, guessed, rows: records.length }, records, columns, keyHashes };
}

async function load(id: number, bytes: Uint8Array, rank: boolean, encoding: string | undefined): Promise<void> {
  // WebCrypto copies the bytes and hashes them on the browser's own threads while we parse.
  const hash = sha256(bytes);
  post({ id, type: 'progress', stage: 'reading' });
  const parsed = parse(id, bytes, encoding);
  if (!parsed.ok) {
    await hash.catch(() => '');
    post(parsed.response, [bytes.buffer as ArrayBuffer]);
    return;
  }
  const parsedAt = performance.timeOrigin + performance.now();
  const { records, columns, head, keyHashes } = parsed;
  post({ id, type: 'head', head, bytes }, [bytes.buffer as ArrayBuffer]);
  const encoder = new ChunkEncoder(head.table.header.length);
  for (let from = 0; from < records.length; from += CHUNK_ROWS) {
    const to = Math.min(records.length, from + CHUNK_ROWS);
    const chunk = encoder.encode(records, from, to);
    const transfer: Transferable[] = [chunk.cellEnds.buffer as ArrayBuffer];
    for (const codes of chunk.codes) if (codes !== null) transfer.push(codes.buffer as ArrayBuffer);
    post({ id, type: 'rows', chunk }, transfer);
    post({ id, type: 'progress', stage: 'transferring', rows: to });
  }
  const packedAt = performance.timeOrigin + performance.now();
  const textColumns = encoder.textColumns();
  // While the page unpacks the rows: who is the same user as an earlier row (the key hashes were made
  // while parsing), so the page's session does not read every key again.
  const table = new WholeTable(head.table, records);
  const userCheck = findUsers(table, columns, unreadableRows(table), keyHashes);
  const buffers = [keyHashes?.id?.buffer, keyHashes?.email?.buffer, userCheck.rows.buffer, userCheck.firsts.buffer, userCheck.keys.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
  post({ id, type: 'done', tail: { sha256: await hash, textColumns, parsedAt, packedAt, users: { keyHashes, userCheck } } }, [...new Set(buffers)]);
  // In the background: what sorting by a text-only locked column needs, most asked-for columns first,
  // once the UI thread has opened the file (ranking meanwhile would take the CPU its check needs).
  if (rank) {
    await rankingAllowed;
    for (const column of rankingOrder(columns, textColumns)) {
      await breathe();
      const ranks = rankColumn(new WholeTable(head.table, records), column);
      post({ id, type: 'ranks', column, rank: ranks.rank, distinct: ranks.distinct }, [ranks.rank.buffer as ArrayBuffer]);
    }
  }
  post({ id, type: 'settled' });
}

let allowRanking: () => void = () => {};
const rankingAllowed = new Promise<void>((resolve) => (allowRanking = resolve));

self.onmessage = (event: MessageEvent<LoadRequest>) => {
  const request = event.data;
  if (request.type === 'rank') {
    allowRanking();
    return;
  }
  const { id, bytes, rank, encoding } = request;
  load(id, bytes, rank, encoding).catch((e: unknown) => post({ id, type: 'failed', message: (e as Error).message }));
};
