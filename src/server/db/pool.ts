import pg from 'pg';

/**
 * The server's connection pool. PostgreSQL may drop a connection at any time (a restart, a crash,
 * a failover, a terminated backend, an idle timeout): the pool forgets it and opens a new one for
 * the next query, and the server goes on. Without these listeners Node would end the process: the
 * pool's for idle connections, each connection's own while a request holds it between queries
 * (its next query then fails, that request alone is answered with an error, and the pool drops it).
 */
export function openPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  const lost = (error: Error) =>
    console.error(`byline-server: a database connection was lost (${error.message}); the next request opens a new one`);
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  return pool;
}
