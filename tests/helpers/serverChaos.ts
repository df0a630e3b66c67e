// Fault injection for the newsroom server's half of sync, shared by the test suite (50 desktops)
// and the benchmark (500): simulated desktops push edits and comments through a loopback proxy
// that cuts connections mid-request, send batches twice, while the server is killed (SIGKILL) and
// restarted. Afterwards every acknowledged record must be on the server exactly once, every
// desktop must pull the same records in the same order, and edits made on one revision all stand.
import crypto from 'node:crypto';
import type pg from 'pg';
import { addAccount } from '../../src/server/accounts';
import { migrate } from '../../src/server/db/migrations';
import type { PullResult, PushResult, SyncRecord } from '../../src/shared/server/sync';
import { cuttingProxy, rng, ServerProcess } from './faults';
import { commentRecord, revisionRecord } from './syncRecords';

export interface ServerChaosOptions {
  pgUrl: string;
  db: pg.Pool;
  desktops: number;
  steps: number;
  kills: number;
  seed: number;
}

export interface ServerChaosReport {
  /** What went wrong, each in words; empty when the run was whole. */
  problems: string[];
  records: number;
  acknowledged: number;
  /** Revisions edited on two sides or more (each shows as two heads or more). */
  forks: number;
  seconds: number;
}

interface Desktop {
  token: string;
  /** Records the server acknowledged (accepted or already had). */
  acknowledged: Set<string>;
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

export async function runServerChaos({ pgUrl, db, desktops: count, steps, kills, seed }: ServerChaosOptions): Promise<ServerChaosReport> {
  const started = performance.now();
  const problems: string[] = [];
  const random = rng(seed);
  await migrate(db);
  const server = new ServerProcess(pgUrl);
  await server.start();
  const proxy = await cuttingProxy(() => server.port, random, 0.2);
  const url = `http://127.0.0.1:${proxy.port}`;
  try {
    // Accounts and sign-in straight to the server (passwords are not what is tested here).
    const desktops: Desktop[] = [];
    for (let i = 0; i < count; i++) {
      const { password } = await addAccount(db, { name: `Desktop ${i}`, initials: `d${i}`, role: i % 5 === 0 ? 'desk' : 'journalist', desks: ['Politik'] });
      const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `Desktop ${i}`, password, device: `sim ${i}` }) });
      desktops.push({ token: ((await res.json()) as { token: string }).token, acknowledged: new Set() });
    }

    const shared: { articleId: string; head: string }[] = [];
    const killAt = new Set(Array.from({ length: kills }, (_, k) => Math.floor(((k + 1) * steps) / (kills + 1))));
    for (let step = 0; step < steps; step++) {
      if (killAt.has(step)) {
        // Killed mid-traffic: the pushes already under way meet a dead server and retry.
        const restart = server.kill('SIGKILL').then(() => server.start());
        await Promise.all([restart, ...desktops.slice(0, 5).map((d) => pushUntilAnswered(url, d, [revisionRecord(crypto.randomUUID(), [], {}, { desk: 'Politik' })]))]);
      }
      // Every desktop does something this step, all at once.
      await Promise.all(
        desktops.map(async (d, i) => {
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
          if (first.refused.length) problems.push(`desktop ${i}, step ${step}: refused ${JSON.stringify(first.refused)}`);
          then();
          // Delivered twice (a retry after an answer that was lost): nothing changes.
          if (random() < 0.3) {
            const again = await pushUntilAnswered(url, d, batch);
            const ids = batch.map((b) => b.id);
            if (again.accepted.length || again.refused.length || JSON.stringify(again.duplicates) !== JSON.stringify(ids)) problems.push(`desktop ${i}, step ${step}: a batch sent twice was taken as new: ${JSON.stringify(again)}`);
          }
        }),
      );
    }

    const { rows } = await db.query<{ id: string; n: number }>('SELECT id, count(*)::int AS n FROM records GROUP BY id');
    const onServer = new Set(rows.map((r) => r.id));
    for (const r of rows.filter((x) => x.n !== 1)) problems.push(`record ${r.id} is on the server ${r.n} times`);
    const acknowledged = new Set(desktops.flatMap((d) => [...d.acknowledged]));
    for (const id of acknowledged) if (!onServer.has(id)) problems.push(`record ${id} was acknowledged but is not on the server`);
    // Every desktop pulls the same records in the same order, each once.
    const pulled = await Promise.all(desktops.slice(0, 10).map((d) => pullAll(url, d.token)));
    const first = pulled[0]!.map((p) => `${p.seq}:${p.record.id}`);
    if (new Set(first).size !== first.length) problems.push('a pull gave a record twice');
    if (first.length !== onServer.size) problems.push(`a pull gave ${first.length} records of the server's ${onServer.size}`);
    pulled.forEach((p, i) => {
      if (p.map((x) => `${x.seq}:${x.record.id}`).join() !== first.join()) problems.push(`desktop ${i} pulled other records or another order than desktop 0`);
    });
    // Edits made on the same revision all stand: each parent with several children is two (or more) heads.
    const children = new Map<string, number>();
    for (const p of pulled[0]!) if (p.record.kind === 'revision') for (const parent of p.record.parents) children.set(parent, (children.get(parent) ?? 0) + 1);
    return { problems, records: onServer.size, acknowledged: acknowledged.size, forks: [...children.values()].filter((n) => n > 1).length, seconds: (performance.now() - started) / 1000 };
  } finally {
    proxy.close();
    await server.kill('SIGTERM');
  }
}
