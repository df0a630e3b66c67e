import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { findPostgresBin } from '../../src/server/pg/binaries';
import { startThrowawayCluster, type ThrowawayCluster } from '../../src/server/pg/throwawayCluster';
import { missingPrerequisite } from './prerequisites';

/**
 * Why the newsroom server's tests skip on a machine without PostgreSQL; under
 * BYLINE_REQUIRE_PREREQUISITES (CI) they fail instead.
 */
export const NO_POSTGRES = findPostgresBin()
  ? null
  : missingPrerequisite(
      "the newsroom server's tests",
      "PostgreSQL's initdb and pg_ctl were not found (apt-get install postgresql); they need a real database",
    );

/**
 * A real PostgreSQL for the file's tests: a throw-away cluster on 127.0.0.1 started before them
 * and stopped (its folder removed) after. `db()` is a pool on it.
 */
export function usePostgres(): { db(): pg.Pool; cluster(): ThrowawayCluster } {
  let cluster: ThrowawayCluster | null = null;
  let pool: pg.Pool | null = null;
  beforeAll(async () => {
    if (NO_POSTGRES) return;
    cluster = await startThrowawayCluster();
    pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
    // An idle connection cut as the cluster stops is expected here, not a failure of the tests.
    pool.on('error', () => undefined);
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await cluster?.stop();
  }, 60_000);
  return {
    db: () => pool!,
    cluster: () => cluster!,
  };
}
