// Fault injection for the newsroom server's half of sync (tests/helpers/serverChaos.ts): 50
// simulated desktops here, 500 in `npm run bench`, more with BYLINE_CHAOS_DESKTOPS.
import { describe, expect, it } from 'vitest';
import { NO_POSTGRES, usePostgres } from '../helpers/postgres';
import { runServerChaos } from '../helpers/serverChaos';

const DESKTOPS = Number(process.env.BYLINE_CHAOS_DESKTOPS ?? 50);
const STEPS = Number(process.env.BYLINE_CHAOS_STEPS ?? 4);
const KILLS = Number(process.env.BYLINE_CHAOS_KILLS ?? 2);
const SEED = Number(process.env.BYLINE_CHAOS_SEED ?? Date.now() % 1_000_000);

describe.skipIf(!!NO_POSTGRES)('sync under faults', () => {
  const pgs = usePostgres();

  it(
    `${DESKTOPS} desktops, connections cut, batches sent twice, edits late and out of order, the server killed ${KILLS} times during requests, PostgreSQL crashed under load: every desktop pulls every record once with its content, every fork stands`,
    { timeout: 600_000 },
    async () => {
      console.log(`chaos seed ${SEED} (BYLINE_CHAOS_SEED=${SEED} repeats this run)`);
      const report = await runServerChaos({
        pgUrl: pgs.cluster().url,
        db: pgs.db(),
        desktops: DESKTOPS,
        steps: STEPS,
        kills: KILLS,
        seed: SEED,
        restartDatabase: () => pgs.cluster().restart('immediate'),
      });
      expect(report.problems).toEqual([]);
      expect(report.acknowledged).toBe(report.records);
      expect(report.kills).toHaveLength(KILLS);
      expect(report.databaseRestarts).toHaveLength(1);
      for (const [k, inFlight] of report.kills.entries())
        console.log(`chaos: kill ${k + 1} with ${inFlight.length} request(s) in flight: ${inFlight.join(', ')}`);
      for (const inFlight of report.databaseRestarts)
        console.log(`chaos: PostgreSQL crashed with ${inFlight.length} request(s) in flight: ${inFlight.join(', ')}`);
      console.log(
        `chaos: ${report.records} records, ${report.acknowledged} acknowledged, ${report.late} edits delivered late, ${report.forks} revisions edited on two sides or more, all pulled by ${DESKTOPS} desktops with their content`,
      );
    },
  );
});
