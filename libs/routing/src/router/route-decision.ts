import { AgencyInfo, liaisonAgencyFor } from '@liaison/follow-up';

export type RouteDecision =
  /** Put the task on `queueAgency`'s queue; `agency` is the assignee it is recorded for. */
  | { kind: 'route'; agency: string; queueAgency: string }
  | { kind: 'fail'; agency: string; reason: string };

/**
 * Which agency's queue receives a task. The assignee's own, normally; work addressed to an
 * outside counterpart goes to the agency owning that relationship (it never logs in itself).
 * An agency that is unknown or inactive cannot receive anything: the routing fails.
 */
export function decideRoute(
  assignee: string,
  hostAgency: string,
  agencies: ReadonlyMap<string, AgencyInfo>,
): RouteDecision {
  const info = agencies.get(assignee);
  if (!info) return fail(assignee, `${assignee} is not in the agency directory`);
  const queueAgency =
    info.kind === 'counterpart' ? liaisonAgencyFor(assignee, { hostAgency }, agencies) : assignee;
  const target = agencies.get(queueAgency);
  if (!target || target.kind !== 'agency') {
    return fail(assignee, `${queueAgency}, the liaison agency for ${assignee}, is not an agency`);
  }
  if (!info.active) return fail(assignee, `${assignee} is not active`);
  if (!target.active) return fail(assignee, `${queueAgency} is not active`);
  return { kind: 'route', agency: assignee, queueAgency };
}

function fail(agency: string, reason: string): RouteDecision {
  return { kind: 'fail', agency, reason };
}
