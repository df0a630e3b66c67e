// Pictures over sync. A revision names its pictures by SHA-256 (the asset id); their bytes travel
// apart from it: uploaded before the first revision that uses them goes out (so no other machine
// ever pulls a revision whose picture the server lacks), in chunks, resumable, once per picture;
// downloaded after a pulled revision names one this machine does not have.
import crypto from 'node:crypto';
import { BylineError } from '../../shared/errors';
import type { Article } from '../../shared/model/article';
import { isAttached } from '../../shared/model/blocks';
import { BLOB_CHUNK_BYTES, type BlobState } from '../../shared/server/sync';
import { storePhoto } from '../media/storePhoto';
import type { Store } from '../store/store';
import { call, fetchBytes, sendBytes } from './serverApi';

/** The pictures a revision's text uses. */
export function picturesOf(doc: Pick<Article, 'body'>): string[] {
  return [...new Set(doc.body.flatMap((b) => (b.type === 'image' && isAttached(b) ? [b.assetId] : [])))];
}

/** Whether the server has the picture (this machine sent it, or fetched it from there). */
const isUploaded = (store: Store, id: string) =>
  store.db.prepare('SELECT 1 FROM sync_assets WHERE asset_id = ?').get(id) !== undefined;
const markUploaded = (store: Store, id: string) =>
  store.db.prepare('INSERT OR IGNORE INTO sync_assets (asset_id) VALUES (?)').run(id);

/**
 * Sends the pictures these revisions use that the server does not have yet. An upload cut off
 * goes on from where the server says it stands. A picture missing from this store (a damaged
 * store) cannot be sent; its revision still goes out, and other machines show it as not there.
 */
export async function uploadPictures(
  store: Store,
  url: string,
  token: string,
  docs: readonly Pick<Article, 'body'>[],
): Promise<number> {
  let sent = 0;
  for (const id of new Set(docs.flatMap(picturesOf))) {
    if (isUploaded(store, id) || !store.assets.find(id)) continue;
    const bytes = store.assets.read(id);
    let state = await call<BlobState>(url, token, 'POST', `/api/v1/blobs/${id}`, { size: bytes.length });
    while (!state.complete) {
      const chunk = bytes.subarray(state.received, state.received + BLOB_CHUNK_BYTES);
      try {
        state = await sendBytes<BlobState>(url, token, `/api/v1/blobs/${id}?offset=${state.received}`, chunk);
      } catch (error) {
        // Another upload of the same picture moved it on meanwhile: ask where it stands and go on.
        if (!(error instanceof BylineError && error.code === 'conflict')) throw error;
        state = await call<BlobState>(url, token, 'POST', `/api/v1/blobs/${id}`, { size: bytes.length });
      }
    }
    markUploaded(store, id);
    sent++;
  }
  return sent;
}

/**
 * Fetches the pictures these pulled revisions use and this store lacks, before the revisions are
 * stored (a revision may only name pictures the store has). Each is checked against its name and
 * stored with what its file says. Answers the pictures the server cannot give (its uploader's
 * store lost the file) or this machine cannot take: their revisions come in with the picture
 * waiting for its file.
 */
export async function fetchPictures(
  store: Store,
  url: string,
  token: string,
  docs: readonly Pick<Article, 'body'>[],
): Promise<{ received: number; unavailable: Set<string>; unreadable: { picture: string; reason: string }[] }> {
  const unavailable = new Set<string>();
  const unreadable: { picture: string; reason: string }[] = [];
  let received = 0;
  for (const id of new Set(docs.flatMap(picturesOf))) {
    if (store.assets.find(id)) continue;
    let bytes: Buffer;
    try {
      bytes = await fetchBytes(url, token, `/api/v1/blobs/${id}`);
    } catch (error) {
      if (!(error instanceof BylineError && error.code === 'not-found')) throw error;
      unavailable.add(id);
      continue;
    }
    if (crypto.createHash('sha256').update(bytes).digest('hex') !== id)
      throw new BylineError(
        'io',
        `The newsroom server sent other bytes for picture ${id.slice(0, 12)}…; nothing was stored.`,
      );
    try {
      await storePhoto(store, bytes, `${id.slice(0, 12)}`, 'newsroom server');
    } catch (error) {
      // Not a picture this machine can take (not an image, too large to open): its revisions come in
      // with it waiting for a file, and the person is told, rather than the whole pull stopping here.
      if (!(error instanceof BylineError)) throw error;
      unavailable.add(id);
      unreadable.push({ picture: id, reason: error.message });
      continue;
    }
    // It came from the server, so it need not go back.
    markUploaded(store, id);
    received++;
  }
  return { received, unavailable, unreadable };
}

/** The text with each picture the server could not give waiting for its file instead. */
export function withoutPictures<T extends Pick<Article, 'body'>>(doc: T, unavailable: ReadonlySet<string>): T {
  if (!picturesOf(doc).some((id) => unavailable.has(id))) return doc;
  return {
    ...doc,
    body: doc.body.map((b) =>
      b.type === 'image' && b.assetId && unavailable.has(b.assetId) ? { ...b, assetId: null } : b,
    ),
  };
}
