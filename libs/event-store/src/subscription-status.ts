export type SubscriptionState =
  /** Not started, or stopped. */
  | 'stopped'
  /** Another process holds the lock; this one checks now and then. */
  | 'standby'
  /** This process holds the lock and follows the log. */
  | 'running'
  /** The last attempt failed (a lost connection, a failed batch); the next one is pending. */
  | 'retrying';

export interface SubscriptionStatus {
  name: string;
  /** True while this process holds the subscription's lock and runs it. */
  active: boolean;
  /** The checkpoint this process last read or wrote. */
  position: number;
  state: SubscriptionState;
  /** When the current run of failures began (ms since the epoch); unset while attempts work. */
  failingSince?: number;
  /** Why the last attempt failed, while failing. */
  lastError?: string;
  /** When the call in flight began (a connect, a batch, a publish); unset while it idles. A
   * frozen Postgres fails nothing, it only never answers: this is how such a wait shows. */
  busySince?: number;
}

/**
 * How long the subscription has been unable to do its job at `now`: failing, or stuck in one
 * call. Idling is not included: with nothing to read, there is nothing it could do.
 */
export function unableForMs(
  status: Pick<SubscriptionStatus, 'failingSince' | 'busySince'>,
  now = Date.now(),
): number {
  const since = Math.min(status.failingSince ?? Infinity, status.busySince ?? Infinity);
  return Number.isFinite(since) ? Math.max(0, now - since) : 0;
}
