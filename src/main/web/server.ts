import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { UNAUTHORIZED_CLOSE, type BrowserModeEvent } from '../../shared/ipc/browserMode';
import { SECURITY_HEADERS } from '../../shared/security/csp';
import type { Invoke } from '../ipc/storeWorkerClient';
import { resolveStatic } from './staticFiles';

export interface WebServer {
  url: string;
  /** The address with the per-run token: the only way in. */
  launchUrl: string;
  port: number;
  /** Sends an event (a long job's progress, where sync stands) to every page that has said the token. */
  sendEvent(event: BrowserModeEvent): void;
  close(): Promise<void>;
}

export interface WebServerOptions {
  /** Runs one request: the store worker's, or `dispatch` on handlers in this thread (tests). */
  invoke: Invoke;
  rendererDir: string;
  /** The port to try first (0: any); when it is taken, any free port. */
  port?: number;
  /** The launch token; a new random one when absent. */
  token?: string;
  /** Where exports and packages are written: served under /download/NAME as downloads. */
  downloadsDir?: string;
}

/** A file written to the downloads folder, by its plain name (no folders, nothing hidden). */
function downloadFile(dir: string | undefined, pathname: string): string | null {
  if (!dir || !pathname.startsWith('/download/')) return null;
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice('/download/'.length));
  } catch {
    return null;
  }
  if (!name || name.startsWith('.') || /[\\/\0]/.test(name) || name !== path.basename(name)) return null;
  const file = path.join(dir, name);
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Room for the largest request: a 100 MB package as base64 (see MAX_IMPORT_BASE64). */
const MAX_MESSAGE_BYTES = 140 * 1024 * 1024;

function sameSecret(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * The browser mode: the renderer and the main-process handlers on 127.0.0.1, for machines without
 * Electron's binary. A random port and a per-run token. No cookie: browsers send cookies to every
 * port of 127.0.0.1, so any other local service would receive one. The page keeps the token from
 * its launch address in its own origin's storage (scoped to this port) and sends it as the socket's
 * first message and with each download. The page's code is served to anyone on this Host (it holds
 * no data); every article, export and command needs the token. Requests with another Host (DNS
 * rebinding) and WebSockets from another Origin are refused.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}/index.html is missing); run npm run build.`);
  }
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  const server = http.createServer((req, res) => {
    const deny = (status: number, text: string) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end(text);
    };
    if (!allowedHosts().includes(req.headers.host ?? '')) return deny(403, 'Byline: unexpected Host header.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(405, 'Byline: method not allowed.');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    // Downloads hold article text: the token is checked before the file is even looked up.
    if (url.pathname.startsWith('/download/') && !sameSecret(url.searchParams.get('token'), token)) {
      return deny(
        403,
        'Byline: this address needs the token that `npm start` or `npm run web` printed. Open that full address.',
      );
    }
    const download = downloadFile(options.downloadsDir, url.pathname);
    if (download) {
      // As a download, never rendered in the page's origin (an exported HTML page holds article text).
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(download))}`,
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(download).pipe(res);
      return;
    }
    const found = resolveStatic(rendererDir, url.pathname);
    if (!found) return deny(404, 'Byline: not found.');
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'Content-Type': found.type,
      'Cache-Control': 'no-store',
    };
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(found.file).pipe(res);
  });

  const greeted = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/ipc') return refuse(404, 'Not Found');
    if (!allowedHosts().includes(req.headers.host ?? '')) return refuse(403, 'Forbidden');
    if (!allowedOrigins().includes(req.headers.origin ?? '')) return refuse(403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.invoke, token, greeted));
  });

  const listen = (p: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(options.port ?? 0);
  } catch (error) {
    // The port kept from last time is taken: any free one (the tab then needs the new address).
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !options.port) throw error;
    await listen(0);
  }
  // A broken connection ends that connection, never the server.
  server.on('clientError', (_err, socket) => socket.destroy());
  wss.on('error', () => undefined);
  port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}?token=${token}`,
    port,
    sendEvent: (event) => {
      const message = JSON.stringify(event);
      for (const ws of greeted) if (ws.readyState === ws.OPEN) ws.send(message);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** How long a socket may stay open without saying the token. */
const HELLO_TIMEOUT_MS = 10_000;

/**
 * The first message is `{ hello: TOKEN }`, unanswered; a wrong or missing one closes the socket
 * with UNAUTHORIZED_CLOSE before anything is dispatched. Then one request per message:
 * `{ id, channel, payload }` → `{ id, result }`. Requests run in order, but for a job's cancel,
 * which cannot wait behind the job it cancels. The server also sends events (BrowserModeEvent).
 */
function serveSocket(ws: WebSocket, invoke: Invoke, token: string, greetedSockets: Set<WebSocket>): void {
  // A malformed or oversized frame is an error on this socket alone: close it and serve on.
  ws.on('error', () => ws.terminate());
  ws.on('close', () => greetedSockets.delete(ws));
  let greeted = false;
  const unauthorized = () => ws.close(UNAUTHORIZED_CLOSE, 'Byline needs the token from its launch address.');
  const helloTimer = setTimeout(unauthorized, HELLO_TIMEOUT_MS);
  ws.on('close', () => clearTimeout(helloTimer));
  let queue = Promise.resolve();
  ws.on('message', (data, isBinary) => {
    if (!greeted) {
      let hello: unknown;
      try {
        hello = isBinary ? null : (JSON.parse(data.toString()) as { hello?: unknown }).hello;
      } catch {
        hello = null;
      }
      clearTimeout(helloTimer);
      if (typeof hello === 'string' && sameSecret(hello, token)) {
        greeted = true;
        greetedSockets.add(ws);
      } else unauthorized();
      return;
    }
    const read = readRequest(data, isBinary);
    const id = read.ok && typeof read.request.id === 'number' ? read.request.id : null;
    const answer = async () => {
      const result = read.ok
        ? await invoke(read.request.channel, read.request.payload)
        : { ok: false, error: { code: 'invalid-input', message: read.message } };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }));
    };
    if (read.ok && read.request.channel === 'jobs.cancel') void answer();
    else queue = queue.then(answer);
  });
}

type SocketRequest = { id?: unknown; channel?: unknown; payload?: unknown };

function readRequest(
  data: RawData,
  isBinary: boolean,
): { ok: true; request: SocketRequest } | { ok: false; message: string } {
  try {
    if (isBinary) throw new Error('binary messages are not accepted');
    const parsed = JSON.parse(data.toString()) as unknown;
    if (!parsed || typeof parsed !== 'object') throw new Error('expected a JSON object');
    return { ok: true, request: parsed as SocketRequest };
  } catch (error) {
    return { ok: false, message: `Unreadable request: ${(error as Error).message}` };
  }
}
