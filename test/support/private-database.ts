import { Client } from 'pg';
import { createDataSource, runMigrations } from '@liaison/platform';

const SERVER = 'postgres://postgres@127.0.0.1:5432';

/**
 * A database of a spec's own, migrated: specs that run the relay see only their own events
 * (the relay reads the whole log) and their worker processes touch no one else's data.
 */
export async function createPrivateDatabase(name: string): Promise<string> {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = `${SERVER}/${name}`;
  const dataSource = await createDataSource(url).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  return url;
}

export async function dropPrivateDatabase(name: string): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
