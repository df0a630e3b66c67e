// The newsroom server under load, on a throw-away PostgreSQL and a real server process: how soon
// a push is heard by desktops listening live, how long a week's catch-up pull takes, and what 500
// desktops pushing at once do to it. Each figure has a baseline taken in the same run.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { hashPassword } from '../src/server/accounts';
import { migrate } from '../src/server/db/migrations';
import { startThrowawayCluster } from '../src/server/pg/throwawayCluster';
import { Store } from '../src/main/store/store';
import { syncOnce } from '../src/main/sync/syncOnce';
import { setSyncServer } from '../src/main/sync/syncState';
import type { PullResult } from '../src/shared/server/sync';
import { revisionRecord } from '../tests/helpers/syncRecords';
import { runServerChaos, type ServerChaosReport } from '../tests/helpers/serverChaos';
import { ms, summarize } from './stats';

const DESKTOPS = 500;
const CATCH_UP = 10_000;

/** Accounts and device tokens written straight into the database: set-up, not what is measured (each sign-in costs a deliberate 50 ms of scrypt). */
async function desktops(db: pg.Pool, n: number): Promise<string[]> {
  const hash = await hashPassword(crypto.randomBytes(12).toString('hex'));
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const { rows } = await db.query<{ id: string }>(
      "INSERT INTO accounts (name, initials, role, desks, password_hash) VALUES ($1, $2, 'journalist', '{Politik}', $3) RETURNING id",
      [`Bench ${i}`, `b${i}`, hash],
    );
    const token = crypto.randomBytes(32).toString('base64url');
    await db.query('INSERT INTO devices (account_id, name, token_sha256) VALUES ($1, $2, $3)', [
      rows[0]!.id,
      'bench',
      crypto.createHash('sha256').update(token).digest(),
    ]);
    tokens.push(token);
  }
  return tokens;
}

const post = (url: string, token: string, body: unknown) =>
  fetch(`${url}/api/v1/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  }).then(async (r) => {
    if (r.status !== 200) throw new Error(`push: HTTP ${r.status} ${await r.text()}`);
    return (await r.json()) as { accepted: { seq: number }[] };
  });

const newArticle = () => ({ records: [revisionRecord(crypto.randomUUID(), [], {}, { desk: 'Politik' })] });

export async function benchServer(): Promise<string[]> {
  const cluster = await startThrowawayCluster();
  const db = new pg.Pool({ connectionString: cluster.url, max: 8 });
  const server = spawn(process.execPath, [
    path.resolve('bin/byline-server.cjs'),
    'start',
    '--port',
    '0',
    '--pg',
    cluster.url,
  ]);
  try {
    await migrate(db);
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      server.once('exit', () => reject(new Error(out)));
    });
    const tokens = await desktops(db, DESKTOPS);
    const out = [
      `Newsroom server (PostgreSQL ${(await db.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version} in a throw-away cluster, one server process, all on this machine):`,
      '',
    ];

    // 1. A save on one desktop to the article showing on another: push, live notice, pull.
    const listeners = await Promise.all(
      tokens.slice(1, 21).map(
        (token) =>
          new Promise<{ ws: WebSocket; heard: Map<number, number>; token: string }>((resolve, reject) => {
            const ws = new WebSocket(`${url.replace('http', 'ws')}/api/v1/live`, {
              headers: { authorization: `Bearer ${token}` },
            });
            const heard = new Map<number, number>();
            ws.on('message', (m) => heard.set((JSON.parse(m.toString()) as { upTo: number }).upTo, performance.now()));
            ws.once('open', () => resolve({ ws, heard, token }));
            ws.once('error', reject);
          }),
      ),
    );
    const roundTrips: number[] = [];
    const shows: number[] = [];
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      const { accepted } = await post(url, tokens[0]!, newArticle());
      roundTrips.push(performance.now() - started);
      const seq = accepted[0]!.seq;
      // The first listener pulls once it hears: that is when the article shows on its desk.
      const first = listeners[0]!;
      while (![...first.heard.keys()].some((k) => k >= seq)) await new Promise((r) => setTimeout(r, 1));
      await fetch(`${url}/api/v1/pull?since=${seq - 1}&limit=10`, {
        headers: { authorization: `Bearer ${first.token}` },
      }).then((r) => r.json());
      shows.push(performance.now() - started);
    }
    for (const l of listeners) l.ws.close();
    const [show, trip] = [summarize(shows), summarize(roundTrips)];
    out.push(
      '| figure | Byline | baseline | ratio (median, p95) |',
      '|---|---|---|---|',
      `| save on one desktop → shows on another (push, live notice to 20 listeners, pull), 100 saves | ${ms(show.median)}, p95 ${ms(show.p95)} | the push's own round trip: ${ms(trip.median)}, p95 ${ms(trip.p95)} | **${(show.median / trip.median).toFixed(2)}×**, ${(show.p95 / trip.p95).toFixed(2)}× |`,
    );

    // 2. Catch-up after a week offline: 10,000 records pulled from the start.
    for (let i = 0; i < CATCH_UP; i += 500)
      await post(url, tokens[2]!, { records: Array.from({ length: 500 }, () => newArticle().records[0]!) });
    let started = performance.now();
    let since = 0;
    let pulled = 0;
    for (;;) {
      const page = (await fetch(`${url}/api/v1/pull?since=${since}&limit=1000`, {
        headers: { authorization: `Bearer ${tokens[3]}` },
      }).then((r) => r.json())) as PullResult;
      pulled += page.records.length;
      since = page.cursor;
      if (!page.more) break;
    }
    const catchUp = performance.now() - started;
    started = performance.now();
    await db.query('SELECT seq, body FROM records ORDER BY seq');
    const raw = performance.now() - started;
    out.push(
      `| catch-up: ${pulled.toLocaleString('en')} records pulled from the start, 1,000 a request | ${(catchUp / 1000).toFixed(2)} s | one SELECT of the same rows: ${(raw / 1000).toFixed(2)} s | **${(catchUp / raw).toFixed(2)}×** |`,
    );

    // The same catch-up into a real desktop store: every record stored in SQLite, each batch and
    // its cursor in one durable transaction.
    const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-bench-sync-'));
    const store = Store.open(path.join(storeDir, 'byline.db'));
    try {
      setSyncServer(store, { url, account: 'Bench 4', device: 'bench', token: tokens[4]! });
      started = performance.now();
      const report = await syncOnce(store);
      const applied = performance.now() - started;
      out.push(
        `| the same catch-up into a desktop's SQLite store (${report.pulled.toLocaleString('en')} records, 500 a batch) | ${(applied / 1000).toFixed(2)} s | the pull alone, as above: ${(catchUp / 1000).toFixed(2)} s | **${(applied / catchUp).toFixed(2)}×** |`,
      );
    } finally {
      store.close();
      fs.rmSync(storeDir, { recursive: true, force: true });
    }

    // 3. 500 desktops at work: each saves three times at random moments over 15 s (100 saves a
    // second in all, a busy newsroom's autosaves); then all of them at once, for the ceiling.
    const one: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await post(url, tokens[4]!, newArticle());
      one.push(performance.now() - t);
    }
    const alone = summarize(one);
    const timed = async (token: string, into: number[]) => {
      const t = performance.now();
      await post(url, token, newArticle());
      into.push(performance.now() - t);
    };
    const working: number[] = [];
    await Promise.all(
      tokens.flatMap((token) =>
        [0, 1, 2].map(
          () =>
            new Promise<void>((resolve) =>
              setTimeout(() => void timed(token, working).then(resolve), Math.random() * 15_000),
            ),
        ),
      ),
    );
    const burst: number[] = [];
    started = performance.now();
    await Promise.all(tokens.map((token) => timed(token, burst)));
    const ceiling = burst.length / ((performance.now() - started) / 1000);
    const [work, all] = [summarize(working), summarize(burst)];
    const peak = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1];
    out.push(
      `| ${DESKTOPS} desktops at work: 3 saves each at random moments over 15 s (100 saves/s) | a push ${ms(work.median)}, p95 ${ms(work.p95)} | one desktop alone: ${ms(alone.median)}, p95 ${ms(alone.p95)} | **${(work.median / alone.median).toFixed(1)}×**, ${(work.p95 / alone.p95).toFixed(1)}× |`,
      `| the same ${DESKTOPS} saving at the same instant | ${ceiling.toFixed(0)} saves/s; a push ${ms(all.median)}, p95 ${ms(all.p95)}; server peak memory ${peak ? `${Math.round(Number(peak) / 1024)} MB` : 'n/a'} | one desktop alone, as above | ${(all.median / alone.median).toFixed(0)}×, ${(all.p95 / alone.p95).toFixed(0)}× |`,
    );
    out.push('', ...(await chaosRuns()));
    return out;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    await db.end();
    await cluster.stop();
  }
}

/** One fault-injection run on a cluster of its own, so nothing measured above is in its count. */
async function chaosRun(desktops: number, seed: number): Promise<ServerChaosReport> {
  const cluster = await startThrowawayCluster();
  const db = new pg.Pool({ connectionString: cluster.url, max: 4 });
  // The bench's own idle connections are cut when PostgreSQL crashes in the run: expected here.
  db.on('error', () => undefined);
  try {
    return await runServerChaos({
      pgUrl: cluster.url,
      db,
      desktops,
      steps: 4,
      kills: 2,
      seed,
      restartDatabase: () => cluster.restart('immediate'),
    });
  } finally {
    await db.end();
    await cluster.stop();
  }
}

/**
 * 4. Fault injection at the benchmark's size (tests/helpers/serverChaos.ts): 500 desktops, a fifth
 * of connections cut and a tenth held back, batches sent twice, edits held back for steps, the
 * server SIGKILLed twice and PostgreSQL crashed once, each during requests; the suite's 50 are the baseline.
 */
async function chaosRuns(): Promise<string[]> {
  const seed = Date.now() % 1_000_000;
  const [base, big] = [await chaosRun(50, seed), await chaosRun(DESKTOPS, seed + 1)];
  const line = (n: number, r: ServerChaosReport, s: number) =>
    `| ${n} desktops (seed ${s}) | ${r.problems.length ? `**${r.problems.length} problems**: ${r.problems.slice(0, 3).join('; ')}` : 'whole'}: ${r.records.toLocaleString('en')} records, every acknowledged one pulled once by all ${n} desktops with its content, ${r.late} edits delivered late, ${r.forks} revisions edited on two sides; requests in flight at the kills ${r.kills.map((k) => k.length).join(' and ')}, at the database crash ${r.databaseRestarts.map((k) => k.length).join()} | ${r.seconds.toFixed(0)} s |`;
  return [
    'Fault injection (a fifth of connections cut mid-request and a tenth held back, three batches in ten sent twice, edits held back for steps, the server SIGKILLed twice and PostgreSQL crashed once, each while requests were in flight, 4 steps; afterwards every desktop pulls every acknowledged record once, in the same order, with the content it was sent with, and every fork stands):',
    '',
    '| run | outcome | time |',
    '|---|---|---|',
    line(50, base, seed),
    line(DESKTOPS, big, seed + 1),
    `| ratio, ${DESKTOPS} to 50 | | **${(big.seconds / base.seconds).toFixed(1)}×** |`,
  ];
}
