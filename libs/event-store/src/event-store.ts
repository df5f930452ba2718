import { randomUUID } from 'node:crypto';
import { DatabaseError, Pool, PoolClient, QueryConfig } from 'pg';
import { eventBodyText } from './event-hash';
import { ConcurrencyError, DuplicateEventIdError, InvalidAppendError } from './event-store.errors';
import {
  AppendResult,
  Checkpoint,
  ExpectedVersion,
  NewEvent,
  START,
  StoredEvent,
} from './event.types';
import { Coalescer } from '@liaison/platform';
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
 * One event to each of many streams, in one statement: concurrent single appends (coalesced)
 * and a router's batch of decisions. A stream not at its expected version gets nothing and is
 * left out of what the statement returns.
 */
const APPEND_TO_STREAMS_SQL = `
INSERT INTO events (stream_id, version, event_id, type, schema_version, data, metadata, recorded_at, hash)
SELECT i.stream_id, coalesce(last.version, 0) + 1, i.event_id, i.type, i.schema_version, i.data,
       i.metadata, i.recorded_at, sha256(coalesce(last.hash, ''::bytea) || convert_to(i.body, 'UTF8'))
FROM unnest($1::text[], $2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[], $7::text[],
            $8::int[], $9::timestamptz[])
  AS i(stream_id, event_id, type, schema_version, data, metadata, body, expected, recorded_at)
LEFT JOIN LATERAL (
  SELECT version, hash FROM events WHERE stream_id = i.stream_id ORDER BY version DESC LIMIT 1
) AS last ON true
WHERE i.expected IS NULL OR coalesce(last.version, 0) = i.expected
ORDER BY i.stream_id -- one order for every writer: two statements never wait on each other
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

export interface EventStoreOptions {
  /**
   * Coalesce concurrent single-event appends into one statement (default true). Off, each
   * append is a statement of its own (the benchmark measures both).
   */
  coalesce?: boolean;
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
  /** Single-event appends of one turn of the event loop go to Postgres in one statement. */
  private readonly singleAppends = new Coalescer<SingleAppend, AppendResult>((items) =>
    this.appendSingles(items),
  );
  /** Whole-stream reads of one turn go to Postgres in one query. */
  private readonly streamReads = new Coalescer<string, StoredEvent[]>((ids) =>
    this.readWholeStreams(ids),
  );

  constructor(
    private readonly pool: Pool,
    readonly upcasters: UpcasterRegistry = new UpcasterRegistry(),
    private readonly options: EventStoreOptions = {},
  ) {}

  async append(
    streamId: string,
    events: NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedVersion ?? 'any';
    expectedVersionParam(expected); // refuses an unknown form before anything else
    validateStreamId(streamId);
    if (!Array.isArray(events) || events.length === 0) {
      throw new InvalidAppendError('events', 'must be a non-empty array');
    }
    if (events.length > MAX_BATCH) {
      throw new InvalidAppendError('events', `must hold at most ${MAX_BATCH} events`);
    }
    const recordedAt = new Date();
    const prepared = events.map((e, i) => prepareEvent(streamId, e, i, recordedAt));
    if (!options.client && prepared.length === 1 && this.options.coalesce !== false) {
      return this.singleAppends.submit({ streamId, event: prepared[0], expected });
    }
    return this.appendNow(streamId, prepared, expected, options.client);
  }

  /** One statement for one stream's events, in the caller's transaction when given. */
  private async appendNow(
    streamId: string,
    prepared: PreparedEvent[],
    expected: ExpectedVersion,
    client?: PoolClient,
  ): Promise<AppendResult> {
    const db = client ?? this.pool;
    try {
      const { rows } = await db.query<{ position: string; version: number }>(
        appendStatement(streamId, prepared, expectedVersionParam(expected)),
      );
      if (rows.length === 0) {
        return await this.resolveRejected(streamId, prepared, expected, db);
      }
      if (!client) this.scheduleNotify();
      const last = rows[rows.length - 1];
      return { streamId, version: last.version, position: Number(last.position), appended: true };
    } catch (err) {
      if (isUniqueViolation(err, 'events_event_id_key')) {
        if (client) throw err; // the caller's transaction is aborted; let it decide
        return this.resolveRejected(streamId, prepared, expected, db);
      }
      if (isUniqueViolation(err, 'events_stream_version_key')) {
        throw new ConcurrencyError(streamId, expected, undefined);
      }
      throw err;
    }
  }

  /**
   * Concurrent single-event appends, coalesced: the first append of each stream goes into one
   * statement (one round trip, one commit for all); any later append of the same stream runs on
   * its own afterwards, so it sees the first one's outcome (with a single stream in the turn,
   * every append simply runs on its own). Should the shared statement fail on a conflict (a
   * racing writer, an event id stored before, a deadlock), every append of it runs again on its
   * own, and each caller gets exactly the answer it would have had alone.
   */
  private async appendSingles(
    items: SingleAppend[],
  ): Promise<PromiseSettledResult<AppendResult>[]> {
    const alone = (a: SingleAppend) => this.appendNow(a.streamId, [a.event], a.expected);
    const firsts = new Map<string, SingleAppend>();
    for (const item of items) if (!firsts.has(item.streamId)) firsts.set(item.streamId, item);
    if (firsts.size < 2) return settle(items, alone);

    const group = [...firsts.values()];
    const outcomes = new Map<SingleAppend, Promise<AppendResult>>();
    try {
      const rows = await this.appendToStreamsQuery(this.pool, group);
      if (rows.length > 0) this.scheduleNotify();
      const written = new Map(rows.map((r) => [r.stream_id, r]));
      for (const a of group) {
        const row = written.get(a.streamId);
        outcomes.set(
          a,
          row
            ? Promise.resolve(toAppendResult(row))
            : this.resolveRejected(a.streamId, [a.event], a.expected, this.pool),
        );
      }
    } catch (err) {
      // A racing writer or a repeated event id: each append on its own gets its own answer.
      // Anything else (a lost connection, a timeout) is every caller's answer: retrying them
      // one by one would only add load to a struggling database.
      if (!isRetryableAlone(err)) return items.map(() => ({ status: 'rejected', reason: err }));
      for (const a of group) outcomes.set(a, alone(a));
    }
    await Promise.allSettled(outcomes.values());
    return settle(items, (a) => outcomes.get(a) ?? alone(a));
  }

  private async appendToStreamsQuery(
    db: Pool | PoolClient,
    appends: { streamId: string; event: PreparedEvent; expected: ExpectedVersion }[],
  ) {
    const { rows } = await db.query<AppendedRow>({
      name: 'liaison_append_to_streams',
      text: APPEND_TO_STREAMS_SQL,
      values: [
        appends.map((a) => a.streamId),
        appends.map((a) => a.event.eventId),
        appends.map((a) => a.event.type),
        appends.map((a) => a.event.schemaVersion),
        appends.map((a) => a.event.dataJson),
        appends.map((a) => a.event.metadataJson),
        appends.map((a) => a.event.body),
        appends.map((a) => expectedVersionParam(a.expected)),
        appends.map((a) => a.event.recordedAt),
      ],
    });
    return rows;
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
      const expected = a.expectedVersion ?? 'any';
      expectedVersionParam(expected); // refuses an unknown form before anything is sent
      return {
        streamId: a.streamId,
        expected,
        event: prepareEvent(a.streamId, a.event, i, recordedAt),
      };
    });
    try {
      const rows = await this.appendToStreamsQuery(client, prepared);
      const appended = rows.map(toAppendResult);
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

  /**
   * Where the last of these events stands, if any is stored: how a command bound to an
   * Idempotency-Key finds what its first attempt wrote.
   */
  async lastStoredOf(
    eventIds: string[],
  ): Promise<{ streamId: string; version: number; position: number } | undefined> {
    const { rows } = await this.pool.query<{
      stream_id: string;
      version: number;
      position: string;
    }>(
      `SELECT stream_id, version, position FROM events WHERE event_id = ANY($1::uuid[])
       ORDER BY position DESC LIMIT 1`,
      [eventIds],
    );
    const row = rows[0];
    return row && { streamId: row.stream_id, version: row.version, position: Number(row.position) };
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
    const { fromVersion, toVersion, asOf, raw } = options;
    if (fromVersion === undefined && toVersion === undefined && !asOf && !raw) {
      return this.streamReads.submit(streamId);
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

  private async readWholeStreams(ids: string[]): Promise<PromiseSettledResult<StoredEvent[]>[]> {
    const streams = await this.readStreams(ids);
    // Each caller its own array (two callers may have asked for the same stream).
    return ids.map((id) => ({ status: 'fulfilled', value: [...(streams.get(id) ?? [])] }));
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

interface SingleAppend {
  streamId: string;
  event: PreparedEvent;
  expected: ExpectedVersion;
}

interface AppendedRow {
  stream_id: string;
  position: string;
  version: number;
}

function toAppendResult(row: AppendedRow): AppendResult {
  return {
    streamId: row.stream_id,
    version: row.version,
    position: Number(row.position),
    appended: true,
  };
}

/** Each item's outcome, in order, without failing on the first rejection. */
function settle<I, O>(items: I[], outcome: (item: I) => Promise<O>) {
  return Promise.allSettled(items.map(outcome));
}

interface PreparedEvent {
  recordedAt: Date;
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
  const body = eventBodyText({
    streamId,
    eventId: id,
    type: e.type,
    schemaVersion,
    dataJson,
    metadataJson,
    recordedAtIso: recordedAt.toISOString(),
  });
  return { recordedAt, eventId: id, type: e.type, schemaVersion, dataJson, metadataJson, body };
}

/**
 * Named statements are parsed and planned once per connection: planning the append cost Postgres
 * more than executing it (bench/store.bench.ts).
 */
function appendStatement(
  streamId: string,
  p: PreparedEvent[],
  expected: number | null,
): QueryConfig {
  const { recordedAt } = p[0]; // one append, one time
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

/** Unique violation or deadlock: a conflict between writers, decided per append alone. */
function isRetryableAlone(err: unknown): boolean {
  return err instanceof DatabaseError && (err.code === '23505' || err.code === '40P01');
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  return err instanceof DatabaseError && err.code === '23505' && err.constraint === constraint;
}
