/**
 * Recovery after each fault, from what the clients saw and what the log recorded: when every
 * API answered a command with 2xx again after the service came back, and when routing was back
 * under a second (the backlog the fault left was routed, and a run of assignments after the
 * restore were each routed within 1 s).
 */
import { Attempt } from './command-client';
import { FaultRecord } from './faults';
import { InvariantResult, Tally } from './invariants/invariant';
import { RoutingLag } from './invariants/routing-checks';

const ROUTING_TARGET_MS = 1_000;
/** Assignments in a row routed in time, after the restore, that say routing is back. */
const ROUTED_IN_TIME_RUN = 10;
/** Longest a recovery may take and still count as one. */
export const RECOVERY_LIMIT_MS = 30_000;

export interface FaultRecovery extends FaultRecord {
  /** Until the last API to do so answered a command 2xx after the restore; undefined: never. */
  apiMs?: number;
  /** Until routing was back under a second; undefined: an assignment was never routed. */
  routingMs?: number;
  /** The longest any assignment of the fault's time waited for its routing. */
  worstLagMs?: number;
  /** Attempts that failed (timeout, refused connection, 5xx) while the fault was on and after. */
  failedAttempts: number;
  /** The longest any attempt took in that time: a request held is as bad as one refused. */
  slowestMs: number;
  /** Assignments made from the fault's start to the next fault. */
  assignments: number;
}

export function recoveries(
  faults: readonly FaultRecord[],
  attempts: readonly Attempt[],
  apis: readonly string[],
  lags: readonly RoutingLag[],
  windowEnd: number,
): FaultRecovery[] {
  return faults.map((f, i) => {
    const end = faults[i + 1]?.startedAt ?? windowEnd;
    const inWindow = attempts.filter((a) => a.at >= f.startedAt && a.at < end);
    let apiMs: number | undefined = 0;
    for (const api of apis) {
      const first = inWindow.find(
        (a) =>
          a.api === api && a.command && a.status >= 200 && a.status < 300 && a.at >= f.restoredAt,
      );
      apiMs = first && apiMs !== undefined ? Math.max(apiMs, first.at - f.restoredAt) : undefined;
    }
    const assigned = lags.filter((l) => l.at >= f.startedAt && l.at < end);
    const never = assigned.some((l) => l.lagMs === undefined);
    return {
      ...f,
      apiMs,
      routingMs: never ? undefined : routingBack(assigned, f.restoredAt),
      worstLagMs: never ? undefined : Math.max(0, ...assigned.map((l) => l.lagMs!)),
      failedAttempts: inWindow.filter((a) => a.status === 0 || a.status >= 500).length,
      slowestMs: inWindow.reduce((max, a) => Math.max(max, a.ms), 0),
      assignments: assigned.length,
    };
  });
}

/**
 * When the last slow assignment before a run of timely ones after `restoredAt` was routed. A
 * slow one after such a run is the shared machine's noise rather than the fault's; it still
 * shows in the worst lag.
 */
function routingBack(assigned: readonly RoutingLag[], restoredAt: number): number {
  let caughtUp = restoredAt;
  let run = 0;
  for (const l of assigned) {
    if (l.lagMs! >= ROUTING_TARGET_MS) {
      run = 0;
      caughtUp = Math.max(caughtUp, l.at + l.lagMs!);
    } else if (++run >= ROUTED_IN_TIME_RUN && l.at >= restoredAt) {
      break;
    }
  }
  return caughtUp - restoredAt;
}

export function faultsRecovered(rows: readonly FaultRecovery[]): InvariantResult {
  const tally = new Tally('every fault recovered');
  const limit = (ms?: number) => ms !== undefined && ms <= RECOVERY_LIMIT_MS;
  for (const r of rows) {
    tally.check(
      !r.error && limit(r.apiMs) && limit(r.routingMs),
      () =>
        `${r.kind}: ${r.error ?? ''} API ${r.apiMs === undefined ? 'never' : `${r.apiMs} ms`}, ` +
        `routing ${r.routingMs === undefined ? 'never' : `${r.routingMs} ms`}`,
    );
  }
  return tally.result(`within ${RECOVERY_LIMIT_MS / 1000} s each`);
}
