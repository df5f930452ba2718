import type { Pool, PoolClient } from 'pg';
import { Coalescer } from '@liaison/platform';
import { Checkpoint, START, StoredEvent } from '../event.types';
import { validateStreamId } from '../stream-id';
import { UpcasterRegistry } from '../upcasters';
import { EventFilter, eventFilterSql } from './event-filter';

export interface ReadStreamOptions {
  fromVersion?: number;
  toVersion?: number;
  /** Only events recorded at or before this time. */
  asOf?: Date;
  /** Skip upcasting: the events exactly as stored (for audit and hash checks). */
  raw?: boolean;
}

export interface ReadAllOptions {
  after?: Checkpoint;
  limit?: number;
  raw?: boolean;
  client?: Pool | PoolClient;
  /** Only the events that pass (the audit's history); the checkpoint is the last one's. */
  filter?: EventFilter;
}

export interface ReadAllResult {
  events: StoredEvent[];
  /** Where the next read continues; unchanged when nothing new was readable. */
  checkpoint: Checkpoint;
}

/** Where a stored event stands, found by its id. */
export interface StoredPlace {
  eventId: string;
  streamId: string;
  version: number;
  position: number;
}

const SELECT_COLUMNS = `position, transaction_id, stream_id, version, event_id, type, schema_version,
  data, metadata, recorded_at, encode(hash, 'hex') AS hash`;

interface EventRow {
  position: string;
  transaction_id: string;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: StoredEvent['data'];
  metadata: StoredEvent['metadata'];
  recorded_at: Date;
  hash: string;
}

/** Reads of the log: streams, the global order, and where events and streams stand. */
export class EventReader {
  /** Whole-stream reads of one turn of the event loop go to Postgres in one query. */
  private readonly wholeStreams = new Coalescer<string, StoredEvent[]>((ids) =>
    this.readWholeStreams(ids),
  );

  constructor(
    private readonly pool: Pool,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    validateStreamId(streamId);
    const { fromVersion, toVersion, asOf, raw } = options;
    if (fromVersion === undefined && toVersion === undefined && !asOf && !raw) {
      return this.wholeStreams.submit(streamId);
    }
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${SELECT_COLUMNS} FROM events
       WHERE stream_id = $1 AND version >= $2 AND version <= $3
         AND ($4::timestamptz IS NULL OR recorded_at <= $4)
       ORDER BY version`,
      [streamId, fromVersion ?? 1, toVersion ?? 2 ** 31 - 1, asOf ?? null],
    );
    return rows.map((r) => this.toStoredEvent(r, raw));
  }

  /** Several whole streams in one query, each in version order and upcast as readStream does. */
  async readStreams(
    streamIds: readonly string[],
    db: Pool | PoolClient = this.pool,
  ): Promise<Map<string, StoredEvent[]>> {
    streamIds.forEach(validateStreamId);
    if (streamIds.length === 0) return new Map();
    const { rows } = await db.query<EventRow>(
      `SELECT ${SELECT_COLUMNS} FROM events WHERE stream_id = ANY($1::text[])
       ORDER BY stream_id, version`,
      [streamIds],
    );
    const streams = new Map<string, StoredEvent[]>(streamIds.map((id) => [id, []]));
    for (const row of rows) streams.get(row.stream_id)?.push(this.toStoredEvent(row));
    return streams;
  }

  /**
   * Reads the global log after a checkpoint, in (transaction id, position) order, taking only
   * events of transactions older than every transaction still open. A later-committing event
   * with a lower position is therefore never skipped: it is simply not readable yet.
   */
  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const after = options.after ?? START;
    const limit = options.limit ?? 1000;
    const db = options.client ?? this.pool;
    const filter = eventFilterSql(options.filter, 4);
    const { rows } = await db.query<EventRow>(
      `SELECT ${SELECT_COLUMNS} FROM events
       WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         ${filter.sql}
       ORDER BY transaction_id, position
       LIMIT $3`,
      [after.transactionId, after.position, limit, ...filter.values],
    );
    const events = rows.map((r) => this.toStoredEvent(r, options.raw));
    const last = events[events.length - 1];
    return {
      events,
      checkpoint: last ? { transactionId: last.transactionId, position: last.position } : after,
    };
  }

  /** Where the events with these ids are stored, in global order (none stored: empty). */
  async placesOf(eventIds: string[], db: Pool | PoolClient = this.pool): Promise<StoredPlace[]> {
    const { rows } = await db.query<{
      event_id: string;
      stream_id: string;
      position: string;
      version: number;
    }>(
      `SELECT event_id, stream_id, position, version FROM events WHERE event_id = ANY($1::uuid[])
       ORDER BY position`,
      [eventIds],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      streamId: r.stream_id,
      version: r.version,
      position: Number(r.position),
    }));
  }

  async streamVersion(streamId: string, db: Pool | PoolClient = this.pool): Promise<number> {
    const { rows } = await db.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM events WHERE stream_id = $1',
      [streamId],
    );
    return rows[0].version ?? 0;
  }

  /** Highest global position written so far (for lag metrics). */
  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ p: string | null }>(
      'SELECT max(position) AS p FROM events',
    );
    return Number(rows[0].p ?? 0);
  }

  private async readWholeStreams(ids: string[]): Promise<PromiseSettledResult<StoredEvent[]>[]> {
    const streams = await this.readStreams(ids);
    // Each caller its own array (two callers may have asked for the same stream).
    return ids.map((id) => ({ status: 'fulfilled', value: [...(streams.get(id) ?? [])] }));
  }

  private toStoredEvent(r: EventRow, raw = false): StoredEvent {
    const stored: StoredEvent = {
      position: Number(r.position),
      transactionId: r.transaction_id,
      streamId: r.stream_id,
      version: r.version,
      eventId: r.event_id,
      type: r.type,
      schemaVersion: r.schema_version,
      data: r.data,
      metadata: r.metadata,
      recordedAt: r.recorded_at,
      hash: r.hash,
    };
    return raw ? stored : this.upcasters.upcast(stored);
  }
}
