import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { createDataSource, loadConfig, runMigrations } from '../libs/platform/src';

/**
 * Before any spec: services up, the test database migrated. Under CI the database is dropped
 * and made anew first, so a run never depends on what an earlier run left behind.
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  const { databaseUrl } = loadConfig();
  if (process.env.CI === 'true') await dropDatabase(databaseUrl);
  execFileSync('node', ['scripts/ensure-services.mjs', '--test'], { stdio: 'inherit' });
  const dataSource = await createDataSource(databaseUrl).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } catch {
    // Postgres not up yet: the services script starts it and the database is created fresh.
  } finally {
    await client.end().catch(() => {});
  }
}
