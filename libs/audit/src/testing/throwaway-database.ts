import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { createDataSource, createPgPool, loadConfig, runMigrations } from '@liaison/platform';

export interface ThrowawayDatabase {
  name: string;
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own, for specs that tamper with the log: the shared test
 * database is used by other specs at the same time and must stay intact.
 */
export async function createThrowawayDatabase(
  prefix = 'liaison_audit',
): Promise<ThrowawayDatabase> {
  const base = new URL(
    process.env.TEST_DATABASE_URL ?? loadConfig({ ...process.env, NODE_ENV: 'test' }).databaseUrl,
  );
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  const dataSource = await createDataSource(url.toString()).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const pool = createPgPool(url.toString(), 10, 'liaison-audit-tests');
  return {
    name,
    url: url.toString(),
    pool,
    drop: async () => {
      await pool.end();
      await withClient(admin.toString(), (c) =>
        c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
