/** Helpers of the routing benchmark: event fixtures, percentiles, waiting. */
import { NewEvent } from '../libs/event-store/src';
import { ScenarioWorkshop } from '../libs/routing/src/testing/routing-scenario';
import { round } from './bench-utils';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A FollowUpAssigned as the decider would write it (the backlog skips the command path). */
export function assignedEvent(
  followUpId: string,
  workshop: ScenarioWorkshop,
  agency: string,
): NewEvent {
  return {
    type: 'FollowUpAssigned',
    data: {
      followUpId,
      workshopId: workshop.workshopId,
      hostAgency: 'MSIT',
      sourceId: workshop.actionId,
      sourceKind: 'action',
      assigneeAgency: agency,
      title: 'Backlog task',
      dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      priority: 'normal',
    },
    metadata: {
      actor: 'bench',
      role: 'bureau_head',
      agency: 'MSIT',
      correlation_id: `bench-${followUpId}`,
    },
  };
}

export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    count: sorted.length,
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1]),
  };
}

export async function waitUntil<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(250);
  }
}
