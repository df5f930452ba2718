import { DependencyCheck, WorkerBeats } from '@liaison/platform';
import { SubscriptionLag } from './subscription-lag';

export interface HealthThresholds {
  maxLag: number;
  maxHeartbeatAgeMs: number;
}

export interface HealthFacts {
  checks: { postgres: DependencyCheck; redis: DependencyCheck };
  /** Unknown while Postgres is down. */
  subscriptions?: SubscriptionLag[];
  workers?: WorkerBeats;
}

/**
 * Judges the whole system, not just this process: a dead worker tier or a subscription far
 * behind is `degraded`, as a dependency down is. Each problem is named, so whoever reads the
 * answer knows which threshold tripped.
 */
export function healthVerdict(
  facts: HealthFacts,
  limits: HealthThresholds,
): { status: 'ok' | 'degraded'; problems: string[] } {
  const problems: string[] = [];
  for (const [name, check] of Object.entries(facts.checks)) {
    if (check.status !== 'up') problems.push(`${name} is down`);
  }
  for (const s of facts.subscriptions ?? []) {
    if (s.lag > limits.maxLag) problems.push(`${s.name} lags ${s.lag} (> ${limits.maxLag})`);
  }
  const age = facts.workers?.lastBeatAgeMs;
  if (facts.workers && age === null) problems.push('no worker has ever beaten');
  if (typeof age === 'number' && age > limits.maxHeartbeatAgeMs) {
    problems.push(`no worker has beaten for ${age} ms (> ${limits.maxHeartbeatAgeMs})`);
  }
  return { status: problems.length === 0 ? 'ok' : 'degraded', problems };
}
