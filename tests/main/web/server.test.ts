import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { Store } from '../../../src/main/store/store';
import { startWebServer, type WebServer } from '../../../src/main/web/server';
import { tempDir } from '../../helpers/tmp';
import fs from 'node:fs';

let store: Store;
let server: WebServer;
let cookie: string;

beforeEach(async () => {
  const dir = tempDir();
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Byline</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  store = Store.open(path.join(dir, 'byline.db'));
  server = await startWebServer({ handlers: createHandlers(store, { mode: 'browser', chooseBackupDestination: async (p) => p, chooseExportPath: async (p) => p }, 'web'), rendererDir: renderer });
  const res = await fetch(server.launchUrl);
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
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

function socket(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ipc`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, message: string): Promise<{ id: unknown; result: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
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

  it('serves the app only with the token, then with the cookie it sets', async () => {
    const host = `127.0.0.1:${server.port}`;
    expect((await request('/', { host })).status).toBe(403);
    expect((await request('/?token=wrong', { host })).status).toBe(403);
    expect(cookie).toMatch(/^byline_session=/);
    expect((await request('/', { host, cookie })).status).toBe(200);
    const withQuery = await fetch(server.launchUrl);
    expect(withQuery.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(withQuery.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('refuses another Host header (DNS rebinding) and paths outside the renderer', async () => {
    expect((await request('/', { host: 'evil.example:80', cookie })).status).toBe(403);
    const host = `127.0.0.1:${server.port}`;
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const r = await request(p, { host, cookie });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('outside the renderer');
    }
  });

  it('accepts the socket only from its own origin with the session cookie', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    await expect(socket({ origin })).rejects.toThrow('HTTP 401');
    await expect(socket({ origin: 'http://evil.example', cookie })).rejects.toThrow('HTTP 403');
    await expect(socket({ cookie })).rejects.toThrow('HTTP 403');
    const ws = await socket({ origin, cookie });
    const created = await call(ws, JSON.stringify({ id: 1, channel: 'articles.create', payload: { headline: 'Über den Socket' } }));
    expect(created).toMatchObject({ id: 1, result: { ok: true, value: { headline: 'Über den Socket', revision: 1 } } });
    expect(store.articles.list().items[0]?.headline).toBe('Über den Socket');
    ws.close();
  });

  it('answers broken messages with a typed error and keeps serving', async () => {
    const ws = await socket({ origin: `http://127.0.0.1:${server.port}`, cookie });
    expect((await call(ws, '{not json')).result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await call(ws, JSON.stringify({ id: 2, channel: 'shell.exec', payload: {} }))).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call(ws, JSON.stringify({ id: 3, channel: 'articles.get', payload: { id: 7 } }))).result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await call(ws, JSON.stringify({ id: 4, channel: 'articles.list', payload: {} }))).result).toMatchObject({ ok: true, value: { total: 0 } });
    ws.close();
  });
});
