// The newsroom server's HTTP API. Every request but sign-in carries a device token in the
// Authorization header; every body is checked by the shared zod schemas; every answer is JSON,
// an error with a stable code.
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type pg from 'pg';
import type { z } from 'zod';
import {
  PasswordChangeSchema,
  SignInRequestSchema,
  type Colleague,
  type ServerErrorBody,
  type ServerErrorCode,
} from '../shared/server/api';
import {
  AssignRequestSchema,
  BLOB_CHUNK_BYTES,
  BlobChunkQuerySchema,
  BlobStartSchema,
  PullQuerySchema,
  PushRequestSchema,
} from '../shared/server/sync';
import { addBlobChunk, readBlob, startBlob } from './blobs';
import { authenticate, changeOwnPassword, listAccounts, ServerError, signIn, signOut } from './accounts';
import { articleHistory, pull, push } from './sync';
import { isLoopbackHost } from '../shared/server/loopback';

/** A request body larger than this is refused before it is read whole. */
export const MAX_BODY_BYTES = 1024 * 1024;
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;

const STATUS: Record<ServerErrorCode, number> = {
  'bad-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  'too-large': 413,
  internal: 500,
};

/** The body as bytes, refused past `limit` (Content-Type checked by the caller). */
async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Past the limit the rest is read and dropped (so the client hears the answer rather than a
    // reset connection), up to a point where the connection is cut instead.
    if (size > limit + MAX_DRAIN_BYTES) req.destroy();
    else if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) throw new ServerError('too-large', `The body is larger than ${limit / 1024} KB.`);
  return Buffer.concat(chunks);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new ServerError('bad-request', 'The body must be JSON (Content-Type: application/json).');
  const body = await readBody(req, MAX_BODY_BYTES);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new ServerError('bad-request', 'The body is not valid JSON.');
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new ServerError(
      'bad-request',
      `The request is not valid: ${result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}.`,
    );
  return result.data;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/** A JSON answer, or a picture's bytes. */
type Answer = { status?: number; body: unknown } | { bytes: Buffer };
type Handler = (req: http.IncomingMessage, db: pg.Pool, params: string[]) => Promise<Answer>;

async function requireDevice(req: http.IncomingMessage, db: pg.Pool) {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const who = match ? await authenticate(db, match[1]!) : null;
  if (!who)
    throw new ServerError(
      'unauthenticated',
      'Sign in first: the request has no valid device token (Authorization: Bearer …).',
    );
  return who;
}

const ROUTES: Record<string, Handler> = {
  'POST /api/v1/sign-in': async (req, db) => ({
    status: 201,
    body: await signIn(db, parse(SignInRequestSchema, await readJson(req)), clientAddresses.get(req) ?? 'unknown'),
  }),
  'GET /api/v1/me': async (req, db) => {
    const { account, device } = await requireDevice(req, db);
    return { body: { account, device } };
  },
  'POST /api/v1/push': async (req, db) => {
    const { account } = await requireDevice(req, db);
    const { records } = parse(PushRequestSchema, await readJson(req));
    return { body: await push(db, account, records) };
  },
  'GET /api/v1/pull': async (req, db) => {
    const { account } = await requireDevice(req, db);
    const { since, limit } = parse(
      PullQuerySchema,
      Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams),
    );
    return { body: await pull(db, account, since, limit) };
  },
  'GET /api/v1/accounts': async (req, db) => {
    await requireDevice(req, db);
    const colleagues: Colleague[] = (await listAccounts(db))
      .filter((a) => !a.revokedAt)
      .map(({ name, initials, role, desks }) => ({ name, initials, role, desks }));
    return { body: { accounts: colleagues } };
  },
  'POST /api/v1/password': async (req, db) => {
    const { account, device } = await requireDevice(req, db);
    const { current, password } = parse(PasswordChangeSchema, await readJson(req));
    await changeOwnPassword(db, account, device, current, password, clientAddresses.get(req) ?? 'unknown');
    return { body: { changed: true } };
  },
  'POST /api/v1/sign-out': async (req, db) => {
    const { account, device } = await requireDevice(req, db);
    await signOut(db, device, account.id);
    return { body: { signedOut: true } };
  },
  // The desk assigns an article (and may move it to another desk); those it now reaches get its history.
  'POST /api/v1/articles/:id/assignment': async (req, db, [id]) => {
    const { account } = await requireDevice(req, db);
    const { assignedTo, desk } = parse(AssignRequestSchema, await readJson(req));
    const record = {
      kind: 'assignment' as const,
      id: crypto.randomUUID(),
      articleId: id!,
      assignedTo,
      ...(desk ? { desk } : {}),
      at: new Date().toISOString(),
    };
    const result = await push(db, account, [record]);
    const refused = result.refused[0];
    if (refused) throw new ServerError(refused.code, refused.message);
    return { body: { assigned: assignedTo, desk: desk ?? null } };
  },
  'GET /api/v1/articles/:id/records': async (req, db, [id]) => {
    const { account } = await requireDevice(req, db);
    return { body: { records: await articleHistory(db, account, id!) } };
  },
  // Pictures, named by SHA-256: start (or ask how far an upload got), add a chunk, read.
  'POST /api/v1/blobs/:sha256': async (req, db, [sha256]) => {
    const { account } = await requireDevice(req, db);
    const { size } = parse(BlobStartSchema, await readJson(req));
    return { body: await startBlob(db, account, sha256!, size) };
  },
  'PUT /api/v1/blobs/:sha256': async (req, db, [sha256]) => {
    await requireDevice(req, db);
    const { offset } = parse(
      BlobChunkQuerySchema,
      Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams),
    );
    if (!/^application\/octet-stream\b/i.test(req.headers['content-type'] ?? ''))
      throw new ServerError('bad-request', 'A chunk is sent as bytes (Content-Type: application/octet-stream).');
    return { body: await addBlobChunk(db, sha256!, offset, await readBody(req, BLOB_CHUNK_BYTES)) };
  },
  'GET /api/v1/blobs/:sha256': async (req, db, [sha256]) => {
    const { account } = await requireDevice(req, db);
    return { bytes: await readBlob(db, account, sha256!) };
  },
};

/** Paths with a parameter: a picture's SHA-256, an article's id. */
const PATTERNS: [RegExp, string][] = [
  [/^\/api\/v1\/blobs\/([0-9a-f]{64})$/, '/api/v1/blobs/:sha256'],
  [
    /^\/api\/v1\/articles\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/assignment$/,
    '/api/v1/articles/:id/assignment',
  ],
  [
    /^\/api\/v1\/articles\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/records$/,
    '/api/v1/articles/:id/records',
  ],
];

/** The route for a request path: a fixed one, or one with a parameter in it. */
function routeOf(method: string | undefined, path: string): { handler?: Handler; params: string[]; known: boolean } {
  let key = path;
  let params: string[] = [];
  for (const [pattern, name] of PATTERNS) {
    const m = pattern.exec(path);
    if (m) {
      key = name;
      params = m.slice(1);
    }
  }
  return { handler: ROUTES[`${method} ${key}`], params, known: Object.keys(ROUTES).some((r) => r.endsWith(` ${key}`)) };
}

export interface ServerOptions {
  /** PEM certificate and key: the server speaks HTTPS. */
  tls?: { cert: string; key: string };
  /**
   * Every request comes through one TLS proxy in front: the client's address is the one the proxy
   * added last to X-Forwarded-For (so the sign-in limit counts people, not the proxy).
   */
  behindProxy?: boolean;
}

/** Each request's client address, as the sign-in limit counts it. */
const clientAddresses = new WeakMap<http.IncomingMessage, string>();

function clientAddress(req: http.IncomingMessage, behindProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim();
  return behindProxy && last ? last.slice(0, 100) : (req.socket.remoteAddress ?? 'unknown');
}

export function createServer(db: pg.Pool, options: ServerOptions = {}): http.Server | https.Server {
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    clientAddresses.set(req, clientAddress(req, options.behindProxy ?? false));
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routeOf(req.method, path);
    const answer = route.handler
      ? route.handler(req, db, route.params)
      : Promise.reject(new ServerError(route.known ? 'bad-request' : 'not-found', `No ${req.method} ${path} here.`));
    answer.then(
      (a) => {
        if ('bytes' in a) {
          res.writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-length': a.bytes.length,
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
          });
          res.end(a.bytes);
        } else send(res, a.status ?? 200, a.body);
      },
      (error: unknown) => {
        const known = error instanceof ServerError;
        const code: ServerErrorCode = known ? error.code : 'internal';
        // An unexpected failure is logged here and said only in general to the client.
        if (!known) console.error('byline-server:', error);
        const body: ServerErrorBody = {
          error: { code, message: known ? error.message : 'The server failed to answer; the failure was logged.' },
        };
        send(res, STATUS[code], body);
      },
    );
  };
  return options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handle)
    : http.createServer(handle);
}

/** Whether an address the server listens on is reachable from other machines. */
export const beyondLoopback = (host: string): boolean => !isLoopbackHost(host);

export function listen(server: http.Server | https.Server, port: number, host: string): Promise<net.AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as net.AddressInfo));
  });
}
