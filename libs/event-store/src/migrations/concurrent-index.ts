/** What a migration's query runner offers: enough to build an index. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * `CREATE INDEX CONCURRENTLY`, for a migration with `transaction = false` on a table that is
 * written while it migrates (the event log): a plain build holds a SHARE lock, and every
 * append waits for it to finish. A concurrent build that failed half-way leaves an INVALID
 * index of that name behind; it is dropped and built again, and a valid one is left alone, so
 * a migration interrupted between two indexes can simply run again.
 */
export async function createIndexConcurrently(
  q: Queryable,
  name: string,
  definition: string,
): Promise<void> {
  const found = (await q.query(
    `SELECT i.indisvalid AS valid FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
      WHERE c.relname = $1 AND c.relnamespace = current_schema()::regnamespace`,
    [name],
  )) as { valid: boolean }[];
  if (found[0]?.valid) return;
  if (found.length > 0) await q.query(`DROP INDEX CONCURRENTLY ${name}`);
  await q.query(`CREATE INDEX CONCURRENTLY ${name} ${definition}`);
}
