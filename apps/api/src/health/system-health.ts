import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import {
  checkDependency,
  DependencyCheck,
  LIAISON_CONFIG,
  LiaisonConfig,
  PG_POOL,
  readWorkerBeats,
  REDIS,
  WorkerBeats,
} from '@liaison/platform';
import { healthVerdict, HealthThresholds } from './health-verdict';
import { SubscriptionLag, SubscriptionLagReader } from './subscription-lag';

export interface ReadinessReport {
  status: 'ok' | 'degraded';
  checks: { postgres: DependencyCheck; redis: DependencyCheck };
}

export interface SystemHealthReport extends ReadinessReport {
  /** The read models only, as before `subscriptions` (kept for existing consumers). */
  projections: SubscriptionLag[];
  /** Every subscription of the worker tier: the projections and the relay. */
  subscriptions: SubscriptionLag[];
  workers: WorkerBeats | null;
  thresholds: HealthThresholds;
  /** What made it degraded, one line per tripped threshold or dependency down. */
  problems: string[];
}

/** The answers of the API's health endpoints, from the cheapest to the whole system's. */
@Injectable()
export class SystemHealth {
  private readonly thresholds: HealthThresholds;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LIAISON_CONFIG) config: LiaisonConfig,
    private readonly lag: SubscriptionLagReader,
  ) {
    this.thresholds = {
      maxLag: config.healthMaxLag,
      maxHeartbeatAgeMs: config.healthMaxHeartbeatAgeMs,
    };
  }

  /**
   * Can this process serve requests: its own dependencies answer. The worker tier is left out
   * on purpose: taking every API out of the load balancer because the workers are down would
   * turn a degraded system (commands still accepted, views behind) into an outage.
   */
  async readiness(): Promise<ReadinessReport> {
    const checks = await this.dependencies();
    const up = checks.postgres.status === 'up' && checks.redis.status === 'up';
    return { status: up ? 'ok' : 'degraded', checks };
  }

  /** The whole system against the operator's thresholds: lag of every subscription, and the
   * age of the latest worker heartbeat. */
  async system(): Promise<SystemHealthReport> {
    const checks = await this.dependencies();
    const postgresUp = checks.postgres.status === 'up';
    const [subscriptions, workers] = postgresUp
      ? await Promise.all([
          this.lag.read().catch(() => undefined),
          readWorkerBeats(this.pool, this.thresholds.maxHeartbeatAgeMs).catch(() => undefined),
        ])
      : [undefined, undefined];
    const verdict = healthVerdict({ checks, subscriptions, workers }, this.thresholds);
    return {
      status: verdict.status,
      checks,
      projections: (subscriptions ?? []).filter((s) => this.lag.isProjection(s.name)),
      subscriptions: subscriptions ?? [],
      workers: workers ?? null,
      thresholds: this.thresholds,
      problems: verdict.problems,
    };
  }

  private async dependencies(): Promise<ReadinessReport['checks']> {
    const [postgres, redis] = await Promise.all([
      checkDependency(() => this.pool.query('SELECT 1')),
      checkDependency(() => this.redis.ping()),
    ]);
    return { postgres, redis };
  }
}
