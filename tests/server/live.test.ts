// Two server instances on one database: a push to one reaches a desktop listening on the other.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addAccount, revokeAccount, setPassword } from '../../src/server/accounts';
import { migrate } from '../../src/server/db/migrations';
import { ArticleInputSchema, ArticleSchema } from '../../src/shared/model/article';
import { seedArticle } from '../helpers/articles';
import { deviceToken } from '../helpers/faults';
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

const signIn = (url: string, name: string, password: string) => deviceToken(url, name, password);

/** Stops an instance and waits until it has gone. */
async function stopped({ child }: { child: ChildProcessWithoutNullStreams }): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
}

/** A desktop listening: the messages it received. */
async function listen(url: string, token?: string): Promise<{ ws: WebSocket; messages: unknown[] }> {
  const ws = new WebSocket(
    `${url.replace('http', 'ws')}/api/v1/live`,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
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

  it('tells a desktop on one instance, within a second, of a push to another; only what it may see; never without a token', async () => {
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
      const doc = ArticleSchema.parse({
        ...ArticleInputSchema.parse({ ...seed, body: (body ?? []).filter((b) => b.type !== 'image') }),
        id: articleId,
        revision: 1,
        status: 'draft',
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      });
      const started = Date.now();
      const res = await fetch(`${two.url}/api/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          records: [
            {
              kind: 'revision',
              id: crypto.randomUUID(),
              articleId,
              parents: [],
              savedAt: new Date().toISOString(),
              doc,
            },
          ],
        }),
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
        body: JSON.stringify({
          records: [
            {
              kind: 'revision',
              id: crypto.randomUUID(),
              articleId: sportArticle,
              parents: [],
              savedAt: new Date().toISOString(),
              desk: 'Sport',
              doc: { ...doc, id: sportArticle },
            },
          ],
        }),
      });
      expect(sportRes.status).toBe(200);
      const sportSeq = ((await sportRes.json()) as { accepted: { seq: number }[] }).accepted[0]!.seq;
      await expect.poll(() => sport.messages, { timeout: 1000 }).toEqual([{ type: 'records', upTo: sportSeq }]);
    } finally {
      for (const ws of sockets) ws.close();
      await Promise.all([one, two].map(stopped));
    }
  });

  it(
    'a sign-out, a revoked account or a new password ends that device’s open live socket at once; others stay',
    { timeout: 60_000 },
    async () => {
      await migrate(pgs.db());
      const xena = await addAccount(pgs.db(), { name: 'Xena', initials: 'xe', role: 'journalist', desks: ['Politik'] });
      const yuri = await addAccount(pgs.db(), { name: 'Yuri', initials: 'yu', role: 'journalist', desks: ['Politik'] });
      const one = await instance(pgs.cluster().url);
      const closed = (ws: WebSocket) =>
        new Promise<void>((resolve) =>
          ws.readyState === WebSocket.CLOSED ? resolve() : ws.once('close', () => resolve()),
        );
      try {
        const [laptop, desktop, other] = [
          await signIn(one.url, 'Xena', xena.password),
          await signIn(one.url, 'Xena', xena.password),
          await signIn(one.url, 'Yuri', yuri.password),
        ];
        const [a, b, c] = [await listen(one.url, laptop), await listen(one.url, desktop), await listen(one.url, other)];
        // Xena signs out on her laptop: that socket ends, her desktop's stays.
        expect(
          (
            await fetch(`${one.url}/api/v1/sign-out`, {
              method: 'POST',
              headers: { authorization: `Bearer ${laptop}` },
            })
          ).status,
        ).toBe(200);
        await closed(a.ws);
        expect(b.ws.readyState).toBe(WebSocket.OPEN);
        // Yuri's account is revoked (by the command, in another process): his socket ends.
        await revokeAccount(pgs.db(), 'Yuri');
        await closed(c.ws);
        // Xena's password is set anew: every device of hers is out, its socket too, and the old token no longer works.
        await setPassword(pgs.db(), 'Xena', 'ein-ganz-neues-Passwort');
        await closed(b.ws);
        expect((await fetch(`${one.url}/api/v1/me`, { headers: { authorization: `Bearer ${desktop}` } })).status).toBe(
          401,
        );
        await expect(listen(one.url, desktop)).rejects.toThrow('HTTP 401');
        // She changes it herself on a new laptop: her other device's socket ends, the laptop's stays.
        const mine = await signIn(one.url, 'Xena', 'ein-ganz-neues-Passwort');
        const other2 = await signIn(one.url, 'Xena', 'ein-ganz-neues-Passwort');
        const [d, e] = [await listen(one.url, mine), await listen(one.url, other2)];
        const changed = await fetch(`${one.url}/api/v1/password`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${mine}` },
          body: JSON.stringify({ current: 'ein-ganz-neues-Passwort', password: 'noch ein neues Passwort' }),
        });
        expect(changed.status).toBe(200);
        await closed(e.ws);
        expect(d.ws.readyState).toBe(WebSocket.OPEN);
        d.ws.close();
      } finally {
        await stopped(one);
      }
    },
  );

  it(
    'one socket saying thousands of times a second which article it has open reaches the others as a few words',
    { timeout: 60_000 },
    async () => {
      await migrate(pgs.db());
      const flood = await addAccount(pgs.db(), {
        name: 'Flora Flut',
        initials: 'ff',
        role: 'journalist',
        desks: ['Politik'],
      });
      const watcher = await addAccount(pgs.db(), {
        name: 'Wanda Wache',
        initials: 'ww',
        role: 'desk',
        desks: ['Politik'],
      });
      const one = await instance(pgs.cluster().url);
      try {
        const floodToken = await signIn(one.url, 'Flora Flut', flood.password);
        const articles = [crypto.randomUUID(), crypto.randomUUID()];
        const { body, ...seed } = seedArticle();
        const records = articles.map((articleId) => ({
          kind: 'revision',
          id: crypto.randomUUID(),
          articleId,
          parents: [],
          savedAt: new Date().toISOString(),
          desk: 'Politik',
          doc: ArticleSchema.parse({
            ...ArticleInputSchema.parse({ ...seed, body: (body ?? []).filter((b) => b.type !== 'image') }),
            id: articleId,
            revision: 1,
            status: 'draft',
            createdAt: new Date().toISOString(),
            updatedAt: new Date().toISOString(),
          }),
        }));
        expect(
          (
            await fetch(`${one.url}/api/v1/push`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${floodToken}` },
              body: JSON.stringify({ records }),
            })
          ).status,
        ).toBe(200);
        const watching = await listen(one.url, await signIn(one.url, 'Wanda Wache', watcher.password));
        const flooding = await listen(one.url, floodToken);
        const started = Date.now();
        for (let i = 0; i < 20_000; i++)
          flooding.ws.send(JSON.stringify({ type: 'editing', articleId: articles[i % 2] }));
        flooding.ws.send(JSON.stringify({ type: 'editing', articleId: articles[0] }));
        // The watcher hears where Flora ends up…
        await expect
          .poll(() => watching.messages.filter((m) => (m as { type: string }).type === 'editing').at(-1), {
            timeout: 10_000,
          })
          .toEqual({ type: 'editing', editing: [{ articleId: articles[0], name: 'Flora Flut' }] });
        await new Promise<void>((resolve) =>
          flooding.ws.send(JSON.stringify({ type: 'editing', articleId: null }), () => resolve()),
        );
        await expect
          .poll(() => watching.messages.filter((m) => (m as { type: string }).type === 'editing').at(-1), {
            timeout: 10_000,
          })
          .toEqual({ type: 'editing', editing: [] });
        // …in a few words, at most one for every quarter second the flood lasted (and a few to begin and end).
        const words = watching.messages.filter((m) => (m as { type: string }).type === 'editing').length;
        expect(words).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 250) + 4);
        for (const l of [watching, flooding]) l.ws.close();
      } finally {
        await stopped(one);
      }
    },
  );
});
