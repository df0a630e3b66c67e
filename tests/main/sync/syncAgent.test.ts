// The app's sync agent on two real SQLite stores and a real server on a real PostgreSQL: changes
// go out by themselves, arrive on the other machine through the live socket, wait while the
// server is down, and presence ("… is editing") reaches the other machine.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, revokeAccount } from '../../../src/server/accounts';
import { serve } from '../../../src/server/cli';
import { Store } from '../../../src/main/store/store';
import { SyncAgent } from '../../../src/main/sync/syncAgent';
import type { SyncStatus } from '../../../src/shared/model/syncStatus';
import { seedArticle } from '../../helpers/articles';
import { NO_POSTGRES, usePostgres } from '../../helpers/postgres';
import { serverContent, storeContent, syncProblems } from '../../helpers/syncContent';
import { tempDir } from '../../helpers/tmp';

const quiet = { out: () => undefined, err: () => undefined };

describe.skipIf(!!NO_POSTGRES)('the sync agent (what the app runs)', () => {
  const pgs = usePostgres();
  let passwords: Record<string, string>;
  beforeAll(async () => {
    if (NO_POSTGRES) return;
    const { migrate } = await import('../../../src/server/db/migrations');
    await migrate(pgs.db());
    passwords = {
      anna: (
        await addAccount(pgs.db(), { name: 'Anna Muster', initials: 'am', role: 'journalist', desks: ['Politik'] })
      ).password,
      dora: (await addAccount(pgs.db(), { name: 'Dora Desk', initials: 'dd', role: 'desk', desks: ['Politik'] }))
        .password,
      ben: (await addAccount(pgs.db(), { name: 'Ben', initials: 'bb', role: 'journalist', desks: ['Sport'] })).password,
    };
  });
  const stores: Store[] = [];
  const agents: SyncAgent[] = [];
  afterAll(async () => {
    for (const a of agents) await a.settle();
    for (const s of stores) s.close();
  });

  function desktop(name: string) {
    const store = Store.open(path.join(tempDir(), `${name}.db`));
    const seen: SyncStatus[] = [];
    const agent = new SyncAgent(store, (s) => seen.push(s), { retryMaxMs: 200 });
    stores.push(store);
    agents.push(agent);
    return { store, agent, seen, last: () => seen.at(-1) };
  }

  it('sends a save by itself, the other machine has it within a second, presence travels, and offline changes wait and go out', async () => {
    const server = await serve(pgs.db(), pgs.cluster().url, quiet, '127.0.0.1', 0);
    const port = Number(new URL(server.url).port);
    const anna = desktop('anna');
    const dora = desktop('dora');
    let running = server;
    try {
      await anna.agent.signIn(server.url, 'Anna Muster', passwords.anna!);
      await dora.agent.signIn(server.url, 'Dora Desk', passwords.dora!);
      await expect
        .poll(() => [anna.last()?.state, dora.last()?.state], { timeout: 5000 })
        .toEqual(['online', 'online']);

      const created = anna.store.articles.create({ ...seedArticle(), body: [] }, 'Anna Muster');
      const started = Date.now();
      anna.agent.localChange();
      await expect.poll(() => dora.store.articles.presence(created.id), { timeout: 1000, interval: 20 }).toBe('listed');
      console.log(`sync agent: a save reached the other machine after ${Date.now() - started} ms`);
      await expect.poll(() => dora.last()?.changed, { timeout: 1000 }).toEqual([created.id]);
      await expect.poll(() => anna.agent.status().waiting).toBe(0);

      // Presence: Dora opens the article; Anna's machine hears who, and that it is this article.
      dora.agent.setOpenArticle(created.id);
      await expect
        .poll(() => anna.last()?.editing, { timeout: 2000 })
        .toEqual([{ articleId: created.id, name: 'Dora Desk' }]);
      dora.agent.setOpenArticle(null);
      await expect.poll(() => anna.last()?.editing, { timeout: 2000 }).toEqual([]);

      // The server goes down: Anna's machine says offline, her saves wait and are counted.
      await running.stop();
      await expect.poll(() => anna.last()?.state, { timeout: 3000 }).toBe('offline');
      anna.store.articles.save(
        { ...anna.store.articles.get(created.id), headline: 'Im Zug geschrieben' },
        'Anna Muster',
      );
      anna.agent.localChange();
      await expect.poll(() => anna.last()?.waiting, { timeout: 2000 }).toBe(1);
      await expect.poll(() => anna.last()?.problem, { timeout: 2000 }).toMatch(/cannot be reached/);

      // It comes back on the same address: the change goes out and reaches Dora without anyone doing anything.
      running = await serve(pgs.db(), pgs.cluster().url, quiet, '127.0.0.1', port);
      await expect
        .poll(() => dora.store.articles.get(created.id).headline, { timeout: 3000, interval: 50 })
        .toBe('Im Zug geschrieben');
      expect(anna.agent.status()).toMatchObject({ state: 'online', waiting: 0, problem: null });
      // Judged by content: both machines hold both revisions with the server's text.
      const whole = async () =>
        syncProblems(
          new Map([
            ['anna', storeContent(anna.store)],
            ['dora', storeContent(dora.store)],
          ]),
          await serverContent(pgs.db(), [created.id]),
        );
      await expect.poll(whole, { timeout: 3000 }).toEqual([]);
      expect(dora.store.articles.revisionRecords(created.id).map((r) => r.doc.headline)).toEqual([
        created.headline,
        'Im Zug geschrieben',
      ]);
    } finally {
      await running.stop();
    }
  });

  it('an account revoked on the server stops the machine syncing and says so; what waits stays', async () => {
    const server = await serve(pgs.db(), pgs.cluster().url, quiet, '127.0.0.1', 0);
    const ben = desktop('ben');
    try {
      await ben.agent.signIn(server.url, 'Ben', passwords.ben!);
      await expect.poll(() => ben.last()?.state, { timeout: 5000 }).toBe('online');
      await revokeAccount(pgs.db(), 'Ben');
      ben.store.articles.create({ ...seedArticle(), body: [], headline: 'Nach dem Entzug' }, 'Ben');
      ben.agent.localChange();
      await expect.poll(() => ben.last()?.state, { timeout: 3000 }).toBe('refused');
      expect(ben.agent.status().waiting).toBe(1);
      // Wrong passwords are refused by name, and the machine stays as it was.
      await expect(ben.agent.signIn(server.url, 'Ben', 'falsch')).rejects.toThrow(/Signing in to/);
      await expect(ben.agent.signIn('ftp://example', 'Ben', 'x')).rejects.toThrow(/not a server address/);
    } finally {
      await server.stop();
    }
  });
});
