/**
 * What the checks read from the log, with the drill's own SQL: the drill judges the product, so
 * it does not read the log through the product's code.
 */
import { Pool } from 'pg';

export interface LoggedEvent {
  streamId: string;
  version: number;
  position: number;
  transactionId: string;
  type: string;
  data: Record<string, unknown>;
  correlationId: string;
  role: string;
  recordedAt: number;
}

interface Row {
  stream_id: string;
  version: number;
  position: string;
  transaction_id: string;
  type: string;
  data: Record<string, unknown>;
  correlation_id: string;
  role: string;
  recorded_at: Date;
}

const COLUMNS = `stream_id, version, position, transaction_id::text AS transaction_id, type, data,
  metadata->>'correlation_id' AS correlation_id, metadata->>'role' AS role, recorded_at`;

function toEvent(r: Row): LoggedEvent {
  return {
    streamId: r.stream_id,
    version: r.version,
    position: Number(r.position),
    transactionId: r.transaction_id,
    type: r.type,
    data: r.data,
    correlationId: r.correlation_id,
    role: r.role,
    recordedAt: r.recorded_at.getTime(),
  };
}

/** Every event of every follow-up stream, in stream order. */
export async function followUpEvents(pool: Pool): Promise<LoggedEvent[]> {
  const { rows } = await pool.query<Row>(
    `SELECT ${COLUMNS} FROM events WHERE stream_id LIKE 'follow-up-%' ORDER BY stream_id, version`,
  );
  return rows.map(toEvent);
}

/** Events written by the drill's commands (their correlation id is the command's key). */
export async function drillEvents(pool: Pool, runId: string): Promise<LoggedEvent[]> {
  const { rows } = await pool.query<Row>(
    `SELECT ${COLUMNS} FROM events
     WHERE metadata->>'correlation_id' LIKE $1 ORDER BY position`,
    [`drill-${runId}-%`],
  );
  return rows.map(toEvent);
}

/** Events at the given positions, by position. */
export async function eventsAt(pool: Pool, positions: number[]): Promise<Map<number, LoggedEvent>> {
  const { rows } = await pool.query<Row>(
    `SELECT ${COLUMNS} FROM events WHERE position = ANY($1::bigint[])`,
    [positions],
  );
  return new Map(rows.map((r) => [Number(r.position), toEvent(r)]));
}

export interface Backlog {
  /** Events each subscription has yet to handle, by name. */
  lags: Record<string, number>;
  /** Jobs due for longer than the sweep needs to bring them back, still unfinished. */
  unfinishedJobs: number;
  deadLetters: number;
}

export async function backlog(pool: Pool, unfinishedOlderThanMs: number): Promise<Backlog> {
  const lags = await pool.query<{ name: string; lag: string }>(
    `SELECT c.name, (SELECT count(*) FROM events e
        WHERE (e.transaction_id, e.position) > (c.transaction_id, c.position)) AS lag
     FROM subscription_checkpoints c ORDER BY c.name`,
  );
  const jobs = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM job_ledger
     WHERE processed_at IS NULL AND run_at < now() - make_interval(secs => $1)`,
    [unfinishedOlderThanMs / 1000],
  );
  const dead = await pool.query<{ n: string }>('SELECT count(*) AS n FROM dead_letters');
  return {
    lags: Object.fromEntries(lags.rows.map((r) => [r.name, Number(r.lag)])),
    unfinishedJobs: Number(jobs.rows[0].n),
    deadLetters: Number(dead.rows[0].n),
  };
}
