import { Pool } from 'pg';

export function createPgPool(databaseUrl: string, max: number, applicationName: string): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max, application_name: applicationName });
  return survivingLostConnections(pool);
}

/**
 * A pool whose connections may die (Postgres restarted, a backend terminated) without taking
 * the process with them. An idle connection that dies is reported on the pool; one checked out
 * reports on its client, where an 'error' event nobody listens to ends the process, even
 * between two queries of a transaction. Both are handled here: whoever holds the client sees
 * its next query fail, and the pool discards the client when it is released.
 */
export function survivingLostConnections(pool: Pool): Pool {
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}
