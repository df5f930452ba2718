import { Pool, PoolClient } from 'pg';
import { Checkpoint, EventStore, JsonObject } from '@liaison/event-store';
import { ProjectedEvent, Projection } from '../projection';

/**
 * Reads the log for one projection's replay: the store's order and visibility rule (transaction
 * id, position; only transactions older than every open one), but only the projection's streams,
 * only the columns projections use, and data only for the types it reads. On a rebuild that is
 * the difference between reading ~2.5 KB and ~0.3 KB per event.
 */
const READ_SQL = `
  SELECT position, transaction_id, stream_id, version, type, schema_version,
    CASE WHEN type = ANY($5::text[]) THEN data END AS data, recorded_at
  FROM events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
    AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
    AND starts_with(stream_id, $4)
  ORDER BY transaction_id, position
  LIMIT $3`;

interface Row {
  position: string;
  transaction_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: JsonObject | null;
  recorded_at: Date;
}

export async function readForReplay(
  db: Pool | PoolClient,
  store: EventStore,
  projection: Projection,
  after: Checkpoint,
  limit: number,
): Promise<ProjectedEvent[]> {
  const { rows } = await db.query<Row>(READ_SQL, [
    after.transactionId,
    after.position,
    limit,
    projection.streamPrefix,
    projection.readsDataOf,
  ]);
  const upcasters = store.upcasters;
  return rows.map((r) => ({
    position: Number(r.position),
    transactionId: r.transaction_id,
    streamId: r.stream_id,
    version: r.version,
    type: r.type,
    data:
      r.data === null
        ? {}
        : upcasters.isEmpty
          ? r.data
          : upcasters.apply(r.type, r.schema_version, r.data)[1],
    recordedAt: r.recorded_at,
  }));
}
