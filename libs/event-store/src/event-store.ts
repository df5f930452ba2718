import { randomUUID } from 'node:crypto';
import { DatabaseError, Pool, PoolClient, QueryConfig } from 'pg';
import { eventBodyFromParts } from './event-hash';
import { ConcurrencyError, DuplicateEventIdError, InvalidAppendError } from './event-store.errors';
import {
  AppendResult,
  Checkpoint,
  ExpectedVersion,
  NewEvent,
  START,
  StoredEvent,
} from './event.types';
import { canonicalJson } from './canonical-json';
import { UpcasterRegistry } from './upcasters';

export const EVENTS_CHANNEL = 'liaison_events';

const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;
const EVENT_TYPE = /^[A-Z][A-Za-z0-9]{0,99}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BATCH = 10_000;
/** Wake-ups are coalesced to at most one NOTIFY per this many milliseconds per process. */
const NOTIFY_INTERVAL_MS = 5;

/**
 * One statement appends a whole batch: it finds the stream head, checks the expected version,
 * numbers the events and chains their hashes in SQL. A racing writer for the same version hits
 * the unique (stream_id, version) key, so there is no lock beyond the stream's own rows.
 * The chain walks the body array by index: joining a set in the recursive step made the planner
 * rescan the input once per event (quadratic in the batch size).
 */
const APPEND_BATCH_SQL = `
WITH RECURSIVE
  head AS (
    SELECT coalesce(last.version, 0) AS version, coalesce(last.hash, ''::bytea) AS hash
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (
      SELECT version, hash FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1
    ) AS last ON true
  ),
  chain AS (
    SELECT 1 AS ord, h.version + 1 AS version,
           sha256(h.hash || convert_to(($7::text[])[1], 'UTF8')) AS hash
    FROM head h
    WHERE $8::int IS NULL OR h.version = $8::int
    UNION ALL
    SELECT c.ord + 1, c.version + 1, sha256(c.hash || convert_to(($7::text[])[c.ord + 1], 'UTF8'))
    FROM chain c
    WHERE c.ord < cardinality($7::text[])
  )
INSERT INTO events (stream_id, version, event_id, type, schema_version, data, metadata, recorded_at, hash)
SELECT $1, c.version, i.event_id, i.type, i.schema_version, i.data, i.metadata, $9, c.hash
FROM chain c
JOIN unnest($2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[])
  WITH ORDINALITY AS i(event_id, type, schema_version, data, metadata, ord) USING (ord)
ORDER BY c.ord
RETURNING position, version`;

/** The same for exactly one event, the common case: no recursion, no arrays. */
const APPEND_ONE_SQL = `
INSERT INTO events (stream_id, version, event_id, type, schema_version, data, metadata, recorded_at, hash)
SELECT $1, coalesce(last.version, 0) + 1, $2::uuid, $3, $4::int, $5::jsonb, $6::jsonb, $9,
       sha256(coalesce(last.hash, ''::bytea) || convert_to($7::text, 'UTF8'))
FROM (SELECT 1) AS one
LEFT JOIN LATERAL (
  SELECT version, hash FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1
) AS last ON true
WHERE $8::int IS NULL OR coalesce(last.version, 0) = $8::int
RETURNING position, version`;

/**
 * One event to each of many streams, in one statement (a router records a batch of decisions).
 * A stream not at its expected version gets nothing and is left out of what the statement
 * returns; the caller decides again for those.
 */
const APPEND_TO_STREAMS_SQL = `
INSERT INTO events (stream_id, version, event_id, type, schema_version, data, metadata, recorded_at, hash)
SELECT i.stream_id, coalesce(last.version, 0) + 1, i.event_id, i.type, i.schema_version, i.data,
       i.metadata, $9, sha256(coalesce(last.hash, ''::bytea) || convert_to(i.body, 'UTF8'))
FROM unnest($1::text[], $2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[], $7::text[],
            $8::int[])
  WITH ORDINALITY AS i(stream_id, event_id, type, schema_version, data, metadata, body, expected, ord)
LEFT JOIN LATERAL (
  SELECT version, hash FROM events WHERE stream_id = i.stream_id ORDER BY version DESC LIMIT 1
) AS last ON true
WHERE i.expected IS NULL OR coalesce(last.version, 0) = i.expected
ORDER BY i.ord
RETURNING stream_id, position, version`;

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

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
  /** Append inside the caller's transaction; the caller commits. */
  client?: PoolClient;
}

/** One event for one stream, as part of appendToStreams. */
export interface StreamAppend {
  streamId: string;
  event: NewEvent;
  expectedVersion?: ExpectedVersion;
}

export interface StreamsAppendResult {
  appended: AppendResult[];
  /** Streams that were not at their expected version: nothing was written to them. */
  conflicts: string[];
}

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
}

export interface ReadAllResult {
  events: StoredEvent[];
  /** Where the next read continues; unchanged when nothing new was readable. */
  checkpoint: Checkpoint;
}

export class EventStore {
  private notifyPending = false;
  private lastNotifyAt = 0;

  constructor(
    private readonly pool: Pool,
    readonly upcasters: UpcasterRegistry = new UpcasterRegistry(),
  ) {}

  async append(
    streamId: string,
    events: NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedVersion ?? 'any';
    const expectedParam = expectedVersionParam(expected);
    validateStreamId(streamId);
    if (!Array.isArray(events) || events.length === 0) {
      throw new InvalidAppendError('events', 'must be a non-empty array');
    }
    if (events.length > MAX_BATCH) {
      throw new InvalidAppendError('events', `must hold at most ${MAX_BATCH} events`);
    }
    const recordedAt = new Date();
    const prepared = events.map((e, i) => prepareEvent(streamId, e, i, recordedAt));

    const db = options.client ?? this.pool;
    try {
      const { rows } = await db.query<{ position: string; version: number }>(
        appendStatement(streamId, prepared, expectedParam, recordedAt),
      );
      if (rows.length === 0) {
        return await this.resolveRejected(streamId, prepared, expected, db);
      }
      if (!options.client) this.scheduleNotify();
      const last = rows[rows.length - 1];
      return { streamId, version: last.version, position: Number(last.position), appended: true };
    } catch (err) {
      if (isUniqueViolation(err, 'events_event_id_key')) {
        if (options.client) throw err; // the caller's transaction is aborted; let it decide
        return this.resolveRejected(streamId, prepared, expected, db);
      }
      if (isUniqueViolation(err, 'events_stream_version_key')) {
        throw new ConcurrencyError(streamId, expected, undefined);
      }
      throw err;
    }
  }

  /**
   * Appends one event to each of several distinct streams in one statement, inside the caller's
   * transaction. Streams not at their expected version are skipped and listed as conflicts; a
   * racing writer that has not committed yet makes the statement fail (ConcurrencyError), and
   * the caller's transaction with it.
   */
  async appendToStreams(appends: StreamAppend[], client: PoolClient): Promise<StreamsAppendResult> {
    if (!Array.isArray(appends) || appends.length === 0) {
      throw new InvalidAppendError('appends', 'must be a non-empty array');
    }
    if (appends.length > MAX_BATCH) {
      throw new InvalidAppendError('appends', `must hold at most ${MAX_BATCH} appends`);
    }
    const recordedAt = new Date();
    const seen = new Set<string>();
    const prepared = appends.map((a, i) => {
      validateStreamId(a.streamId);
      if (seen.has(a.streamId)) {
        throw new InvalidAppendError(`appends[${i}].streamId`, 'must not repeat a stream');
      }
      seen.add(a.streamId);
      const expected = expectedVersionParam(a.expectedVersion ?? 'any');
      return {
        streamId: a.streamId,
        expected,
        ...prepareEvent(a.streamId, a.event, i, recordedAt),
      };
    });
    try {
      const { rows } = await client.query<{ stream_id: string; position: string; version: number }>(
        {
          name: 'liaison_append_to_streams',
          text: APPEND_TO_STREAMS_SQL,
          values: [
            prepared.map((p) => p.streamId),
            prepared.map((p) => p.eventId),
            prepared.map((p) => p.type),
            prepared.map((p) => p.schemaVersion),
            prepared.map((p) => p.dataJson),
            prepared.map((p) => p.metadataJson),
            prepared.map((p) => p.body),
            prepared.map((p) => p.expected),
            recordedAt,
          ],
        },
      );
      const appended = rows.map((r) => ({
        streamId: r.stream_id,
        version: r.version,
        position: Number(r.position),
        appended: true,
      }));
      const written = new Set(appended.map((a) => a.streamId));
      return {
        appended,
        conflicts: prepared.map((p) => p.streamId).filter((s) => !written.has(s)),
      };
    } catch (err) {
      if (isUniqueViolation(err, 'events_stream_version_key')) {
        throw new ConcurrencyError('(several streams)', 'any', undefined);
      }
      throw err;
    }
  }

  /** Wakes subscribers after the caller committed appends made in its own transaction. */
  announceAppends(): void {
    this.scheduleNotify();
  }

  /**
   * The append wrote nothing: either every event is already stored (an idempotent retry,
   * answered with the original result) or the stream was not at the expected version.
   */
  private async resolveRejected(
    streamId: string,
    prepared: PreparedEvent[],
    expected: ExpectedVersion,
    db: Pool | PoolClient,
  ): Promise<AppendResult> {
    const ids = prepared.map((p) => p.eventId);
    const { rows } = await db.query<{
      event_id: string;
      stream_id: string;
      position: string;
      version: number;
    }>(
      `SELECT event_id, stream_id, position, version FROM events WHERE event_id = ANY($1::uuid[])
       ORDER BY position`,
      [ids],
    );
    const elsewhere = rows.find((r) => r.stream_id !== streamId);
    if (elsewhere) throw new DuplicateEventIdError(elsewhere.event_id, elsewhere.stream_id);
    if (rows.length === ids.length) {
      const last = rows[rows.length - 1];
      return { streamId, version: last.version, position: Number(last.position), appended: false };
    }
    throw new ConcurrencyError(streamId, expected, await this.streamVersion(streamId, db));
  }

  async streamVersion(streamId: string, db: Pool | PoolClient = this.pool): Promise<number> {
    const { rows } = await db.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM events WHERE stream_id = $1',
      [streamId],
    );
    return rows[0].version ?? 0;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    validateStreamId(streamId);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${SELECT_COLUMNS} FROM events
       WHERE stream_id = $1 AND version >= $2 AND version <= $3
         AND ($4::timestamptz IS NULL OR recorded_at <= $4)
       ORDER BY version`,
      [streamId, options.fromVersion ?? 1, options.toVersion ?? 2 ** 31 - 1, options.asOf ?? null],
    );
    return rows.map((r) => this.toStoredEvent(r, options.raw));
  }

  /** Several whole streams in one query, each in version order and upcast as readStream does. */
  async readStreams(
    streamIds: readonly string[],
    db: Pool | PoolClient = this.pool,
  ): Promise<Map<string, StoredEvent[]>> {
    streamIds.forEach(validateStreamId);
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
    const { rows } = await db.query<EventRow>(
      `SELECT ${SELECT_COLUMNS} FROM events
       WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY transaction_id, position
       LIMIT $3`,
      [after.transactionId, after.position, limit],
    );
    const events = rows.map((r) => this.toStoredEvent(r, options.raw));
    const last = events[events.length - 1];
    return {
      events,
      checkpoint: last ? { transactionId: last.transactionId, position: last.position } : after,
    };
  }

  /** Highest global position written so far (for lag metrics). */
  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ p: string | null }>(
      'SELECT max(position) AS p FROM events',
    );
    return Number(rows[0].p ?? 0);
  }

  /**
   * Wakes subscribers after a commit. Sent outside the append's transaction (a NOTIFY inside it
   * would serialise all commits on Postgres's notify lock) and coalesced.
   */
  private scheduleNotify(): void {
    if (this.notifyPending) return;
    this.notifyPending = true;
    // A NOTIFY is a transaction of its own (an xid and a commit): at most one per interval, so
    // a busy writer does not double Postgres's commit work for wake-ups.
    const wait = Math.max(0, this.lastNotifyAt + NOTIFY_INTERVAL_MS - Date.now());
    setTimeout(() => {
      this.lastNotifyAt = Date.now();
      this.pool
        .query(`NOTIFY ${EVENTS_CHANNEL}`)
        .catch(() => {}) // subscribers poll as well; a lost wake-up only delays them
        .finally(() => (this.notifyPending = false));
    }, wait);
  }

  private toStoredEvent(r: EventRow, raw = false): StoredEvent {
    const [schemaVersion, data] =
      raw || this.upcasters.isEmpty
        ? [r.schema_version, r.data]
        : this.upcasters.apply(r.type, r.schema_version, r.data);
    return {
      position: Number(r.position),
      transactionId: r.transaction_id,
      streamId: r.stream_id,
      version: r.version,
      eventId: r.event_id,
      type: r.type,
      schemaVersion,
      data,
      metadata: r.metadata,
      recordedAt: r.recorded_at,
      hash: r.hash,
    };
  }
}

interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
  body: string;
}

function prepareEvent(streamId: string, e: NewEvent, i: number, recordedAt: Date): PreparedEvent {
  const at = `events[${i}]`;
  if (typeof e !== 'object' || e === null) throw new InvalidAppendError(at, 'must be an object');
  const eventId = e.eventId ?? randomUUID();
  if (typeof eventId !== 'string' || !UUID.test(eventId)) {
    throw new InvalidAppendError(`${at}.eventId`, 'must be a uuid');
  }
  if (typeof e.type !== 'string' || !EVENT_TYPE.test(e.type)) {
    throw new InvalidAppendError(`${at}.type`, 'must be a PascalCase event name');
  }
  const schemaVersion = e.schemaVersion ?? 1;
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw new InvalidAppendError(`${at}.schemaVersion`, 'must be a positive integer');
  }
  if (!isPlainObject(e.data)) throw new InvalidAppendError(`${at}.data`, 'must be a JSON object');
  if (!isPlainObject(e.metadata)) {
    throw new InvalidAppendError(`${at}.metadata`, 'must be a JSON object');
  }
  const dataJson = canonicalJson(e.data, `${at}.data`);
  const metadataJson = canonicalJson(e.metadata, `${at}.metadata`);
  const id = eventId.toLowerCase(); // Postgres prints uuids in lower case
  const body = eventBodyFromParts(
    { streamId, eventId: id, type: e.type, schemaVersion },
    dataJson,
    metadataJson,
    recordedAt,
  );
  return { eventId: id, type: e.type, schemaVersion, dataJson, metadataJson, body };
}

/**
 * Named statements are parsed and planned once per connection: planning the append cost Postgres
 * more than executing it (bench/store.bench.ts).
 */
function appendStatement(
  streamId: string,
  p: PreparedEvent[],
  expected: number | null,
  recordedAt: Date,
): QueryConfig {
  if (p.length === 1) {
    const [e] = p;
    return {
      name: 'liaison_append_one',
      text: APPEND_ONE_SQL,
      values: [
        streamId,
        e.eventId,
        e.type,
        e.schemaVersion,
        e.dataJson,
        e.metadataJson,
        e.body,
        expected,
        recordedAt,
      ],
    };
  }
  return {
    name: 'liaison_append_batch',
    text: APPEND_BATCH_SQL,
    values: [
      streamId,
      p.map((e) => e.eventId),
      p.map((e) => e.type),
      p.map((e) => e.schemaVersion),
      p.map((e) => e.dataJson),
      p.map((e) => e.metadataJson),
      p.map((e) => e.body),
      expected,
      recordedAt,
    ],
  };
}

function expectedVersionParam(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no_stream') return 0;
  if (typeof expected === 'number' && Number.isInteger(expected) && expected >= 1) return expected;
  throw new InvalidAppendError(
    'expectedVersion',
    `must be 'any', 'no_stream' or an integer ≥ 1 (got ${JSON.stringify(expected)})`,
  );
}

function validateStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || !STREAM_ID.test(streamId)) {
    throw new InvalidAppendError(
      'streamId',
      'must be 1–200 characters of letters, digits, _ . : -',
    );
  }
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  return err instanceof DatabaseError && err.code === '23505' && err.constraint === constraint;
}
