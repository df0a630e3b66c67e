import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { Store } from '../../../src/main/store/store';
import { startWebServer, type WebServer } from '../../../src/main/web/server';
import { tempDir } from '../../helpers/tmp';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { loadBrowserSession, saveBrowserSession } from '../../../src/main/web/session';

/** The handlers on this thread, as the store worker runs them on its own. */
const inThisThread = (store: Store) => {
  const handlers = createHandlers(
    store,
    { mode: 'browser', chooseBackupDestination: async (p) => p, chooseExportPath: async (p) => p },
    'web',
  );
  return (channel: unknown, payload: unknown) => dispatch(handlers, channel, payload);
};

let store: Store;
let server: WebServer;
let token: string;

beforeEach(async () => {
  const dir = tempDir();
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Byline</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  store = Store.open(path.join(dir, 'byline.db'));
  server = await startWebServer({ invoke: inThisThread(store), rendererDir: renderer });
  token = new URL(server.launchUrl).searchParams.get('token')!;
});
afterEach(async () => {
  await server.close();
  store.close();
});

/** A raw request, so tests can send the Host and Origin headers a browser would never let a page set. */
function request(pathname: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: pathname, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A socket that says the token first, as the page does (`hello: null` leaves that out). */
function socket(headers: Record<string, string>, hello: string | null = token): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ipc`, { headers });
    ws.once('open', () => {
      if (hello !== null) ws.send(JSON.stringify({ hello }));
      resolve(ws);
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(
  ws: WebSocket,
  message: string,
): Promise<{ id: unknown; result: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(message);
  });
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only, on a random port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves the page (code, no data) on its own Host without the token, and sets no cookie', async () => {
    const host = `127.0.0.1:${server.port}`;
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    // Browsers send cookies to every port of 127.0.0.1: a cookie would reach other local services.
    expect(page.headers.get('set-cookie')).toBeNull();
    expect((await fetch(server.launchUrl)).headers.get('set-cookie')).toBeNull();
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect((await request('/', { host })).status).toBe(200);
  });

  it('refuses another Host header (DNS rebinding) and paths outside the renderer', async () => {
    expect((await request('/', { host: 'evil.example:80' })).status).toBe(403);
    const host = `127.0.0.1:${server.port}`;
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const r = await request(p, { host });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('outside the renderer');
    }
  });

  it('accepts the socket only from its own origin, and serves it only after the token as its first message', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    await expect(socket({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(socket({})).rejects.toThrow('HTTP 403');
    for (const hello of ['wrong', '', token.slice(1)]) {
      const refused = await socket({ origin }, hello);
      const closed = new Promise<number>((resolve) => refused.once('close', (code) => resolve(code)));
      refused.send(JSON.stringify({ id: 1, channel: 'articles.create', payload: { headline: 'Ohne Token' } }));
      expect(await closed).toBe(4401);
    }
    // A request in place of the hello is not served either.
    const rude = await socket({ origin }, null);
    const rudeClosed = new Promise<number>((resolve) => rude.once('close', (code) => resolve(code)));
    rude.send(JSON.stringify({ id: 1, channel: 'articles.create', payload: { headline: 'Ohne Token' } }));
    expect(await rudeClosed).toBe(4401);
    expect(store.articles.list().total).toBe(0);
    const ws = await socket({ origin });
    const created = await call(
      ws,
      JSON.stringify({ id: 1, channel: 'articles.create', payload: { headline: 'Über den Socket' } }),
    );
    expect(created).toMatchObject({ id: 1, result: { ok: true, value: { headline: 'Über den Socket', revision: 1 } } });
    expect(store.articles.list().items[0]?.headline).toBe('Über den Socket');
    ws.close();
  });

  it('answers broken messages with a typed error and keeps serving', async () => {
    const ws = await socket({ origin: `http://127.0.0.1:${server.port}` });
    expect((await call(ws, '{not json')).result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await call(ws, JSON.stringify({ id: 2, channel: 'shell.exec', payload: {} }))).result).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      (await call(ws, JSON.stringify({ id: 3, channel: 'articles.get', payload: { id: 7 } }))).result,
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await call(ws, JSON.stringify({ id: 4, channel: 'articles.list', payload: {} }))).result).toMatchObject({
      ok: true,
      value: { total: 0 },
    });
    ws.close();
  });

  it('survives malformed and oversized frames: the bad connection closes, the server serves on', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    // A masked client frame (clients must mask) with the given first byte and payload.
    const frame = (first: number, payload: Buffer, lengthField?: Buffer) => {
      const mask = Buffer.from([1, 2, 3, 4]);
      const len = lengthField ?? Buffer.from([0x80 | payload.length]);
      return Buffer.concat([Buffer.from([first]), len, mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!))]);
    };
    const bad: [string, Buffer][] = [
      ['an unmasked frame', Buffer.from([0x81, 0x02, 0x68, 0x69])],
      ['reserved bits set', frame(0xc1, Buffer.from('hi'))],
      ['an unknown opcode', frame(0x83, Buffer.from('hi'))],
      ['a fragmented ping', frame(0x09, Buffer.from('hi'))],
      ['text that is not UTF-8', frame(0x81, Buffer.from([0xff, 0xfe, 0xfd]))],
      [
        'a frame claiming 2^62 bytes',
        Buffer.concat([Buffer.from([0x82, 0xff]), Buffer.from([0x40, 0, 0, 0, 0, 0, 0, 0]), Buffer.from([1, 2, 3, 4])]),
      ],
    ];
    for (const [what, bytes] of bad) {
      const raw = net.connect(server.port, '127.0.0.1');
      const upgraded = new Promise<void>((resolve) => raw.once('data', () => resolve()));
      raw.write(
        `GET /ipc HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
      await upgraded;
      const closed = new Promise<void>((resolve) => raw.once('close', () => resolve()));
      raw.on('error', () => undefined);
      raw.write(bytes);
      await closed;
      // The server still answers a well-formed socket.
      const ws = await socket({ origin });
      expect(
        (await call(ws, JSON.stringify({ id: 1, channel: 'articles.list', payload: {} }))).result,
        what,
      ).toMatchObject({ ok: true });
      ws.close();
    }
  });
});

describe('downloads', () => {
  it('serves a written export as an attachment, with the token only, by its plain name only', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'albu-kamal.xml'), '<nitf/>');
    fs.writeFileSync(path.join(dir, '.hidden'), 'no');
    const d = await startWebServer({
      invoke: inThisThread(store),
      rendererDir: path.join(path.dirname(store.dbPath), 'renderer'),
      downloadsDir: dir,
    });
    const t = `?token=${new URL(d.launchUrl).searchParams.get('token')}`;
    const get = (p: string, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string; disposition?: string }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: d.port, path: p, headers: { host: `127.0.0.1:${d.port}`, ...headers } },
          (res) => {
            let body = '';
            res.on('data', (x) => (body += x));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body, disposition: res.headers['content-disposition'] }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      });
    expect(await get(`/download/albu-kamal.xml${t}`, {})).toMatchObject({
      status: 200,
      body: '<nitf/>',
      disposition: "attachment; filename*=UTF-8''albu-kamal.xml",
    });
    expect((await get('/download/albu-kamal.xml', {})).status).toBe(403);
    expect((await get('/download/albu-kamal.xml?token=wrong', {})).status).toBe(403);
    for (const p of [
      '/download/.hidden',
      '/download/..%2Fbyline.db',
      '/download/%2e%2e/byline.db',
      '/download/',
      '/download/%E0%A4%A',
    ]) {
      expect((await get(`${p}${t}`, {})).status, p).toBe(404);
    }
    await d.close();
  });
});

describe('browser-mode session', () => {
  it('keeps port and token for the data folder, so a restarted server has the same address', async () => {
    const dir = tempDir();
    const first = loadBrowserSession(dir);
    expect(first.port).toBe(0);
    saveBrowserSession(dir, { port: 41234, token: first.token });
    expect(loadBrowserSession(dir)).toEqual({ port: 41234, token: first.token });
    expect(fs.statSync(path.join(dir, 'browser-session.json')).mode & 0o777).toBe(0o600);
    // A damaged file is replaced by a new session, never trusted.
    fs.writeFileSync(path.join(dir, 'browser-session.json'), '{"port": 80, "token": "x"}');
    expect(loadBrowserSession(dir).port).toBe(0);
  });

  it('starts on the kept port with the kept token, and on another port when that one is taken', async () => {
    const token = 'a'.repeat(32);
    const again = await startWebServer({
      invoke: inThisThread(store),
      rendererDir: path.join(path.dirname(store.dbPath), 'renderer'),
      port: server.port,
      token,
    });
    expect(again.port).not.toBe(server.port);
    expect(again.launchUrl).toContain(`token=${token}`);
    await again.close();
  });
});
