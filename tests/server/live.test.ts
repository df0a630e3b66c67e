// Two server instances on one database: a push to one reaches a desktop listening on the other.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addAccount } from '../../src/server/accounts';
import { migrate } from '../../src/server/db/migrations';
import { ArticleInputSchema, ArticleSchema } from '../../src/shared/model/article';
import { seedArticle } from '../helpers/articles';
import { NO_POSTGRES, usePostgres } from '../helpers/postgres';

const BIN = path.resolve('bin/byline-server.cjs');

async function instance(pgUrl: string): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--pg', pgUrl]);
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', () => reject(new Error(out)));
  });
  return { child, url };
}

async function signIn(url: string, name: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password, device: 'test' }) });
  return ((await res.json()) as { token: string }).token;
}

/** A desktop listening: the messages it received. */
async function listen(url: string, token?: string): Promise<{ ws: WebSocket; messages: unknown[] }> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/api/v1/live`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const messages: unknown[] = [];
  ws.on('message', (m) => messages.push(JSON.parse(m.toString())));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  return { ws, messages };
}

describe.skipIf(!!NO_POSTGRES)('the live newsroom', () => {
  const pgs = usePostgres();

  it("tells a desktop on one instance, within a second, of a push to another; only what it may see; never without a token", async () => {
    await migrate(pgs.db());
    const anna = await addAccount(pgs.db(), { name: 'Anna', initials: 'am', role: 'journalist', desks: ['Politik'] });
    const dora = await addAccount(pgs.db(), { name: 'Dora', initials: 'dd', role: 'desk', desks: ['Politik'] });
    const otto = await addAccount(pgs.db(), { name: 'Otto', initials: 'od', role: 'desk', desks: ['Sport'] });
    const [one, two] = await Promise.all([instance(pgs.cluster().url), instance(pgs.cluster().url)]);
    const sockets: WebSocket[] = [];
    try {
      await expect(listen(one.url)).rejects.toThrow('HTTP 401');
      const desk = await listen(one.url, await signIn(one.url, 'Dora', dora.password));
      const sport = await listen(one.url, await signIn(one.url, 'Otto', otto.password));
      sockets.push(desk.ws, sport.ws);

      const token = await signIn(two.url, 'Anna', anna.password);
      const articleId = crypto.randomUUID();
      const { body, ...seed } = seedArticle();
      const doc = ArticleSchema.parse({ ...ArticleInputSchema.parse({ ...seed, body: (body ?? []).filter((b) => b.type !== 'image') }), id: articleId, revision: 1, status: 'draft', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() });
      const started = Date.now();
      const res = await fetch(`${two.url}/api/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ records: [{ kind: 'revision', id: crypto.randomUUID(), articleId, parents: [], savedAt: new Date().toISOString(), doc }] }),
      });
      const { accepted } = (await res.json()) as { accepted: { seq: number }[] };
      await expect.poll(() => desk.messages, { timeout: 1000 }).toEqual([{ type: 'records', upTo: accepted[0]!.seq }]);
      console.log(`live: push on one instance heard on the other after ${Date.now() - started} ms`);
      // Otto's desk is Sport: told nothing of it. His own desk's next article is the first news he
      // hears, and news comes in order, so had he been told of Anna's it would have come first.
      const sportToken = await signIn(two.url, 'Otto', otto.password);
      const sportArticle = crypto.randomUUID();
      const sportRes = await fetch(`${two.url}/api/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${sportToken}` },
        body: JSON.stringify({ records: [{ kind: 'revision', id: crypto.randomUUID(), articleId: sportArticle, parents: [], savedAt: new Date().toISOString(), desk: 'Sport', doc: { ...doc, id: sportArticle } }] }),
      });
      expect(sportRes.status).toBe(200);
      const sportSeq = ((await sportRes.json()) as { accepted: { seq: number }[] }).accepted[0]!.seq;
      await expect.poll(() => sport.messages, { timeout: 1000 }).toEqual([{ type: 'records', upTo: sportSeq }]);
    } finally {
      for (const ws of sockets) ws.close();
      for (const { child } of [one, two]) child.kill('SIGTERM');
      await Promise.all([one, two].map(({ child }) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))));
    }
  });
});
