import type { Pool } from 'pg';

/** The channel appenders NOTIFY and subscriptions LISTEN on (event-wake-ups.ts). */
export const EVENTS_CHANNEL = 'liaison_events';

/** Wake-ups are coalesced to at most one NOTIFY per this many milliseconds per process. */
const NOTIFY_INTERVAL_MS = 5;

/**
 * Wakes subscribers after a commit. Sent outside the append's transaction (a NOTIFY inside it
 * would serialise all commits on Postgres's notify lock) and coalesced: a NOTIFY is a
 * transaction of its own (an xid and a commit), so at most one per interval keeps a busy writer
 * from doubling Postgres's commit work for wake-ups.
 */
export class NotifyThrottle {
  private pending = false;
  private lastAt = 0;

  constructor(private readonly pool: Pool) {}

  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    const wait = Math.max(0, this.lastAt + NOTIFY_INTERVAL_MS - Date.now());
    setTimeout(() => {
      this.lastAt = Date.now();
      this.pool
        .query(`NOTIFY ${EVENTS_CHANNEL}`)
        .catch(() => {}) // subscribers poll as well; a lost wake-up only delays them
        .finally(() => (this.pending = false));
    }, wait);
  }
}
