// The newsroom server outlives what PostgreSQL does to its connections: a crash and restart, an
// operator's restart, a terminated backend. A real server process on a throw-away cluster; the
// desktop's live socket stays open across it and still hears of what arrives afterwards.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addAccount } from '../../src/server/accounts';
import { migrate } from '../../src/server/db/migrations';
import { deviceToken, ServerProcess } from '../helpers/faults';
import { NO_POSTGRES, usePostgres } from '../helpers/postgres';
import { revisionRecord } from '../helpers/syncRecords';

describe.skipIf(!!NO_POSTGRES)('the server when its database goes away', () => {
  const pgs = usePostgres();

  it(
    'answers again after PostgreSQL crashes, restarts and has its connections terminated; live news resumes',
    { timeout: 120_000 },
    async () => {
      await migrate(pgs.db());
      const { password } = await addAccount(pgs.db(), {
        name: 'Rita Restart',
        initials: 'rr',
        role: 'desk',
        desks: ['Politik'],
      });
      const server = new ServerProcess(pgs.cluster().url);
      await server.start();
      const url = `http://127.0.0.1:${server.port}`;
      const token = await deviceToken(url, 'Rita Restart', password);
      const messages: unknown[] = [];
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/v1/live`, {
        headers: { authorization: `Bearer ${token}` },
      });
      ws.on('message', (d) => messages.push(JSON.parse(d.toString())));
      await new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)));
      /** Pushes until the server answers (the first tries may meet a database still starting). */
      const push = async () => {
        const record = revisionRecord(crypto.randomUUID(), [], {}, { desk: 'Politik' });
        await expect
          .poll(
            async () =>
              (
                await fetch(`${url}/api/v1/push`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
                  body: JSON.stringify({ records: [record] }),
                }).catch(() => null)
              )?.status,
            { timeout: 30_000, interval: 200 },
          )
          .toBe(200);
        return record;
      };
      try {
        // Warm the pool: idle connections are what PostgreSQL cuts.
        await push();
        for (const mode of ['immediate', 'fast'] as const) {
          await pgs.cluster().restart(mode);
          await pgs
            .db()
            .query('SELECT 1')
            .catch(() => undefined);
          const record = await push();
          expect(server.child!.exitCode).toBeNull();
          const { rows } = await pgs.db().query<{ seq: string }>('SELECT seq FROM records WHERE id = $1', [record.id]);
          // The live socket was kept open across it, and hears of the new record once news flows again.
          await expect
            .poll(() => messages.some((m) => (m as { upTo?: number }).upTo === Number(rows[0]!.seq)), {
              timeout: 20_000,
            })
            .toBe(true);
        }
        // A request holding a connection between two queries when PostgreSQL cuts it: a push waits for
        // the lock pushes take (held here), and its backend is terminated while it waits.
        const holder = await pgs.db().connect();
        try {
          const pid = (
            await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_advisory_lock($1)', [0x6279_7379])
          ).rows[0]!.pid;
          const waiting = fetch(`${url}/api/v1/push`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ records: [revisionRecord(crypto.randomUUID(), [], {}, { desk: 'Politik' })] }),
          });
          await expect
            .poll(
              async () =>
                (
                  await holder.query(
                    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
                  )
                ).rows[0].n,
              { timeout: 10_000 },
            )
            .toBe(1);
          await holder.query(
            'SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a WHERE a.pid <> $1 AND a.datname = current_database()',
            [pid],
          );
          expect((await waiting).status).toBe(500);
          await holder.query('SELECT pg_advisory_unlock($1)', [0x6279_7379]);
        } finally {
          holder.release();
        }
        expect(server.child!.exitCode).toBeNull();
        // Every other backend terminated at once (as a failover or an operator does).
        await pgs
          .db()
          .query(
            'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()',
          );
        const record = await push();
        expect(server.child!.exitCode).toBeNull();
        const { rows } = await pgs.db().query<{ seq: string }>('SELECT seq FROM records WHERE id = $1', [record.id]);
        await expect
          .poll(() => messages.some((m) => (m as { upTo?: number }).upTo === Number(rows[0]!.seq)), { timeout: 20_000 })
          .toBe(true);
        expect(ws.readyState).toBe(WebSocket.OPEN);
      } finally {
        ws.close();
        await server.kill('SIGTERM');
      }
    },
  );
});
