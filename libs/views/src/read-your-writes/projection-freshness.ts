import { Pool } from 'pg';
import { InvalidReadQueryError } from '../queries/read.errors';

export interface FreshnessOptions {
  /** How long a query waits for its projections before answering with `stale: true`. */
  timeoutMs: number;
  pollMs: number;
}

export const DEFAULT_FRESHNESS: FreshnessOptions = { timeoutMs: 2000, pollMs: 10 };

/**
 * Has every named subscription processed the event at `minPosition`?
 *
 * A checkpoint is the last (transaction id, position) read, and the log is read in that order,
 * so the checkpoint's position alone says nothing about lower positions of later transactions.
 * The event's own (transaction id, position) is compared instead. A position with no event
 * (a sequence value lost to a rollback) counts as seen once no event at or below it is still
 * unprocessed.
 */
const CAUGHT_UP_SQL = `
  SELECT count(*) FILTER (WHERE caught_up) = cardinality($1::text[]) AS ok
  FROM (
    SELECT CASE
      WHEN e.position IS NOT NULL THEN
        (cp.transaction_id, cp.position) >= (e.transaction_id, e.position)
      ELSE
        (SELECT coalesce(max(position), 0) FROM events) >= $2
        AND NOT EXISTS (
          SELECT 1 FROM events x
          WHERE (x.transaction_id, x.position) > (cp.transaction_id, cp.position)
            AND x.position <= $2)
    END AS caught_up
    FROM subscription_checkpoints cp
    LEFT JOIN events e ON e.position = $2
    WHERE cp.name = ANY($1::text[])
  ) AS t`;

export class ProjectionFreshness {
  constructor(
    private readonly pool: Pool,
    private readonly options: FreshnessOptions = DEFAULT_FRESHNESS,
  ) {}

  async caughtUp(subscriptions: readonly string[], minPosition: number): Promise<boolean> {
    const { rows } = await this.pool.query<{ ok: boolean }>(CAUGHT_UP_SQL, [
      subscriptions,
      minPosition,
    ]);
    return rows[0].ok;
  }

  private async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ p: string | null }>(
      'SELECT max(position) AS p FROM events',
    );
    return Number(rows[0].p ?? 0);
  }

  /** Waits until the views show the event at `minPosition`; answers whether they are stale. */
  async waitFor(
    subscriptions: readonly string[],
    minPosition: number | undefined,
  ): Promise<{ stale: boolean }> {
    if (minPosition === undefined || minPosition <= 0) return { stale: false };
    const deadline = Date.now() + this.options.timeoutMs;
    if (await this.caughtUp(subscriptions, minPosition)) return { stale: false };
    // A client got its position from a committed append, so it is never past the head: one
    // that is would only hold the request for the whole wait.
    if (minPosition > (await this.headPosition())) {
      throw new InvalidReadQueryError(
        'minPosition',
        '(or X-Min-Position) is beyond the head of the event log',
      );
    }
    for (;;) {
      if (await this.caughtUp(subscriptions, minPosition)) return { stale: false };
      if (Date.now() >= deadline) return { stale: true };
      await new Promise((r) => setTimeout(r, this.options.pollMs));
    }
  }
}
