import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { unableForMs } from '@liaison/event-store';
import { checkDependency, PG_POOL, REDIS } from '@liaison/platform';
import { WorkerHeartbeat } from './worker-heartbeat';
import { WorkerSubscriptions } from './worker-subscriptions';

export interface WorkerHealthReport {
  status: 'ok' | 'degraded';
  checks: { postgres: { status: 'up' | 'down' }; redis: { status: 'up' | 'down' } };
  subscriptions: {
    name: string;
    state: string;
    active: boolean;
    position: number;
    /** How long it has been failing or stuck; 0 while it works. */
    unableForMs: number;
  }[];
  heartbeat: { lastBeatAgeMs: number | null; failing: boolean };
}

/**
 * Whether this worker can do its job now: Postgres and Redis answer, and none of its
 * subscriptions is failing. Read by its own /health/ready; the API's /health judges the tier.
 */
@Injectable()
export class WorkerReadiness {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly subscriptions: WorkerSubscriptions,
    private readonly heartbeat: WorkerHeartbeat,
  ) {}

  async report(): Promise<WorkerHealthReport> {
    const [postgres, redis] = await Promise.all([
      checkDependency(() => this.pool.query('SELECT 1')),
      checkDependency(() => this.redis.ping()),
    ]);
    const now = Date.now();
    const subscriptions = this.subscriptions.list().map((s) => ({
      name: s.name,
      state: s.state,
      active: s.active,
      position: s.position,
      unableForMs: unableForMs(s, now),
    }));
    const beat = this.heartbeat.status();
    const ok =
      postgres.status === 'up' &&
      redis.status === 'up' &&
      subscriptions.every((s) => s.state !== 'retrying');
    return {
      status: ok ? 'ok' : 'degraded',
      checks: { postgres, redis },
      subscriptions,
      heartbeat: {
        lastBeatAgeMs: beat.lastBeatAt === undefined ? null : now - beat.lastBeatAt,
        failing: beat.failingSince !== undefined,
      },
    };
  }
}
