/** Places for projection specs to write without touching anyone else's rows. */
import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { createDataSource, createPgPool, loadConfig, runMigrations } from '@liaison/platform';
import { Projection } from '../projection';
import { createProjectionIndexes, createProjectionTables } from '../rebuild/projection-tables';
import { identifier } from '../sql-identifiers';

export function testDatabaseUrl(): string {
  return loadConfig({ ...process.env, NODE_ENV: 'test' }).databaseUrl;
}

/** A schema in the shared test database with the projections' tables, for specs that apply
 * events directly (no event log involved). */
export async function createTestSchema(
  pool: Pool,
  projections: readonly Projection[],
): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `proj_test_${randomBytes(4).toString('hex')}`;
  const client = await pool.connect();
  try {
    for (const p of projections) {
      await createProjectionTables(client, p, schema);
      await createProjectionIndexes(client, p, schema);
    }
  } finally {
    client.release();
  }
  return {
    schema,
    drop: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${identifier(schema)} CASCADE`);
    },
  };
}

export interface ThrowawayDatabase {
  name: string;
  url: string;
  pool: Pool;
  drop: () => Promise<void>;
}

/** A migrated database of its own, for specs that need an event log nobody else appends to. */
export async function createThrowawayDatabase(poolSize = 10): Promise<ThrowawayDatabase> {
  const name = `liaison_proj_${randomBytes(5).toString('hex')}`;
  const adminUrl = testDatabaseUrl();
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${identifier(name)}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataSource = await createDataSource(url.toString()).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const pool = createPgPool(url.toString(), poolSize, 'liaison-projection-tests');
  return {
    name,
    url: url.toString(),
    pool,
    drop: async () => {
      await pool.end();
      await withClient(adminUrl, (c) =>
        c.query(`DROP DATABASE IF EXISTS ${identifier(name)} WITH (FORCE)`),
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
