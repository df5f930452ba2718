import { PoolClient } from 'pg';
import { Checkpoint, START } from '@liaison/event-store';
import { Projection } from '../projection';
import {
  createProjectionIndexes,
  createProjectionTables,
  projectionTablesExist,
} from './projection-tables';
import {
  DEFAULT_REPLAY_BATCH,
  REBUILD_SCHEMA,
  RebuildOptions,
  rebuildCheckpointName,
} from './rebuild.options';
import { loadCheckpoint, replay, saveCheckpoint } from './replay';
import { swapWithRetries } from './swap-in';

export interface RebuildResult {
  projection: string;
  /** Events applied by this run (a resumed run counts only its own). */
  events: number;
  resumed: boolean;
  checkpoint: Checkpoint;
  elapsedMs: number;
}

/**
 * Replays the whole log into fresh tables beside the live ones, then swaps them in: live
 * queries keep reading the old tables until one short transaction moves the new ones into
 * place together with the live checkpoint. Progress is committed batch by batch under its own
 * checkpoint, so a killed rebuild resumes where it stopped (or starts over with `restart`).
 */
export async function rebuildProjection(o: RebuildOptions): Promise<RebuildResult> {
  const started = Date.now();
  const { projection, store } = o;
  const cpName = rebuildCheckpointName(projection);
  const client = await o.pool.connect();
  let broken = false;
  try {
    await lockRebuild(client, projection);
    // Each batch commits rows and checkpoint together, so a crash can lose the last batches
    // but never split them: the rebuild redoes them. Not waiting for each flush is safe here.
    await client.query('SET synchronous_commit TO off');
    const resumedFrom = o.restart ? undefined : await resumable(client, projection, cpName);
    if (!resumedFrom) await prepareTables(client, projection, cpName);
    const head = await store.headPosition();
    const { checkpoint, events } = await replay(client, {
      pool: o.pool,
      store,
      projection,
      schema: REBUILD_SCHEMA,
      from: resumedFrom ?? START,
      batchSize: o.batchSize ?? DEFAULT_REPLAY_BATCH,
      checkpointName: cpName,
      transactions: 'batch',
      onBatch: (cp, n) =>
        o.onProgress?.({
          projection: projection.name,
          position: cp.position,
          headPosition: Math.max(head, cp.position),
          events: n,
        }),
    });
    await createProjectionIndexes(client, projection, REBUILD_SCHEMA);
    const swapped = await swapWithRetries(client, o, checkpoint);
    return {
      projection: projection.name,
      events: events + swapped.events,
      resumed: resumedFrom !== undefined,
      checkpoint: swapped.checkpoint,
      elapsedMs: Date.now() - started,
    };
  } catch (err) {
    broken = true;
    throw err;
  } finally {
    // Releasing a broken connection closes it, which also frees the session lock.
    if (!broken) {
      await client.query('RESET synchronous_commit').catch(() => {});
      await unlockRebuild(client, projection).catch(() => {});
    }
    client.release(broken);
  }
}

async function lockRebuild(client: PoolClient, projection: Projection): Promise<void> {
  const { rows } = await client.query<{ ok: boolean }>(
    'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
    [`projection-rebuild:${projection.name}`],
  );
  if (!rows[0].ok) throw new Error(`A rebuild of ${projection.name} is already running`);
}

async function unlockRebuild(client: PoolClient, projection: Projection): Promise<void> {
  await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [
    `projection-rebuild:${projection.name}`,
  ]);
}

/** A rebuild can resume when both its checkpoint and all its tables survived. */
async function resumable(
  client: PoolClient,
  projection: Projection,
  cpName: string,
): Promise<Checkpoint | undefined> {
  const cp = await loadCheckpoint(client, cpName);
  if (!cp) return undefined;
  return (await projectionTablesExist(client, projection, REBUILD_SCHEMA)) ? cp : undefined;
}

/** Tables and checkpoint appear in one transaction, so a resume never finds only one. */
async function prepareTables(
  client: PoolClient,
  projection: Projection,
  cpName: string,
): Promise<void> {
  await client.query('BEGIN');
  try {
    await createProjectionTables(client, projection, REBUILD_SCHEMA);
    await saveCheckpoint(client, cpName, START);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
