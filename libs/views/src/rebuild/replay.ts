import { Pool, PoolClient } from 'pg';
import { Checkpoint, EventStore } from '@liaison/event-store';
import { Projection, ProjectionContext } from '../projection';
import { compareCheckpoints } from './checkpoint-order';
import { readForReplay } from './replay-reader';

export interface ReplayOptions {
  /** Reads the next page while the current one is applied (batch mode). */
  pool: Pool;
  store: EventStore;
  projection: Projection;
  schema: string;
  from: Checkpoint;
  /** Stop after this place in the log (inclusive); without it, stop when caught up. */
  until?: Checkpoint;
  batchSize: number;
  /** Moved with every batch, in the batch's transaction, so a killed replay resumes. */
  checkpointName?: string;
  /** 'batch': a transaction per batch; 'caller': the caller's open transaction holds them all. */
  transactions: 'batch' | 'caller';
  onBatch?: (checkpoint: Checkpoint, events: number) => void;
}

export interface ReplayResult {
  checkpoint: Checkpoint;
  events: number;
}

/**
 * Applies the log to a projection's tables in some schema: the engine of rebuild and check.
 * It reads in the store's order (events of transactions still open are not readable yet), so it
 * stops when a read comes back short, i.e. when it has caught up with what is committed. The
 * checkpoint is the last event of the projection's own streams that it applied.
 */
export async function replay(client: PoolClient, o: ReplayOptions): Promise<ReplayResult> {
  const ctx: ProjectionContext = {
    schema: o.schema,
    readStream: (streamId, fromVersion, toVersion) =>
      o.store.readStream(streamId, { fromVersion, toVersion }),
  };
  // In batch mode the next page is read on another connection while this one applies the
  // current page: a replay then costs about max(read, apply) per batch, not their sum.
  const prefetch = o.transactions === 'batch';
  const read = (after: Checkpoint) =>
    readForReplay(prefetch ? o.pool : client, o.store, o.projection, after, o.batchSize);
  let checkpoint = o.from;
  let total = 0;
  let pending = read(checkpoint);
  try {
    for (;;) {
      const page = await pending;
      const events = o.until
        ? page.filter((e) => compareCheckpoints(e, o.until as Checkpoint) <= 0)
        : page;
      if (events.length === 0) break;
      const last = events[events.length - 1];
      const next = { transactionId: last.transactionId, position: last.position };
      const more = events.length === page.length && page.length === o.batchSize;
      if (more && prefetch) pending = read(next);
      if (o.transactions === 'batch') await client.query('BEGIN');
      try {
        await o.projection.apply(events, client, ctx);
        if (o.checkpointName) await saveCheckpoint(client, o.checkpointName, next);
        if (o.transactions === 'batch') await client.query('COMMIT');
      } catch (err) {
        if (o.transactions === 'batch') await client.query('ROLLBACK').catch(() => {});
        throw err;
      }
      checkpoint = next;
      total += events.length;
      o.onBatch?.(checkpoint, total);
      if (!more) break;
      if (!prefetch) pending = read(next);
    }
  } finally {
    pending.catch(() => {}); // a prefetch abandoned by an error must not surface unhandled
  }
  return { checkpoint, events: total };
}

export async function loadCheckpoint(
  db: Pool | PoolClient,
  name: string,
): Promise<Checkpoint | undefined> {
  const { rows } = await db.query<{ transaction_id: string; position: string }>(
    'SELECT transaction_id, position FROM subscription_checkpoints WHERE name = $1',
    [name],
  );
  return rows[0] && { transactionId: rows[0].transaction_id, position: Number(rows[0].position) };
}

export async function saveCheckpoint(
  db: Pool | PoolClient,
  name: string,
  at: Checkpoint,
): Promise<void> {
  await db.query(
    `INSERT INTO subscription_checkpoints (name, transaction_id, position) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE
       SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position,
           updated_at = now()`,
    [name, at.transactionId, at.position],
  );
}
