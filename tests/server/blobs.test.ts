// Pictures on the server: content-addressed, uploaded in chunks that may be cut off and resumed,
// checked against their SHA-256, given only to accounts that may see an article using them.
import crypto from 'node:crypto';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, signIn } from '../../src/server/accounts';
import { migrate } from '../../src/server/db/migrations';
import { createServer, listen } from '../../src/server/http';
import { BLOB_CHUNK_BYTES } from '../../src/shared/server/sync';
import { seedArticle } from '../helpers/articles';
import { NO_POSTGRES, usePostgres } from '../helpers/postgres';
import { revisionRecord } from '../helpers/syncRecords';

describe.skipIf(!!NO_POSTGRES)('pictures on the newsroom server', () => {
  const pgs = usePostgres();
  let server: http.Server;
  let url: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    if (NO_POSTGRES) return;
    await migrate(pgs.db());
    for (const [name, role, desk] of [
      ['Anna', 'journalist', 'Politik'],
      ['Dora', 'desk', 'Politik'],
      ['Otto', 'desk', 'Sport'],
    ] as const) {
      const { password } = await addAccount(pgs.db(), {
        name,
        initials: name.slice(0, 2).toLowerCase(),
        role,
        desks: [desk],
      });
      tokens[name] = (await signIn(pgs.db(), { name, password, device: 'test' }, '127.0.0.1')).token;
    }
    server = createServer(pgs.db()) as http.Server;
    url = `http://127.0.0.1:${(await listen(server, 0, '127.0.0.1')).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  const request = async (who: string, method: string, route: string, body?: unknown) => {
    const res = await fetch(`${url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(Buffer.isBuffer(body)
          ? { 'content-type': 'application/octet-stream' }
          : body
            ? { 'content-type': 'application/json' }
            : {}),
      },
      body: Buffer.isBuffer(body) ? new Uint8Array(body) : body ? JSON.stringify(body) : undefined,
    });
    return {
      status: res.status,
      body: res.headers.get('content-type')?.includes('json')
        ? ((await res.json()) as Record<string, unknown>)
        : Buffer.from(await res.arrayBuffer()),
    };
  };

  /** Compared by SHA-256: a deep comparison of megabytes would take the test's whole time. */
  const digest = (body: unknown) =>
    crypto
      .createHash('sha256')
      .update(body as Buffer)
      .digest('hex');

  it('takes a picture in chunks, goes on after a cut, refuses wrong bytes, and gives it only to who may see it', async () => {
    const bytes = crypto.randomBytes(BLOB_CHUNK_BYTES + 12_345);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    expect(await request('Anna', 'POST', `/api/v1/blobs/${sha}`, { size: bytes.length })).toMatchObject({
      status: 200,
      body: { received: 0, complete: false },
    });
    expect(
      (await request('Anna', 'PUT', `/api/v1/blobs/${sha}?offset=0`, bytes.subarray(0, BLOB_CHUNK_BYTES))).body,
    ).toMatchObject({ received: BLOB_CHUNK_BYTES, complete: false });
    // The connection was cut before the answer came: the client asks where it stands and goes on from there.
    expect((await request('Anna', 'POST', `/api/v1/blobs/${sha}`, { size: bytes.length })).body).toMatchObject({
      received: BLOB_CHUNK_BYTES,
    });
    expect(await request('Anna', 'PUT', `/api/v1/blobs/${sha}?offset=0`, bytes.subarray(0, 10))).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict' } },
    });
    expect(
      (
        await request(
          'Anna',
          'PUT',
          `/api/v1/blobs/${sha}?offset=${BLOB_CHUNK_BYTES}`,
          bytes.subarray(BLOB_CHUNK_BYTES),
        )
      ).body,
    ).toMatchObject({ complete: true });
    // Once there, it is there: a second upload of the same picture finds it complete.
    expect((await request('Dora', 'POST', `/api/v1/blobs/${sha}`, { size: bytes.length })).body).toMatchObject({
      complete: true,
    });
    expect(await request('Dora', 'POST', `/api/v1/blobs/${sha}`, { size: 7 })).toMatchObject({ status: 409 });

    // Anna may read what she sent; Dora may once an article of her desk uses it; Otto (Sport) never.
    expect(digest((await request('Anna', 'GET', `/api/v1/blobs/${sha}`)).body)).toBe(sha);
    expect((await request('Dora', 'GET', `/api/v1/blobs/${sha}`)).status).toBe(404);
    const articleId = crypto.randomUUID();
    const withPicture = revisionRecord(articleId, [], {
      body: seedArticle(sha).body!.filter((b) => b.type === 'image'),
    });
    expect((await request('Anna', 'POST', '/api/v1/push', { records: [withPicture] })).body).toMatchObject({
      refused: [],
    });
    expect(digest((await request('Dora', 'GET', `/api/v1/blobs/${sha}`)).body)).toBe(sha);
    expect((await request('Otto', 'GET', `/api/v1/blobs/${sha}`)).status).toBe(404);

    // Bytes that are not the picture its name says: refused, nothing kept, to be sent again.
    const other = crypto.randomBytes(1000);
    const claimed = crypto.createHash('sha256').update('something else').digest('hex');
    await request('Anna', 'POST', `/api/v1/blobs/${claimed}`, { size: other.length });
    expect(await request('Anna', 'PUT', `/api/v1/blobs/${claimed}?offset=0`, other)).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('do not match its SHA-256') } },
    });
    expect((await request('Anna', 'POST', `/api/v1/blobs/${claimed}`, { size: other.length })).body).toMatchObject({
      received: 0,
      complete: false,
    });
    // A chunk larger than the limit, or a name that is not a SHA-256, is refused by name.
    expect(
      (await request('Anna', 'PUT', `/api/v1/blobs/${claimed}?offset=0`, Buffer.alloc(BLOB_CHUNK_BYTES + 1))).status,
    ).toBe(413);
    expect((await request('Anna', 'GET', '/api/v1/blobs/not-a-sha')).status).toBe(404);
    expect((await fetch(`${url}/api/v1/blobs/${sha}`)).status).toBe(401);
  });
});
