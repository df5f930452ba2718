import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { createDataSource, createPgPool, loadConfig, runMigrations } from '@liaison/platform';

/** The test database's address (NODE_ENV=test selects it: never the app's database). */
export function testDatabaseUrl(): string {
  return loadConfig({ ...process.env, NODE_ENV: 'test' }).databaseUrl;
}

export interface ThrowawayDatabase {
  name: string;
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of a spec's own, with a pool on it: for specs that tamper with the
 * log or need a log nobody else appends to (the shared test database is in use by other specs).
 */
export async function createThrowawayDatabase(
  prefix: string,
  poolSize = 10,
): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const url = await createPrivateDatabase(name);
  const pool = createPgPool(url, poolSize, `${prefix.replaceAll('_', '-')}-tests`);
  return {
    name,
    url,
    pool,
    drop: async () => {
      await pool.end();
      await dropPrivateDatabase(name);
    },
  };
}

/**
 * A migrated database by name (dropped first if a crashed run left it behind), on the test
 * database's server: for specs whose worker processes connect by URL and see only their own
 * events (the relay reads the whole log).
 */
export async function createPrivateDatabase(name: string): Promise<string> {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  const dataSource = await createDataSource(url.toString()).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  return url.toString();
}

export async function dropPrivateDatabase(name: string): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

async function admin(sql: string): Promise<void> {
  const url = new URL(testDatabaseUrl());
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
