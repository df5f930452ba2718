import { Client, Pool, PoolClient } from 'pg';

/** Every column comes back as the text Postgres sent: parsing is left to the code that needs it. */
export const TEXT_ONLY = { getTypeParser: () => (value: string) => value };

export type RawRow = string[];

export interface KeysetQuery {
  /** SQL with the keyset values as $1..$k and the page size as the last parameter. */
  sql: string;
  /** The parameters before the page size for the first page (the keyset to start after). */
  start: unknown[];
  /** The same for the page after a given row. */
  keyOf(row: RawRow): unknown[];
  pageSize: number;
}

/**
 * Keyset-paged raw rows (arrays of strings, no per-row objects or type parsing), with the next
 * page already requested while the caller works on the current one, so Postgres and Node run
 * side by side.
 */
export async function* keysetPages(
  db: Pool | PoolClient | Client,
  q: KeysetQuery,
): AsyncGenerator<RawRow[]> {
  const fetch = (key: unknown[]): Promise<RawRow[]> => {
    const pending = db
      .query<RawRow>({
        text: q.sql,
        values: [...key, q.pageSize],
        rowMode: 'array',
        types: TEXT_ONLY,
      })
      .then((r) => r.rows);
    pending.catch(() => {}); // awaited below; this only stops an early exit leaving it unhandled
    return pending;
  };
  let next = fetch(q.start);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) return;
    next = rows.length < q.pageSize ? Promise.resolve([]) : fetch(q.keyOf(rows[rows.length - 1]));
    yield rows;
  }
}

/** One query's rows as raw text arrays. */
export async function rawRows(
  db: Pool | PoolClient | Client,
  sql: string,
  values: unknown[],
): Promise<RawRow[]> {
  const result = await db.query<RawRow>({ text: sql, values, rowMode: 'array', types: TEXT_ONLY });
  return result.rows;
}
