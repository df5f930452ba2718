import { Pool } from 'pg';

/** What a worker says about one of its subscriptions in its heartbeat. */
export interface HeartbeatSubscription {
  name: string;
  state: string;
  active: boolean;
  failingSince?: string;
  lastError?: string;
}

export interface WorkerBeats {
  /** Since the most recent beat of any worker; null when no worker has ever beaten. */
  lastBeatAgeMs: number | null;
  /** Workers whose last beat is at most `aliveWithinMs` old. */
  alive: number;
}

/** Only rows this old are pruned: long enough for an operator to see which worker vanished. */
const PRUNE_AFTER = '1 day';

/**
 * The worker_heartbeats table (migration 1764800000000): written by each worker, read by the
 * API's /health. Times are Postgres's `now()` on both sides, so clocks that disagree between
 * machines do not make a live worker look dead.
 */
export async function recordHeartbeat(
  pool: Pool,
  workerId: string,
  subscriptions: readonly HeartbeatSubscription[],
): Promise<void> {
  await pool.query(
    `WITH pruned AS (
       DELETE FROM worker_heartbeats
        WHERE beat_at < now() - interval '${PRUNE_AFTER}' AND worker_id <> $1)
     INSERT INTO worker_heartbeats (worker_id, subscriptions) VALUES ($1, $2)
     ON CONFLICT (worker_id) DO UPDATE SET beat_at = now(), subscriptions = EXCLUDED.subscriptions`,
    [workerId, JSON.stringify(subscriptions)],
  );
}

/** A worker that stops cleanly says so at once instead of letting its beat age. */
export async function removeHeartbeat(pool: Pool, workerId: string): Promise<void> {
  await pool.query('DELETE FROM worker_heartbeats WHERE worker_id = $1', [workerId]);
}

export async function readWorkerBeats(pool: Pool, aliveWithinMs: number): Promise<WorkerBeats> {
  const { rows } = await pool.query<{ age_ms: string | null; alive: number }>(
    `SELECT (extract(epoch FROM now() - max(beat_at)) * 1000)::bigint AS age_ms,
            count(*) FILTER (WHERE beat_at >= now() - $1 * interval '1 millisecond')::int AS alive
       FROM worker_heartbeats`,
    [aliveWithinMs],
  );
  const age = rows[0].age_ms;
  return { lastBeatAgeMs: age === null ? null : Math.max(0, Number(age)), alive: rows[0].alive };
}
