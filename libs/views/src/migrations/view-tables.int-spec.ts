import { Pool } from 'pg';
import { createPgPool } from '@liaison/platform';
import { LIVE_SCHEMA } from '../projection';
import { PROJECTIONS } from '../projections.registry';
import { testDatabaseUrl } from '../../../../test/support/throwaway-database';
import { createTestSchema } from '../testing/test-databases';

/** The live tables come from the frozen migrations beside this spec; rebuilds, checks and the
 * projections' specs create them from the one definition of each table (*.table.ts). They must
 * be the same tables, or a swap would change the schema under the queries. */
describe('view table definitions and the migrations', () => {
  let pool: Pool;
  beforeAll(() => {
    pool = createPgPool(testDatabaseUrl(), 2, 'liaison-projection-ddl');
  });
  afterAll(() => pool.end());

  async function shape(schema: string, tables: string[]) {
    const columns = await pool.query(
      `SELECT table_name, column_name, data_type, is_nullable, generation_expression,
         ordinal_position
       FROM information_schema.columns WHERE table_schema = $1 AND table_name = ANY($2)
       ORDER BY table_name, ordinal_position`,
      [schema, tables],
    );
    const indexes = await pool.query(
      `SELECT tablename, indexname, replace(indexdef, $1 || '.', '') AS def
       FROM pg_indexes WHERE schemaname = $1 AND tablename = ANY($2) ORDER BY indexname`,
      [schema, tables],
    );
    // Statistics targets set on a column (search_documents.document): they steer plans too.
    const statistics = await pool.query(
      `SELECT c.relname, a.attname, a.attstattarget
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relname = ANY($2) AND a.attnum > 0 AND a.attstattarget >= 0
       ORDER BY c.relname, a.attname`,
      [schema, tables],
    );
    return { columns: columns.rows, indexes: indexes.rows, statistics: statistics.rows };
  }

  it('creates exactly the tables, columns and indexes the migrations do', async () => {
    const { schema, drop } = await createTestSchema(pool, PROJECTIONS);
    try {
      const tables = PROJECTIONS.flatMap((p) => p.tables.map((t) => t.name));
      const live = await shape(LIVE_SCHEMA, tables);
      expect(live.columns.length).toBeGreaterThan(0);
      expect(await shape(schema, tables)).toEqual(live);
    } finally {
      await drop();
    }
  });
});
