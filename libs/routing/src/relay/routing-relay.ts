import { Inject, Injectable, Logger } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import {
  EventStore,
  EventWakeUps,
  StoredEvent,
  Subscription,
  SubscriptionStatus,
} from '@liaison/event-store';
import { PG_POOL } from '@liaison/platform';
import { RoutingConfig } from '../config/routing.config';
import { JobDispatcher } from '../queues/job-dispatcher';
import { ROUTING_CONFIG } from '../routing.tokens';
import { BatchRouter } from '../router/batch-router';
import { jobsForEvent } from './relay-jobs';

export const RELAY_SUBSCRIPTION = 'relay:routing';

/** Repeated failures (Redis down) are logged once per this long, not once per poll. */
const ERROR_LOG_INTERVAL_MS = 30_000;

/**
 * Hands follow-up events to BullMQ. It is a catch-up subscription: assignments are routed in
 * batches (BatchRouter: FollowUpRouted recorded, the task put on its agency's queue), other
 * facts become jobs; the recorded events, the ledger rows and the checkpoint commit together
 * after the adds succeeded, so nothing is published that was not committed first, and an add
 * that fails (Redis down) is tried again from the checkpoint. Its advisory lock keeps one
 * relay running across all worker processes.
 */
@Injectable()
export class RoutingRelay {
  private readonly logger = new Logger('RoutingRelay');
  private wakeUps?: EventWakeUps;
  private subscription?: Subscription;
  private lastErrorLoggedAt = 0;
  /** The batch being handled recorded events: readers are woken once it commits. */
  private recorded = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly dispatcher: JobDispatcher,
    private readonly router: BatchRouter,
    @Inject(ROUTING_CONFIG) private readonly config: RoutingConfig,
  ) {}

  async start(): Promise<void> {
    if (this.subscription) return;
    this.wakeUps = new EventWakeUps(this.pool);
    await this.wakeUps.start();
    this.subscription = new Subscription(this.pool, this.store, this.wakeUps, {
      name: RELAY_SUBSCRIPTION,
      batchSize: 500,
      pollIntervalMs: this.config.relayPollMs,
      handle: (events, tx) => this.relay(events, tx),
      afterCommit: () => this.announceRecorded(),
      onError: (err) => this.reportError(err),
    });
    this.subscription.start();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.wakeUps?.stop();
    this.subscription = undefined;
    this.wakeUps = undefined;
  }

  status(): SubscriptionStatus | undefined {
    return this.subscription?.status();
  }

  private async relay(events: StoredEvent[], tx: PoolClient): Promise<void> {
    const routed = await this.router.route(events, tx);
    this.recorded = routed.recorded > 0;
    await this.dispatcher.enqueue([...routed.jobs, ...events.flatMap(jobsForEvent)], tx);
    this.lastErrorLoggedAt = 0;
  }

  private announceRecorded(): void {
    if (this.recorded) this.store.announceAppends();
    this.recorded = false;
  }

  private reportError(err: unknown): void {
    if (Date.now() - this.lastErrorLoggedAt < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLoggedAt = Date.now();
    const reason = err instanceof Error ? err.message : String(err);
    this.logger.warn({ msg: 'relay paused; retrying from its checkpoint', reason });
  }
}
