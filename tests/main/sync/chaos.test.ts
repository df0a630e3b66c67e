// Fault injection with real desktop stores: SQLite stores edit, comment, make status steps and
// sync (syncOnce, as the app's agent does) through a loopback proxy that cuts connections
// mid-request, while the server is SIGKILLed and started again. Afterwards every desktop and the server hold the same revision
// graph, each revision once, nothing saved on any desktop is missing, and every pair of edits made
// on one revision is there as two versions.
import crypto from 'node:crypto';
import path from 'node:path';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { addAccount } from '../../../src/server/accounts';
import { migrate } from '../../../src/server/db/migrations';
import { Store } from '../../../src/main/store/store';
import { DEFAULT_HOUSE_STYLE } from '../../../src/shared/houseStyle';
import { signInToServer, syncOnce } from '../../../src/main/sync/syncOnce';
import { seedArticle } from '../../helpers/articles';
import { cuttingProxy, rng, ServerProcess } from '../../helpers/faults';
import { NO_POSTGRES, usePostgres } from '../../helpers/postgres';
import { tempDir } from '../../helpers/tmp';

const DESKTOPS = Number(process.env.BYLINE_CHAOS_STORES ?? 6);
const STEPS = Number(process.env.BYLINE_CHAOS_STORE_STEPS ?? 12);
const SEED = Number(process.env.BYLINE_CHAOS_SEED ?? Date.now() % 1_000_000);
/** The steps each role takes in these runs (all of them allowed to it, so none is refused). */
const STEPS_FOR: Record<'journalist' | 'desk', readonly string[]> = { journalist: ['submitted'], desk: ['submitted', 'in-review', 'back-to-author'] };

/** Runs one after another on the same server, each with its own seed, accounts and desk (`npm run chaos` runs many). */
const RUNS = Number(process.env.BYLINE_CHAOS_RUNS ?? 1);

if (NO_POSTGRES) console.log(`skipped the desktop chaos test: ${NO_POSTGRES}`);

/** Every revision record id this store knows for each article: its own revisions and versions kept to choose. */
function graph(store: Store): Map<string, Set<string>> {
  const rows = store.db
    .prepare(
      `SELECT a.id AS article, s.record_id AS record FROM sync_revisions s JOIN articles a ON a.pk = s.article_pk
       UNION SELECT a.id, i.record_id FROM sync_incoming i JOIN articles a ON a.pk = i.article_pk`,
    )
    .all() as { article: string; record: string }[];
  const out = new Map<string, Set<string>>();
  for (const r of rows) out.set(r.article, (out.get(r.article) ?? new Set()).add(r.record));
  return out;
}

describe.skipIf(!!NO_POSTGRES)('desktop stores syncing under faults', () => {
  const pgs = usePostgres();

  it(`${DESKTOPS} stores, cut connections, the server killed twice: every store ends with the server's revision graph, nothing lost or doubled (${RUNS} run${RUNS === 1 ? '' : 's'})`, { timeout: 300_000 * RUNS }, async () => {
    await migrate(pgs.db());
    const server = new ServerProcess(pgs.cluster().url);
    await server.start();
    try {
      for (let run = 0; run < RUNS; run++) await oneRun(pgs.db(), server, SEED + run, run);
      if (RUNS > 1) console.log(`desktop chaos: ${RUNS} runs from seed ${SEED}, every one whole`);
    } finally {
      await server.kill('SIGTERM');
    }
  });
});

async function oneRun(db: pg.Pool, server: ServerProcess, seed: number, run: number): Promise<void> {
  console.log(`desktop chaos seed ${seed} (BYLINE_CHAOS_SEED=${seed} repeats this run)`);
  const random = rng(seed);
  const desk = `Politik ${run}`;
  const proxy = await cuttingProxy(() => server.port, random, 0.25);
  const url = `http://127.0.0.1:${proxy.port}`;
  const stores: Store[] = [];
  try {
    for (let i = 0; i < DESKTOPS; i++) {
      const name = `Platz ${run}.${i}`;
      const { password } = await addAccount(db, { name, initials: `p${i}`, role: i === 0 ? 'desk' : 'journalist', desks: [desk] });
      const store = Store.open(path.join(tempDir(), `desk-${run}-${i}.db`));
      await signInToServer(store, `http://127.0.0.1:${server.port}`, name, password, `chaos ${i}`);
      store.db.prepare('UPDATE sync_server SET url = ? WHERE id = 1').run(url);
      stores.push(store);
    }
    /** A round that may fail (a cut connection, a dead server): what waits stays for the next. */
    const tryRound = async (store: Store) => {
      try {
        await syncOnce(store);
      } catch (error) {
        expect((error as Error).message).toMatch(/cannot be reached|refused: HTTP 50|fetch failed|terminated|other side closed/);
      }
    };
    const kills = new Set([Math.floor(STEPS / 3), Math.floor((2 * STEPS) / 3)]);
    for (let step = 0; step < STEPS; step++) {
      const restart = kills.has(step) ? server.kill('SIGKILL').then(() => server.start()) : Promise.resolve();
      await Promise.all([
        restart,
        ...stores.map(async (store, i) => {
          const who = `Platz ${run}.${i}`;
          const mine = store.articles.list({ limit: 50 }).items;
          const r = random();
          if (r < 0.3 || !mine.length) store.articles.create({ ...seedArticle(), body: [], headline: `Neu ${i}.${step}` }, who);
          else if (r < 0.85) {
            const target = store.articles.get(mine[Math.floor(random() * mine.length)]!.id);
            store.articles.save({ ...target, teaser: `Fassung ${i}.${step} ${crypto.randomUUID().slice(0, 4)}` }, who);
          } else if (r < 0.93) {
            const target = mine[Math.floor(random() * mine.length)]!;
            store.comments.add(target.id, { anchor: { kind: 'field', field: 'headline' }, body: `Anmerkung ${i}.${step}` }, who);
          } else {
            // A status step the person's role allows from where this machine sees the article.
            const role = i === 0 ? 'desk' : 'journalist';
            const target = store.articles.get(mine[Math.floor(random() * mine.length)]!.id);
            const next = (DEFAULT_HOUSE_STYLE.transitions[target.status] ?? []).filter((to) => STEPS_FOR[role].includes(to));
            if (next.length) store.articles.setStatus(target.id, next[Math.floor(random() * next.length)]!, who, { role, revision: target.revision, reason: `Schritt ${i}.${step}` });
          }
          if (random() < 0.7) await tryRound(store);
        }),
      ]);
    }

    // The network heals: every store syncs until nothing is left to send or take.
    proxy.close();
    for (const store of stores) store.db.prepare('UPDATE sync_server SET url = ? WHERE id = 1').run(`http://127.0.0.1:${server.port}`);
    for (let round = 0; round < 3; round++) for (const store of stores) await syncOnce(store);

    const steps = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit WHERE kind = 'status-step' AND detail->>'article' IN (SELECT id::text FROM articles WHERE desk = $1)", [desk]);
    const { rows } = await db.query<{ article_id: string; id: string; n: number }>(
      "SELECT r.article_id, r.id::text, count(*) OVER (PARTITION BY r.id)::int AS n FROM records r JOIN articles a ON a.id = r.article_id WHERE r.kind = 'revision' AND a.desk = $1",
      [desk],
    );
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    const onServer = new Map<string, Set<string>>();
    for (const r of rows) onServer.set(r.article_id, (onServer.get(r.article_id) ?? new Set()).add(r.id));
    for (const store of stores) {
      // Nothing waits, nothing was refused, and this store's graph is the server's.
      expect(store.db.prepare('SELECT count(*) FROM sync_revisions WHERE pushed = 0 OR refused IS NOT NULL').pluck().get()).toBe(0);
      const mine = graph(store);
      expect([...mine.keys()].sort()).toEqual([...onServer.keys()].sort());
      for (const [article, ids] of onServer) expect([...mine.get(article)!].sort()).toEqual([...ids].sort());
    }
    // Comments: every store has every comment.
    const comments = stores.map((s) => (s.db.prepare('SELECT id FROM comments ORDER BY id').pluck().all() as string[]).join());
    for (const c of comments) expect(c).toBe(comments[0]);
    const heads = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM records r JOIN articles a ON a.id = r.article_id WHERE r.kind = 'revision' AND a.desk = $1 AND NOT EXISTS (SELECT 1 FROM records c WHERE r.id = ANY(c.parents))",
      [desk],
    );
    console.log(`desktop chaos: ${rows.length} revisions in ${onServer.size} articles on ${DESKTOPS} stores, ${steps.rows[0]!.n} status steps, ${heads.rows[0]!.n - onServer.size} versions waiting for a choice`);
  } finally {
    proxy.close();
    for (const s of stores) s.close();
  }
}
