// The newsroom server's HTTP API. Every request but sign-in carries a device token in the
// Authorization header; every body is checked by the shared zod schemas; every answer is JSON,
// an error with a stable code.
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type pg from 'pg';
import type { z } from 'zod';
import { SignInRequestSchema, type ServerErrorBody, type ServerErrorCode } from '../shared/server/api';
import { PullQuerySchema, PushRequestSchema } from '../shared/server/sync';
import { authenticate, ServerError, signIn, signOut } from './accounts';
import { pull, push } from './sync';

/** A request body larger than this is refused before it is read whole. */
export const MAX_BODY_BYTES = 1024 * 1024;
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;

const STATUS: Record<ServerErrorCode, number> = { 'bad-request': 400, unauthenticated: 401, forbidden: 403, 'not-found': 404, 'rate-limited': 429, 'too-large': 413, internal: 500 };

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new ServerError('bad-request', 'The body must be JSON (Content-Type: application/json).');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Past the limit the rest is read and dropped (so the client hears the answer rather than a
    // reset connection), up to a point where the connection is cut instead.
    if (size > MAX_DRAIN_BYTES) req.destroy();
    else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) throw new ServerError('too-large', `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ServerError('bad-request', 'The body is not valid JSON.');
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ServerError('bad-request', `The request is not valid: ${result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}.`);
  return result.data;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

type Handler = (req: http.IncomingMessage, db: pg.Pool) => Promise<{ status?: number; body: unknown }>;

async function requireDevice(req: http.IncomingMessage, db: pg.Pool) {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const who = match ? await authenticate(db, match[1]!) : null;
  if (!who) throw new ServerError('unauthenticated', 'Sign in first: the request has no valid device token (Authorization: Bearer …).');
  return who;
}

const ROUTES: Record<string, Handler> = {
  'POST /api/v1/sign-in': async (req, db) => ({ status: 201, body: await signIn(db, parse(SignInRequestSchema, await readJson(req)), req.socket.remoteAddress ?? 'unknown') }),
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
    const { since, limit } = parse(PullQuerySchema, Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams));
    return { body: await pull(db, account, since, limit) };
  },
  'POST /api/v1/sign-out': async (req, db) => {
    const { account, device } = await requireDevice(req, db);
    await signOut(db, device, account.id);
    return { body: { signedOut: true } };
  },
};

export interface ServerOptions {
  /** PEM certificate and key: the server speaks HTTPS. */
  tls?: { cert: string; key: string };
}

export function createServer(db: pg.Pool, options: ServerOptions = {}): http.Server | https.Server {
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = ROUTES[`${req.method} ${path}`];
    const answer = route
      ? route(req, db)
      : Promise.reject(new ServerError(Object.keys(ROUTES).some((r) => r.endsWith(` ${path}`)) ? 'bad-request' : 'not-found', `No ${req.method} ${path} here.`));
    answer.then(
      ({ status = 200, body }) => send(res, status, body),
      (error: unknown) => {
        const known = error instanceof ServerError;
        const code: ServerErrorCode = known ? error.code : 'internal';
        // An unexpected failure is logged here and said only in general to the client.
        if (!known) console.error('byline-server:', error);
        const body: ServerErrorBody = { error: { code, message: known ? error.message : 'The server failed to answer; the failure was logged.' } };
        send(res, STATUS[code], body);
      },
    );
  };
  return options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handle) : http.createServer(handle);
}

/** Whether an address the server listens on is reachable from other machines. */
export function beyondLoopback(host: string): boolean {
  return !/^(127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(host);
}

export function listen(server: http.Server | https.Server, port: number, host: string): Promise<net.AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as net.AddressInfo));
  });
}
