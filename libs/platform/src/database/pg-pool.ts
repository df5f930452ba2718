import { Pool } from 'pg';

export function createPgPool(databaseUrl: string, max: number, applicationName: string): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max, application_name: applicationName });
  // An idle client losing its connection (Postgres restart) must not crash the process.
  pool.on('error', () => {});
  return pool;
}
