import { randomBytes } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { EventStore, START } from '@liaison/event-store';
import { LIVE_SCHEMA, Projection, subscriptionName } from '../projection';
import { identifier, qualified } from '../sql-identifiers';
import { createProjectionTables } from './projection-tables';
import { DEFAULT_REPLAY_BATCH } from './rebuild.options';
import { loadCheckpoint, replay } from './replay';

export interface RowDifference {
  table: string;
  key: string;
  /** The row as the live table has it (null: missing there). */
  live: Record<string, unknown> | null;
  /** The row as a replay from the log produces it (null: the replay has none). */
  rebuilt: Record<string, unknown> | null;
}

export interface CheckResult {
  projection: string;
  /** The live checkpoint both sides were compared at. */
  position: number;
  events: number;
  differences: RowDifference[];
  /** True when more differences exist than were listed. */
  truncated: boolean;
}

export interface CheckOptions {
  pool: Pool;
  store: EventStore;
  projection: Projection;
  liveSchema?: string;
  batchSize?: number;
  maxDifferences?: number;
}

/**
 * Replays the log into a throwaway schema and diffs it against the live tables. Both sides are
 * compared at the same place in the log: the live tables are copied together with the live
 * checkpoint in one repeatable-read snapshot (the live runner keeps going meanwhile), and the
 * replay stops exactly at that checkpoint.
 */
export async function checkProjection(o: CheckOptions): Promise<CheckResult> {
  const { projection } = o;
  const live = o.liveSchema ?? LIVE_SCHEMA;
  const shadow = `projection_check_${randomBytes(4).toString('hex')}`;
  const max = o.maxDifferences ?? 50;
  const client = await o.pool.connect();
  try {
    await createProjectionTables(client, projection, shadow);
    const at = await snapshotLive(client, projection, live, shadow);
    const { events } = await replay(client, {
      pool: o.pool,
      store: o.store,
      projection,
      schema: shadow,
      from: START,
      until: at,
      batchSize: o.batchSize ?? DEFAULT_REPLAY_BATCH,
      transactions: 'batch',
    });
    const differences: RowDifference[] = [];
    let truncated = false;
    for (const table of projection.tables) {
      const found = await diffTable(client, shadow, table.name, table.keyColumn, max + 1);
      differences.push(...found);
      truncated ||= differences.length > max;
    }
    return {
      projection: projection.name,
      position: at.position,
      events,
      differences: differences.slice(0, max),
      truncated,
    };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${identifier(shadow)} CASCADE`).catch(() => {});
    client.release();
  }
}

/** Copies every live table as `<name>__live` into the shadow schema, in one snapshot with the
 * live checkpoint, so rows and checkpoint belong to the same moment. */
async function snapshotLive(
  client: PoolClient,
  projection: Projection,
  live: string,
  shadow: string,
) {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  try {
    const at = (await loadCheckpoint(client, subscriptionName(projection.name))) ?? START;
    for (const t of projection.tables) {
      await client.query(
        `CREATE TABLE ${qualified(shadow, `${t.name}__live`)} AS
         SELECT * FROM ${qualified(live, t.name)}`,
      );
    }
    await client.query('COMMIT');
    return at;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

async function diffTable(
  client: PoolClient,
  shadow: string,
  table: string,
  key: string,
  limit: number,
): Promise<RowDifference[]> {
  const k = identifier(key);
  const { rows } = await client.query<{
    key: string;
    live: Record<string, unknown> | null;
    rebuilt: Record<string, unknown> | null;
  }>(
    `SELECT coalesce(l.${k}, r.${k})::text AS key, to_jsonb(l) AS live, to_jsonb(r) AS rebuilt
     FROM ${qualified(shadow, `${table}__live`)} l
     FULL JOIN ${qualified(shadow, table)} r ON l.${k} = r.${k}
     WHERE to_jsonb(l) IS DISTINCT FROM to_jsonb(r)
     ORDER BY 1
     LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ table, key: r.key, live: r.live, rebuilt: r.rebuilt }));
}
