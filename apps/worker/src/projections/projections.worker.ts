import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore, EventWakeUps, SubscriptionStatus } from '@liaison/event-store';
import { DIRECT_PG_POOL, LIAISON_CONFIG, LiaisonConfig } from '@liaison/platform';
import { createProjectionRunners, ProjectionRunners } from '@liaison/views';

/** Keeps the read models current: one subscription per projection, started with the worker. */
@Injectable()
export class ProjectionsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private wakeUps?: EventWakeUps;
  private runners?: ProjectionRunners;

  constructor(
    // LISTEN and the subscriptions' session locks need connections of their own, not a pooler's.
    @Inject(DIRECT_PG_POOL) private readonly pool: Pool,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
    private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.wakeUps = new EventWakeUps(this.pool);
    await this.wakeUps.start();
    this.runners = createProjectionRunners({
      pool: this.pool,
      store: this.store,
      wakeUps: this.wakeUps,
      pollIntervalMs: this.config.subscriptionPollMs,
      onError: (projection, err) =>
        this.logger.error({ projection, err }, 'projection batch failed; retrying'),
    });
    this.runners.start();
    this.logger.log('projection runners started');
  }

  status(): SubscriptionStatus[] {
    return this.runners?.runnerStatus() ?? [];
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runners?.stop();
    await this.wakeUps?.stop();
  }
}
