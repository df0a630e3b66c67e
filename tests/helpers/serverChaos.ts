// Fault injection for the newsroom server's half of sync, shared by the test suite (50 desktops)
// and the benchmark (500): simulated desktops push edits and comments through a loopback proxy
// that cuts connections mid-request and holds some requests back, send batches twice, hold some
// edits back for steps (so they arrive late, out of order, made on a revision others moved past),
// while the server is killed (SIGKILL) during requests and restarted, and PostgreSQL crashes. Afterwards every desktop
// pulls every acknowledged record once, in the same order, with the content it was sent with, and
// every edit made on one revision stands beside the others as a version to choose.
import crypto from 'node:crypto';
import type pg from 'pg';
import { addAccount } from '../../src/server/accounts';
import { migrate } from '../../src/server/db/migrations';
import type { PullResult, PushResult, SyncRecord } from '../../src/shared/server/sync';
import { cuttingProxy, deviceToken, killMidRequest, rng, ServerProcess } from './faults';
import { hash, revisionHash } from './syncContent';
import { commentRecord, revisionRecord } from './syncRecords';

export interface ServerChaosOptions {
  pgUrl: string;
  db: pg.Pool;
  desktops: number;
  steps: number;
  kills: number;
  seed: number;
  /** Crashes and restarts PostgreSQL (in the last step, while requests are in flight), when given. */
  restartDatabase?: () => Promise<void>;
}

export interface ServerChaosReport {
  /** What went wrong, each in words; empty when the run was whole. */
  problems: string[];
  records: number;
  acknowledged: number;
  /** Revisions edited on two sides or more (each shows as two heads or more). */
  forks: number;
  /** Each kill, with the requests that were in flight when it came. */
  kills: string[][];
  /** Each crash of PostgreSQL, with the requests that were in flight when it came. */
  databaseRestarts: string[][];
  /** Edits held back and delivered steps later. */
  late: number;
  seconds: number;
}

interface Desktop {
  token: string;
  /** Records the server acknowledged (accepted or already had). */
  acknowledged: Set<string>;
  /** Edits made at one step and pushed at a later one. */
  held: { due: number; batch: SyncRecord[]; then(): void }[];
}

/**
 * What a record says that its desktop decides, to compare what was sent with what every desktop
 * pulls (a comment's author and times are the server's, so only what was written is compared).
 */
function contentOf(r: SyncRecord): string {
  if (r.kind === 'revision') return `revision ${r.parents.join('+')} ${revisionHash(r.doc, r.note)}`;
  if (r.kind === 'comment')
    return `comment ${r.articleId} ${hash({ id: r.comment.id, parentId: r.comment.parentId, anchor: r.comment.anchor, body: r.comment.body })}`;
  return hash(r);
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
    } catch (error) {
      if (attempt > 200)
        throw new Error(`the server never answered (last: ${(error as Error).message})`, { cause: error });
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** Small pages, so every desktop's catch-up takes several and a page boundary is crossed many times. */
const PULL_PAGE = 37;

async function pullAll(url: string, token: string): Promise<PullResult['records']> {
  const all: PullResult['records'] = [];
  let since = 0;
  for (let attempt = 0; attempt < 500; attempt++) {
    try {
      const page = await request<PullResult>(url, token, 'GET', `/api/v1/pull?since=${since}&limit=${PULL_PAGE}`);
      all.push(...page.records);
      since = page.cursor;
      if (!page.more) return all;
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  throw new Error('could not pull everything');
}

export async function runServerChaos({
  pgUrl,
  db,
  desktops: count,
  steps,
  kills: killCount,
  seed,
  restartDatabase,
}: ServerChaosOptions): Promise<ServerChaosReport> {
  const started = performance.now();
  const problems: string[] = [];
  const random = rng(seed);
  await migrate(db);
  const server = new ServerProcess(pgUrl);
  await server.start();
  const proxy = await cuttingProxy(() => server.port, random, 0.2, 0.1);
  const url = `http://127.0.0.1:${proxy.port}`;
  try {
    // Accounts and sign-in straight to the server (passwords are not what is tested here).
    const desktops: Desktop[] = [];
    for (let i = 0; i < count; i++) {
      const { password } = await addAccount(db, {
        name: `Desktop ${i}`,
        initials: `d${i}`,
        role: i % 5 === 0 ? 'desk' : 'journalist',
        desks: ['Politik'],
      });
      const token = await deviceToken(`http://127.0.0.1:${server.port}`, `Desktop ${i}`, password, `sim ${i}`);
      desktops.push({ token, acknowledged: new Set(), held: [] });
    }

    const shared: { articleId: string; head: string }[] = [];
    /** Every record sent, by id: what it says. */
    const sent = new Map<string, string>();
    const kills: string[][] = [];
    const databaseRestarts: string[][] = [];
    let late = 0;
    const killAt = new Set(
      Array.from({ length: killCount }, (_, k) => Math.floor(((k + 1) * steps) / (killCount + 1))),
    );
    const deliver = async (d: Desktop, i: number, step: number, batch: SyncRecord[], then: () => void) => {
      for (const r of batch) sent.set(r.id, contentOf(r));
      const first = await pushUntilAnswered(url, d, batch);
      if (first.refused.length) problems.push(`desktop ${i}, step ${step}: refused ${JSON.stringify(first.refused)}`);
      then();
      // Delivered twice (a retry after an answer that was lost): nothing changes.
      if (random() < 0.3) {
        const again = await pushUntilAnswered(url, d, batch);
        const ids = batch.map((b) => b.id);
        if (again.accepted.length || again.refused.length || JSON.stringify(again.duplicates) !== JSON.stringify(ids))
          problems.push(`desktop ${i}, step ${step}: a batch sent twice was taken as new: ${JSON.stringify(again)}`);
      }
    };
    for (let step = 0; step < steps; step++)
      await oneStep(step).catch((error: Error) => {
        throw new Error(
          `${error.message}; the server process ${server.child?.exitCode === null ? 'runs' : `ended with ${server.child?.exitCode}`}; it printed: ${server.output.slice(-1500)}`,
        );
      });
    async function oneStep(step: number): Promise<void> {
      // Killed during requests: those under way meet a dead server and retry, as desktops do.
      const kill = killAt.has(step)
        ? killMidRequest(server, proxy, random).then((inFlight) => void kills.push(inFlight))
        : Promise.resolve();
      // PostgreSQL crashes under load: the server must outlive it and lose nothing it acknowledged.
      const crash =
        restartDatabase && step === steps - 1
          ? proxy.midRequest(random).then(async (inFlight) => {
              databaseRestarts.push(inFlight);
              await restartDatabase();
            })
          : Promise.resolve();
      // Every desktop does something this step, all at once; some deliver what they held back.
      await Promise.all([
        kill,
        crash,
        ...desktops.map(async (d, i) => {
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
            const rec = revisionRecord(target.articleId, [target.head], {
              headline: `Bearbeitet ${i}.${step}`,
              teaser: `Fassung ${crypto.randomUUID().slice(0, 6)}`,
              revision: 2,
            });
            batch = [rec];
            then = () => (target.head = rec.id);
          } else {
            const target = shared[Math.floor(random() * shared.length)]!;
            batch = [commentRecord(target.articleId, `Kommentar ${step}`)];
          }
          const due = d.held.filter((h) => h.due <= step);
          d.held = d.held.filter((h) => h.due > step);
          // Held back (a laptop that saved offline): delivered one to three steps later.
          if (random() < 0.15 && step < steps - 1) {
            d.held.push({ due: Math.min(steps - 1, step + 1 + Math.floor(random() * 3)), batch, then });
            late++;
          } else await deliver(d, i, step, batch, then);
          for (const h of due) await deliver(d, i, step, h.batch, h.then);
        }),
      ]);
    }
    for (const [i, d] of desktops.entries()) for (const h of d.held) await deliver(d, i, steps, h.batch, h.then);

    // (A record cannot be stored twice: its id is the table's key. Being pulled twice is what can happen, and is checked below.)
    const { rows } = await db.query<{ id: string }>('SELECT id FROM records');
    const onServer = new Set(rows.map((r) => r.id));
    const acknowledged = new Set(desktops.flatMap((d) => [...d.acknowledged]));
    for (const id of acknowledged)
      if (!onServer.has(id)) problems.push(`record ${id} was acknowledged but is not on the server`);
    for (const [k, inFlight] of [...kills, ...databaseRestarts].entries())
      if (!inFlight.length) problems.push(`fault ${k + 1} came when no request was in flight`);
    if (server.child?.exitCode !== null)
      problems.push(`the server process ended (exit code ${server.child?.exitCode})`);
    // Every desktop pulls every record once, in the same order, saying what it was sent with.
    const pulled = await Promise.all(desktops.map((d) => pullAll(url, d.token)));
    const first = pulled[0]!.map((p) => `${p.seq}:${p.record.id}`);
    if (new Set(first).size !== first.length) problems.push('a pull gave a record twice');
    if (first.length !== onServer.size)
      problems.push(`a pull gave ${first.length} records of the server's ${onServer.size}`);
    pulled.forEach((p, i) => {
      if (p.map((x) => `${x.seq}:${x.record.id}`).join() !== first.join())
        problems.push(`desktop ${i} pulled other records or another order than desktop 0`);
      for (const { record } of p)
        if (sent.get(record.id) !== contentOf(record))
          problems.push(`desktop ${i} pulled record ${record.id} with other content than was sent`);
    });
    // Edits made on the same revision all stand: the pulled graph has exactly the children each revision was given.
    const childrenOf = (records: Iterable<SyncRecord>) => {
      const children = new Map<string, number>();
      for (const r of records)
        if (r.kind === 'revision')
          for (const parent of r.parents) children.set(parent, (children.get(parent) ?? 0) + 1);
      return children;
    };
    const sentRecords = new Map<string, SyncRecord>();
    for (const p of pulled[0]!) sentRecords.set(p.record.id, p.record);
    const expected = childrenOf([...acknowledged].map((id) => sentRecords.get(id)).filter((r): r is SyncRecord => !!r));
    const found = childrenOf(pulled[0]!.map((p) => p.record));
    for (const [parent, n] of expected)
      if (found.get(parent) !== n)
        problems.push(
          `revision ${parent} was edited ${n} times but the server has ${found.get(parent) ?? 0} edits of it`,
        );
    const forks = [...found.values()].filter((n) => n > 1).length;
    return {
      problems,
      records: onServer.size,
      acknowledged: acknowledged.size,
      forks,
      kills,
      databaseRestarts,
      late,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    proxy.close();
    await server.kill('SIGTERM');
  }
}
