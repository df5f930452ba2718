/**
 * How long to wait before the next attempt after `failures` failures in a row: doubling from
 * `baseMs` up to `maxMs`, with up to a quarter of jitter so that processes which lost the same
 * Postgres do not all come back in the same millisecond.
 */
export function reconnectDelay(failures: number, baseMs: number, maxMs: number): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 20));
  return Math.round(exponential * (0.75 + Math.random() * 0.25));
}
