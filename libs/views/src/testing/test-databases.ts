/** Places for projection specs to write without touching anyone else's rows. */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { Projection } from '../projection';
import { createProjectionIndexes, createProjectionTables } from '../rebuild/projection-tables';
import { identifier } from '../sql-identifiers';

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
