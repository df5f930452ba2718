/**
 * Shared set-up for the event-store benchmarks: the dedicated database, the baseline table
 * (shaped like `events`), realistic events and per-writer stream cursors.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { EventStore, NewEvent } from '../libs/event-store/src';
import { createDataSource, runMigrations } from '../libs/platform/src';
import { log } from './bench-utils';

export const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/liaison_bench';

export const BASELINE_TABLE = 'bench_baseline_events';

/** Single-event appends go to a stream until it holds this many events, then to a new one. */
export const EVENTS_PER_STREAM = 20;

/** Creates the benchmark database if missing and runs the project's migrations on it. */
export async function prepareDatabase(url: string = DATABASE_URL): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      log(`creating database ${name}`);
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
  const dataSource = await createDataSource(url).initialize();
  try {
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}

/** Events both tables hold before any sample runs (BENCH_HISTORY_EVENTS). */
export const HISTORY_EVENTS = Number(process.env.BENCH_HISTORY_EVENTS ?? 50_000);

/**
 * Creates the baseline table — the `events` table's shape from the create-event-store
 * migration: same columns, bigserial key, unique (stream_id, version), unique event_id and the
 * (transaction_id, position) index — empties both tables, then gives both the same history
 * (HISTORY_EVENTS events written through the store) and fresh statistics.
 *
 * Why a history: statistics taken on an empty table make Postgres cache a generic plan for the
 * append's head lookup that scans the table instead of the (stream_id, version) index. The
 * plan stays cached while the table grows, so every append gets slower; measured here, the
 * store fell from 0.95 to 0.31 of the baseline over one run. A live system re-plans after each
 * autoanalyze, so it never holds such stale statistics for long; the benchmark starts from a
 * table that looks like a live one.
 */
export async function resetTables(pool: Pool, store: EventStore): Promise<void> {
  await pool.query(`
    CREATE TABLE IF NOT EXISTS ${BASELINE_TABLE} (
      position        bigserial    PRIMARY KEY,
      transaction_id  xid8         NOT NULL DEFAULT pg_current_xact_id(),
      stream_id       text         NOT NULL,
      version         integer      NOT NULL CHECK (version > 0),
      event_id        uuid         NOT NULL,
      type            text         NOT NULL,
      schema_version  integer      NOT NULL CHECK (schema_version > 0),
      data            jsonb        NOT NULL,
      metadata        jsonb        NOT NULL,
      recorded_at     timestamptz  NOT NULL,
      hash            bytea        NOT NULL,
      CONSTRAINT ${BASELINE_TABLE}_stream_version_key UNIQUE (stream_id, version),
      CONSTRAINT ${BASELINE_TABLE}_event_id_key UNIQUE (event_id)
    )`);
  await pool.query(
    `CREATE INDEX IF NOT EXISTS ${BASELINE_TABLE}_global_order_idx
       ON ${BASELINE_TABLE} (transaction_id, position)`,
  );
  await pool.query(`TRUNCATE events, ${BASELINE_TABLE} RESTART IDENTITY`);
  log(`writing a history of ${HISTORY_EVENTS} events`);
  const tag = uniqueTag('history');
  for (let i = 0; i * 100 < HISTORY_EVENTS; i++) {
    const events = Array.from({ length: 100 }, () => makeEvent());
    await store.append(`${tag}-${i}`, events, { expectedVersion: 'no_stream' });
  }
  await pool.query(
    `INSERT INTO ${BASELINE_TABLE} (${COLUMNS}) SELECT ${COLUMNS} FROM events ORDER BY position`,
  );
  await pool.query(`VACUUM ANALYZE events`);
  await pool.query(`VACUUM ANALYZE ${BASELINE_TABLE}`);
}

// ── Realistic events: ~450 bytes of data, metadata with actor/role/agency/ids ────────────────

const AGENCIES = ['MSIT', 'KISA', 'NIA', 'MOIS', 'KCC', 'PIPC'];
const ROLES = ['bureau_head', 'case_officer', 'liaison_officer'];

let seq = 0;

/** A FollowUpAssigned event with fresh ids, as the follow-up domain writes it. */
export function makeEvent(): NewEvent {
  const n = seq++;
  const agency = AGENCIES[n % AGENCIES.length];
  return {
    type: 'FollowUpAssigned',
    data: {
      followUpId: randomUUID(),
      workshopId: randomUUID(),
      hostAgency: 'MSIT',
      sourceId: randomUUID(),
      sourceKind: n % 3 === 0 ? 'info_request' : 'action',
      assigneeAgency: agency,
      title: `Provide the incident-response contact list (#${n})`,
      instructions:
        'Share the current contact roster for the cross-agency incident desk, with ' +
        'after-hours numbers.',
      dueAt: new Date(Date.UTC(2026, 0, 1 + (n % 300), 9)).toISOString(),
      priority: n % 5 === 0 ? 'high' : 'normal',
    },
    metadata: {
      actor: `user-${n % 97}@msit.go.kr`,
      role: ROLES[n % ROLES.length],
      agency,
      correlation_id: randomUUID(),
      causation_id: randomUUID(),
    },
  };
}

/**
 * The nine parameters of one baseline row: the same columns and kind of values the store
 * writes (JSON text for jsonb, a SHA-256 for hash), without the store's checks and chaining.
 */
export function baselineRow(
  streamId: string,
  version: number,
  make: () => NewEvent = makeEvent,
): unknown[] {
  const e = make();
  const data = JSON.stringify(e.data);
  const metadata = JSON.stringify(e.metadata);
  const hash = createHash('sha256').update(data).update(metadata).digest();
  return [streamId, version, randomUUID(), e.type, 1, data, metadata, new Date(), hash];
}

const COLUMNS =
  'stream_id, version, event_id, type, schema_version, data, metadata, recorded_at, hash';
const PARAMS_PER_ROW = 9;

/** A plain INSERT of `rows` rows into the baseline table, in one statement. */
export function baselineInsertSql(rows: number): string {
  const tuple = (r: number) =>
    `(${Array.from({ length: PARAMS_PER_ROW }, (_, c) => `$${r * PARAMS_PER_ROW + c + 1}`).join(', ')})`;
  const tuples = Array.from({ length: rows }, (_, r) => tuple(r));
  return `INSERT INTO ${BASELINE_TABLE} (${COLUMNS}) VALUES ${tuples.join(', ')} RETURNING position`;
}

let runTag = 0;

/** A fresh, never-used stream-name prefix. */
export function uniqueTag(kind: string): string {
  return `bench-${kind}-${process.pid}-${++runTag}`;
}

/** One writer's streams: appends go to a stream until it is full, then to a fresh one. */
export class StreamCursor {
  private stream = 0;
  /** The stream's current version (0: the stream does not exist yet). */
  version = 0;

  constructor(private readonly prefix: string) {}

  get streamId(): string {
    return `${this.prefix}-${this.stream}`;
  }

  advance(by: number): void {
    this.version += by;
    if (this.version >= EVENTS_PER_STREAM) {
      this.stream++;
      this.version = 0;
    }
  }
}

/** One cursor per writer, on streams no earlier sample used. */
export function cursors(kind: string, writers: number): StreamCursor[] {
  const tag = uniqueTag(kind);
  return Array.from({ length: writers }, (_, w) => new StreamCursor(`${tag}-w${w}`));
}
