// Fault injection with real desktop stores: SQLite stores edit, comment, make status steps and
// sync (syncOnce, as the app's agent does) through a loopback proxy that cuts connections
// mid-request and holds some back, while the server is SIGKILLed during requests and started
// again. Afterwards, judged by content (tests/helpers/syncContent.ts): every save made on any store
// is on the server and on every store with the text it was saved with, every fork on the server
// waits for a choice on every store, and every comment is in its latest state everywhere.
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
import { cuttingProxy, killMidRequest, rng, ServerProcess } from '../../helpers/faults';
import { NO_POSTGRES, usePostgres } from '../../helpers/postgres';
import { SaveLog, serverContent, storeContent, syncProblems } from '../../helpers/syncContent';
import { tempDir } from '../../helpers/tmp';

const DESKTOPS = Number(process.env.BYLINE_CHAOS_STORES ?? 6);
const STEPS = Number(process.env.BYLINE_CHAOS_STORE_STEPS ?? 12);
const SEED = Number(process.env.BYLINE_CHAOS_SEED ?? Date.now() % 1_000_000);
/** The steps each role takes in these runs (all of them allowed to it, so none is refused). */
const STEPS_FOR: Record<'journalist' | 'desk', readonly string[]> = {
  journalist: ['submitted'],
  desk: ['submitted', 'in-review', 'back-to-author'],
};

/** Runs one after another on the same server, each with its own seed, accounts and desk (`npm run chaos` runs many). */
const RUNS = Number(process.env.BYLINE_CHAOS_RUNS ?? 1);

describe.skipIf(!!NO_POSTGRES)('desktop stores syncing under faults', () => {
  const pgs = usePostgres();

  it(
    `${DESKTOPS} stores, cut and late connections, the server killed twice during requests: every save on every store with its own text, every fork waiting everywhere (${RUNS} run${RUNS === 1 ? '' : 's'})`,
    { timeout: 300_000 * RUNS },
    async () => {
      await migrate(pgs.db());
      const server = new ServerProcess(pgs.cluster().url);
      await server.start();
      try {
        for (let run = 0; run < RUNS; run++) await oneRun(pgs.db(), server, SEED + run, run);
        if (RUNS > 1) console.log(`desktop chaos: ${RUNS} runs from seed ${SEED}, every one whole`);
      } finally {
        await server.kill('SIGTERM');
      }
    },
  );
});

async function oneRun(db: pg.Pool, server: ServerProcess, seed: number, run: number): Promise<void> {
  console.log(`desktop chaos seed ${seed} (BYLINE_CHAOS_SEED=${seed} repeats this run)`);
  const random = rng(seed);
  const desk = `Politik ${run}`;
  const proxy = await cuttingProxy(() => server.port, random, 0.25, 0.1);
  const url = `http://127.0.0.1:${proxy.port}`;
  const stores: Store[] = [];
  // Every save as its store recorded it, to find it later on the server and on every store.
  const log = new SaveLog();
  const logSave = (i: number, articleId: string) => {
    const saved = stores[i]!.articles.revisionRecords(articleId).at(-1)!;
    log.note(`store ${i}`, saved.doc, saved.note);
  };
  try {
    for (let i = 0; i < DESKTOPS; i++) {
      const name = `Platz ${run}.${i}`;
      const { password } = await addAccount(db, {
        name,
        initials: `p${i}`,
        role: i === 0 ? 'desk' : 'journalist',
        desks: [desk],
      });
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
        expect((error as Error).message).toMatch(
          /cannot be reached|refused: HTTP 50|fetch failed|terminated|other side closed/,
        );
      }
    };
    const kills = new Set([Math.floor(STEPS / 3), Math.floor((2 * STEPS) / 3)]);
    const inFlightAtKills: string[][] = [];
    for (let step = 0; step < STEPS; step++) {
      // Killed while requests are in flight (every store syncs in that step, so some are).
      const restart = kills.has(step)
        ? killMidRequest(server, proxy, random).then((inFlight) => void inFlightAtKills.push(inFlight))
        : Promise.resolve();
      await Promise.all([
        restart,
        ...stores.map(async (store, i) => {
          const who = `Platz ${run}.${i}`;
          const mine = store.articles.list({ limit: 50 }).items;
          const r = random();
          if (r < 0.3 || !mine.length)
            logSave(i, store.articles.create({ ...seedArticle(), body: [], headline: `Neu ${i}.${step}` }, who).id);
          else if (r < 0.85) {
            const target = store.articles.get(mine[Math.floor(random() * mine.length)]!.id);
            store.articles.save({ ...target, teaser: `Fassung ${i}.${step} ${crypto.randomUUID().slice(0, 4)}` }, who);
            logSave(i, target.id);
            // Saved again before the next round: several revisions go out together, each with its own text.
            if (random() < 0.4) {
              store.articles.save({ ...store.articles.get(target.id), headline: `Titel ${i}.${step}` }, who);
              logSave(i, target.id);
            }
          } else if (r < 0.9) {
            const target = mine[Math.floor(random() * mine.length)]!;
            store.comments.add(
              target.id,
              { anchor: { kind: 'field', field: 'headline' }, body: `Anmerkung ${i}.${step}` },
              who,
            );
          } else if (r < 0.95) {
            // A thread resolved or reopened here while others may do the same: the later state must win everywhere.
            const threads = mine.flatMap((a) => store.comments.threads(a.id));
            const thread = threads[Math.floor(random() * threads.length)];
            if (thread) store.comments.setResolved(thread.id, !thread.resolvedAt, who);
          } else {
            // A status step the person's role allows from where this machine sees the article.
            const role = i === 0 ? 'desk' : 'journalist';
            const target = store.articles.get(mine[Math.floor(random() * mine.length)]!.id);
            const next = (DEFAULT_HOUSE_STYLE.transitions[target.status] ?? []).filter((to) =>
              STEPS_FOR[role].includes(to),
            );
            if (next.length) {
              store.articles.setStatus(target.id, next[Math.floor(random() * next.length)]!, who, {
                role,
                revision: target.revision,
                reason: `Schritt ${i}.${step}`,
              });
              logSave(i, target.id);
            }
          }
          if (kills.has(step) || random() < 0.7) await tryRound(store);
        }),
      ]);
    }

    for (const [k, inFlight] of inFlightAtKills.entries())
      console.log(`desktop chaos: kill ${k + 1} with ${inFlight.length} request(s) in flight: ${inFlight.join(', ')}`);
    expect(inFlightAtKills.map((r) => r.length > 0)).toEqual([true, true]);

    // The network heals: every store syncs until nothing is left to send or take.
    proxy.close();
    for (const store of stores)
      store.db.prepare('UPDATE sync_server SET url = ? WHERE id = 1').run(`http://127.0.0.1:${server.port}`);
    for (let round = 0; round < 3; round++) for (const store of stores) await syncOnce(store);

    const steps = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit WHERE kind = 'status-step' AND detail->>'article' IN (SELECT id::text FROM articles WHERE desk = $1)",
      [desk],
    );
    const { rows } = await db.query<{ id: string }>('SELECT id FROM articles WHERE desk = $1', [desk]);
    const onServer = await serverContent(
      db,
      rows.map((r) => r.id),
    );
    const contents = new Map(stores.map((s, i) => [`store ${i}`, storeContent(s)]));
    // Judged by content: every save on the server and on every store with its own text, every fork waiting on every store.
    expect(syncProblems(contents, onServer, log)).toEqual([]);
    for (const store of stores)
      expect(
        store.db.prepare('SELECT count(*) FROM sync_revisions WHERE pushed = 0 OR refused IS NOT NULL').pluck().get(),
      ).toBe(0);
    const revisions = [...onServer.values()].reduce((n, a) => n + a.revisions.size, 0);
    const forks = [...onServer.values()].reduce((n, a) => n + a.heads.length - 1, 0);
    const waiting = [...contents.values()].map((c) =>
      [...c.values()].reduce((n, a) => n + [...a.versions.values()].filter((v) => v.waiting).length, 0),
    );
    console.log(
      `desktop chaos: ${log.saves.length} saves, ${revisions} revisions in ${onServer.size} articles on ${DESKTOPS} stores, ${steps.rows[0]!.n} status steps, ${forks} versions waiting for a choice on the server; waiting in the stores: ${waiting.join(', ')}; every store holds every save with its text`,
    );
  } finally {
    proxy.close();
    for (const s of stores) s.close();
  }
}
