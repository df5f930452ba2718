/**
 * Every assignment and reassignment routed at most once, to its own agency, and delivered at
 * most once; the one a still-open task is on now routed (or its failure recorded) and delivered
 * to the agency that holds the task.
 */
import { InvariantResult, Tally } from './invariant';
import { currentSegment, TaskFold } from './task-fold';

export function routingChecks(tasks: readonly TaskFold[]): InvariantResult[] {
  const once = new Tally('every assignment routed exactly once');
  const delivered = new Tally('every open task delivered to its agency, once');
  for (const t of tasks) {
    const now = currentSegment(t);
    for (const [i, s] of t.segments.entries()) {
      const where = `${t.streamId} #${i + 1} (${s.agency})`;
      const wrong = s.routed.filter((r) => r.agency !== s.agency);
      once.check(
        s.routed.length <= 1 &&
          wrong.length === 0 &&
          (s !== now || s.failed || s.routed.length === 1),
        () =>
          `${where}: routed ${s.routed.length}× (${s.routed.map((r) => r.agency).join(', ') || 'never'})`,
      );
      const elsewhere = s.delivered.filter((a) => a !== s.agency);
      delivered.check(
        s.delivered.length <= 1 &&
          elsewhere.length === 0 &&
          (s !== now || s.failed || s.delivered.length === 1),
        () => `${where}: delivered ${s.delivered.length}× (${s.delivered.join(', ') || 'never'})`,
      );
    }
  }
  return [once.result(), delivered.result()];
}

/** Each assignment's time to its FollowUpRouted; undefined for one that should have been
 * routed and never was. Assignments replaced before routing are left out. */
export interface RoutingLag {
  at: number;
  lagMs?: number;
}

export function routingLags(tasks: readonly TaskFold[]): RoutingLag[] {
  const lags: RoutingLag[] = [];
  for (const t of tasks) {
    const now = currentSegment(t);
    for (const s of t.segments) {
      if (s.routed.length > 0) lags.push({ at: s.at, lagMs: s.routed[0].at - s.at });
      else if (s === now && !s.failed) lags.push({ at: s.at });
    }
  }
  return lags.sort((a, b) => a.at - b.at);
}
