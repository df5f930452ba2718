import { Client, Pool, PoolClient } from 'pg';

export interface ReadSnapshot {
  client: PoolClient;
  /** Lets another connection read the very same snapshot (see joinSnapshot). */
  snapshotId: string;
}

/**
 * Runs `work` in a read-only repeatable-read transaction, so a long scan sees one consistent
 * log however many pages it takes, with times printed in UTC/ISO (what pgTimestampToIso reads)
 * and bytea in hex. The snapshot is exported, so helper connections can read exactly the same
 * events; pass `shareOf` (another transaction's exported id) to be such a helper.
 */
export async function withReadSnapshot<T>(
  pool: Pool,
  work: (s: ReadSnapshot) => Promise<T>,
  shareOf?: string,
): Promise<T> {
  const client = await pool.connect();
  try {
    await beginSnapshot(client, shareOf);
    const { rows } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    const result = await work({ client, snapshotId: rows[0].id });
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Starts a read transaction on `db`, on the snapshot another transaction exported if given. */
export async function beginSnapshot(db: PoolClient | Client, snapshotId?: string): Promise<void> {
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  if (snapshotId !== undefined) {
    if (!/^[0-9A-F-]+$/i.test(snapshotId)) throw new Error(`bad snapshot id "${snapshotId}"`);
    await db.query(`SET TRANSACTION SNAPSHOT '${snapshotId}'`);
  }
  await db.query(
    "SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO'; SET LOCAL bytea_output = 'hex'",
  );
}
