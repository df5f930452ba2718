import { PoolClient } from 'pg';
import { Checkpoint, START } from '@liaison/event-store';
import { LIVE_SCHEMA, subscriptionName } from '../projection';
import { identifier, qualified } from '../sql-identifiers';
import { compareCheckpoints } from './checkpoint-order';
import { dropProjectionTables } from './projection-tables';
import { loadCheckpoint, replay, saveCheckpoint } from './replay';
import {
  DEFAULT_REPLAY_BATCH,
  REBUILD_SCHEMA,
  RebuildOptions,
  rebuildCheckpointName,
} from './rebuild.options';

const RETIRED_SCHEMA = 'projection_retired';

export async function swapWithRetries(
  client: PoolClient,
  o: RebuildOptions,
  from: Checkpoint,
): Promise<{ checkpoint: Checkpoint; events: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await swap(client, o, from);
    } catch (err) {
      // 55P03 lock_not_available: readers held the live tables longer than lockTimeoutMs.
      const code = (err as { code?: string }).code;
      if (code !== '55P03' || attempt >= 10) throw err;
    }
  }
}

/**
 * The one moment the live tables are locked: the rebuild catches up with the last events inside
 * this transaction, takes the live tables' place and moves the live checkpoint to its own. The
 * live runner is blocked meanwhile; when it resumes, its statements resolve to the new tables,
 * and anything it re-applies is at or below the rows' versions, so it changes nothing.
 */
async function swap(
  client: PoolClient,
  o: RebuildOptions,
  from: Checkpoint,
): Promise<{ checkpoint: Checkpoint; events: number }> {
  const { projection } = o;
  const live = o.liveSchema ?? LIVE_SCHEMA;
  const liveName = subscriptionName(projection.name);
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL lock_timeout = ${Math.round(o.lockTimeoutMs ?? 1000)}`);
    await client.query('SET LOCAL synchronous_commit TO on'); // the swap itself must be durable
    const liveTables = projection.tables.map((t) => qualified(live, t.name)).join(', ');
    await client.query(`LOCK TABLE ${liveTables} IN ACCESS EXCLUSIVE MODE`);
    const caughtUp = await replay(client, {
      pool: o.pool,
      store: o.store,
      projection,
      schema: REBUILD_SCHEMA,
      from,
      batchSize: o.batchSize ?? DEFAULT_REPLAY_BATCH,
      transactions: 'caller',
    });
    // The catch-up applied every readable event of the projection's streams, and everything
    // the live runner has read is readable now; so the live checkpoint may be further on only
    // over other streams' events, and the new tables are current at the later of the two.
    const liveCheckpoint = (await loadCheckpoint(client, liveName)) ?? START;
    const current =
      compareCheckpoints(caughtUp.checkpoint, liveCheckpoint) >= 0
        ? caughtUp.checkpoint
        : liveCheckpoint;
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${identifier(RETIRED_SCHEMA)}`);
    for (const t of projection.tables) {
      await client.query(`DROP TABLE IF EXISTS ${qualified(RETIRED_SCHEMA, t.name)}`);
      await client.query(
        `ALTER TABLE ${qualified(live, t.name)} SET SCHEMA ${identifier(RETIRED_SCHEMA)}`,
      );
      await client.query(
        `ALTER TABLE ${qualified(REBUILD_SCHEMA, t.name)} SET SCHEMA ${identifier(live)}`,
      );
    }
    await dropProjectionTables(client, projection, RETIRED_SCHEMA);
    await saveCheckpoint(client, liveName, current);
    await client.query('DELETE FROM subscription_checkpoints WHERE name = $1', [
      rebuildCheckpointName(projection),
    ]);
    await client.query('COMMIT');
    return { checkpoint: current, events: caughtUp.events };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
