// Decode, read and pack an export off the UI thread (docs/architecture.md "Loading a file"); the rows go to the
// UI thread in chunks as they are read, the sort ranks of its text-only columns follow in the background.
import { findUsers, loadExport, tableHeadOf, unreadableRows } from '../../shared/index';
import { rankColumn, rankingOrder } from './fileIndexes';
import type { LoadHead, LoadRequest, LoadResponse } from './protocol';
import { RowPacker } from './rowChunks';

const post = (message: LoadResponse, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(message, transfer);

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Let a message out before the next long step. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function load(id: number, bytes: Uint8Array, rank: boolean, encoding: string | undefined): Promise<void> {
  // WebCrypto copies the bytes and hashes them on the browser's own threads while we parse.
  const hash = sha256(bytes);
  post({ id, type: 'progress', stage: 'reading' });
  // The rows go to the page in chunks as they are read: it takes the first in while the rest is read.
  const packer = new RowPacker(
    (width, rows) => post({ id, type: 'start', width, rows }),
    (chunk) => {
      const transfer: Transferable[] = [chunk.cellEnds.buffer as ArrayBuffer];
      for (const codes of chunk.codes) if (codes !== null) transfer.push(codes.buffer as ArrayBuffer);
      post({ id, type: 'rows', chunk }, transfer);
      post({ id, type: 'progress', stage: 'transferring', rows: chunk.first + chunk.rows });
    },
  );
  // The users are checked once the rows are sent (below).
  // The page gets every cell from the packer: the worker's table keeps none (it reads a few again for the user check and ranks).
  const result = loadExport(bytes, { encoding, findUsers: false, visitor: packer, keepRuleCells: false });
  if (!result.ok) {
    await hash.catch(() => '');
    post({ id, type: 'refused', refusal: result.error, bytes }, [bytes.buffer as ArrayBuffer]);
    return;
  }
  const textColumns = packer.finish();
  const packedAt = performance.timeOrigin + performance.now();
  const { table, columns, duplicateColumns, encoding: read, bom, guessed, keyHashes } = result.value;
  const head: LoadHead = { table: tableHeadOf(table), columns, duplicateColumns, encoding: read, bom, guessed, rows: table.rowCount };
  post({ id, type: 'head', head, bytes }, [bytes.buffer as ArrayBuffer]);
  // Once the rows are sent: who is the same user as an earlier row (the key hashes were
  // made while reading), so the page's session does not read every key again.
  const userCheck = findUsers(table, columns, unreadableRows(table), keyHashes);
  const buffers = [keyHashes?.id?.buffer, keyHashes?.email?.buffer, userCheck.rows.buffer, userCheck.firsts.buffer, userCheck.keys.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
  const checkedAt = performance.timeOrigin + performance.now();
  post({ id, type: 'done', tail: { sha256: await hash, textColumns, packedAt, checkedAt, users: { keyHashes, userCheck } } }, [...new Set(buffers)]);
  // In the background: what sorting by a text-only locked column needs, most asked-for columns first,
  // once the UI thread has opened the file (ranking meanwhile would take the CPU its check needs).
  if (rank) {
    await rankingAllowed;
    for (const column of rankingOrder(columns, textColumns)) {
      await breathe();
      const ranks = rankColumn(table, column);
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
