import { PoolClient } from 'pg';
import { Projection } from '../projection';
import { identifier, qualified } from '../sql-identifiers';

export async function createProjectionTables(
  client: PoolClient,
  projection: Projection,
  schema: string,
): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${identifier(schema)}`);
  for (const table of projection.tables) {
    await client.query(`DROP TABLE IF EXISTS ${qualified(schema, table.name)}`);
    await client.query(table.createTable(schema));
  }
}

export async function createProjectionIndexes(
  client: PoolClient,
  projection: Projection,
  schema: string,
): Promise<void> {
  for (const table of projection.tables) {
    for (const sql of table.createIndexes(schema)) await client.query(sql);
    // Fresh tables have no statistics; the first queries after a swap need good plans.
    await client.query(`ANALYZE ${qualified(schema, table.name)}`);
  }
}

export async function dropProjectionTables(
  client: PoolClient,
  projection: Projection,
  schema: string,
): Promise<void> {
  for (const table of projection.tables) {
    await client.query(`DROP TABLE IF EXISTS ${qualified(schema, table.name)}`);
  }
}

export async function projectionTablesExist(
  client: PoolClient,
  projection: Projection,
  schema: string,
): Promise<boolean> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1 AND tablename = ANY($2)`,
    [schema, projection.tables.map((t) => t.name)],
  );
  return rows[0].n === projection.tables.length;
}
