import { healthVerdict, HealthFacts } from './health-verdict';

const limits = { maxLag: 100, maxHeartbeatAgeMs: 10_000 };
const up = { status: 'up' } as const;
const healthy: HealthFacts = {
  checks: { postgres: up, redis: up },
  subscriptions: [
    { name: 'projection:workshops', position: 90, lag: 10 },
    { name: 'relay:routing', position: 100, lag: 0 },
  ],
  workers: { lastBeatAgeMs: 2000, alive: 1 },
};

describe('healthVerdict', () => {
  it('is ok when the dependencies answer, lag is small and a worker beat lately', () => {
    expect(healthVerdict(healthy, limits)).toEqual({ status: 'ok', problems: [] });
  });

  it('is degraded when a subscription lags past the threshold, naming it', () => {
    const facts = {
      ...healthy,
      subscriptions: [{ name: 'relay:routing', position: 0, lag: 101 }],
    };
    expect(healthVerdict(facts, limits)).toEqual({
      status: 'degraded',
      problems: ['relay:routing lags 101 (> 100)'],
    });
  });

  it('is degraded when no worker beat within the threshold, or none ever did', () => {
    const stale = { ...healthy, workers: { lastBeatAgeMs: 10_001, alive: 0 } };
    expect(healthVerdict(stale, limits).problems).toEqual([
      'no worker has beaten for 10001 ms (> 10000)',
    ]);
    const never = { ...healthy, workers: { lastBeatAgeMs: null, alive: 0 } };
    expect(healthVerdict(never, limits).problems).toEqual(['no worker has ever beaten']);
  });

  it('is degraded when a dependency is down, even with nothing else known', () => {
    const facts = { checks: { postgres: { status: 'down' as const }, redis: up } };
    expect(healthVerdict(facts, limits)).toEqual({
      status: 'degraded',
      problems: ['postgres is down'],
    });
  });
});
