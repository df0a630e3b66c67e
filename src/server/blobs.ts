// Pictures' bytes on the server, named by their SHA-256 as in every desktop's store: uploaded
// once (a second upload of the same picture finds it complete), in chunks, so an upload cut off
// goes on where it stopped. A picture is given to an account that uploaded it or may see an
// article whose history uses it.
import crypto from 'node:crypto';
import type pg from 'pg';
import type { Account } from '../shared/server/api';
import type { BlobState } from '../shared/server/sync';
import { ServerError } from './accounts';
import { inTransaction } from './db/transaction';
import { VISIBLE, visibilityParams } from './sync';

async function state(db: pg.Pool | pg.PoolClient, sha256: string, lock = false): Promise<BlobState | null> {
  const { rows } = await db.query<{ size: string; received: string; complete: boolean }>(
    `SELECT size, received, complete FROM blobs WHERE sha256 = $1${lock ? ' FOR UPDATE' : ''}`,
    [sha256],
  );
  return rows[0]
    ? { size: Number(rows[0].size), received: Number(rows[0].received), complete: rows[0].complete }
    : null;
}

/**
 * Starts an upload, or says how far one got (a picture already complete needs nothing more). An
 * unfinished upload announced with another size starts again with this one: whoever announced a
 * wrong size first (by mistake or to squat the name) cannot keep the real picture out, since only
 * bytes that hash to the name ever complete.
 */
export async function startBlob(db: pg.Pool, account: Account, sha256: string, size: number): Promise<BlobState> {
  return inTransaction(db, async (client) => {
    await client.query(
      'INSERT INTO blobs (sha256, size, uploaded_by) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING',
      [sha256, size, account.id],
    );
    const now = (await state(client, sha256, true))!;
    if (now.size === size) return now;
    if (now.complete)
      throw new ServerError(
        'conflict',
        `Picture ${sha256.slice(0, 12)}… is ${now.size} bytes here, not ${size}; its bytes cannot be both.`,
      );
    await client.query('DELETE FROM blob_chunks WHERE sha256 = $1', [sha256]);
    await client.query('UPDATE blobs SET size = $2, received = 0, uploaded_by = $3 WHERE sha256 = $1', [
      sha256,
      size,
      account.id,
    ]);
    return { size, received: 0, complete: false };
  });
}

/**
 * Adds the chunk that starts at `offset` (which must be where the upload stands). With the last
 * chunk the whole is checked against its name; a picture whose bytes do not match is dropped, to
 * be sent again.
 */
export async function addBlobChunk(db: pg.Pool, sha256: string, offset: number, bytes: Buffer): Promise<BlobState> {
  const outcome = await inTransaction(db, async (client): Promise<BlobState | 'mismatch'> => {
    const now = await state(client, sha256, true);
    if (!now) throw new ServerError('not-found', `No upload of picture ${sha256.slice(0, 12)}… was started.`);
    if (now.complete) return now;
    if (offset !== now.received)
      throw new ServerError(
        'conflict',
        `The upload of picture ${sha256.slice(0, 12)}… stands at byte ${now.received}, not ${offset}.`,
      );
    if (!bytes.length || now.received + bytes.length > now.size)
      throw new ServerError(
        'bad-request',
        `The chunk does not fit picture ${sha256.slice(0, 12)}… (${now.size} bytes).`,
      );
    await client.query('INSERT INTO blob_chunks (sha256, start_at, bytes) VALUES ($1, $2, $3)', [
      sha256,
      offset,
      bytes,
    ]);
    const received = now.received + bytes.length;
    let complete = false;
    if (received === now.size) {
      const hash = crypto.createHash('sha256');
      const { rows } = await client.query<{ bytes: Buffer }>(
        'SELECT bytes FROM blob_chunks WHERE sha256 = $1 ORDER BY start_at',
        [sha256],
      );
      for (const r of rows) hash.update(r.bytes);
      if (hash.digest('hex') !== sha256) {
        // Dropped for good (committed), so the picture can be sent again from the start.
        await client.query('DELETE FROM blob_chunks WHERE sha256 = $1', [sha256]);
        await client.query('UPDATE blobs SET received = 0 WHERE sha256 = $1', [sha256]);
        return 'mismatch';
      }
      complete = true;
    }
    await client.query('UPDATE blobs SET received = $2, complete = $3 WHERE sha256 = $1', [sha256, received, complete]);
    return { size: now.size, received, complete };
  });
  if (outcome === 'mismatch')
    throw new ServerError(
      'bad-request',
      `The bytes sent for picture ${sha256.slice(0, 12)}… do not match its SHA-256; nothing was kept, send it again.`,
    );
  return outcome;
}

/** The picture's bytes, for an account that may have them. */
export async function readBlob(db: pg.Pool, account: Account, sha256: string): Promise<Buffer> {
  const { rows } = await db.query<{ complete: boolean; mine: boolean; used: boolean }>(
    `SELECT b.complete, b.uploaded_by = $2 AS mine,
            EXISTS (SELECT 1 FROM records r JOIN articles a ON a.id = r.article_id
                     WHERE r.kind = 'revision' AND r.body->'doc'->'body' @> jsonb_build_array(jsonb_build_object('assetId', $4::text)) AND ${VISIBLE}) AS used
       FROM blobs b WHERE b.sha256 = $4`,
    [...visibilityParams(account), sha256],
  );
  const row = rows[0];
  // Not there, not whole, or not this account's to see: the same answer, so nothing is learnt about others' pictures.
  if (!row?.complete || !(row.mine || row.used))
    throw new ServerError('not-found', `Picture ${sha256.slice(0, 12)}… is not on the server for ${account.name}.`);
  const chunks = await db.query<{ bytes: Buffer }>(
    'SELECT bytes FROM blob_chunks WHERE sha256 = $1 ORDER BY start_at',
    [sha256],
  );
  return Buffer.concat(chunks.rows.map((r) => r.bytes));
}
