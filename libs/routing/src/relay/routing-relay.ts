import { Inject, Injectable, Logger } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import {
  EventStore,
  EventWakeUps,
  StoredEvent,
  Subscription,
  SubscriptionStatus,
} from '@liaison/event-store';
import { DIRECT_PG_POOL } from '@liaison/platform';
import { RoutingConfig } from '../config/routing.config';
import { JobDispatcher } from '../queues/job-dispatcher';
import { QueuedJob } from '../queues/queued-job';
import { ROUTING_CONFIG } from '../routing.tokens';
import { BatchRouter } from '../router/batch-router';
import { ContributionProcess } from '../contributions/contribution-process';
import { jobsForEvent } from './relay-jobs';

export const RELAY_SUBSCRIPTION = 'relay:routing';

/** Repeated failures (Redis down) are logged once per this long, not once per poll. */
const ERROR_LOG_INTERVAL_MS = 30_000;
/** Publishing retries back off up to this long while Redis is down. */
const MAX_PUBLISH_BACKOFF_MS = 1000;

/**
 * Hands follow-up events to BullMQ. It is a catch-up subscription: assignments are routed in
 * batches (BatchRouter records FollowUpRouted), other facts become jobs. The recorded events,
 * the jobs' ledger rows and the checkpoint commit in one transaction; only then are the jobs
 * published to Redis, so no agency sees a task whose routing could still roll back. A batch is
 * published while the next one is routed, one publish at a time: while Redis is down it
 * retries and holds the relay. Should the process die between a commit and its publish, the
 * sweep re-adds the jobs from their ledger rows (deterministic ids keep every job single). Its
 * advisory lock keeps one relay running across all processes.
 */
@Injectable()
export class RoutingRelay {
  private readonly logger = new Logger('RoutingRelay');
  private wakeUps?: EventWakeUps;
  private subscription?: Subscription;
  private lastErrorLoggedAt = 0;
  /** What the batch in hand leads to once it commits: a wake-up, and the jobs to publish. */
  private committed: { recorded: boolean; jobs: QueuedJob[] } = { recorded: false, jobs: [] };
  private stopping = false;
  private publishing: Promise<void> = Promise.resolve();
  /** Set while publishing fails in a row (Redis down): when it began, and why. */
  private publishFailure?: { since: number; reason: string };

  constructor(
    // LISTEN and the subscription's session lock need a connection of their own, not a pooler's.
    @Inject(DIRECT_PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly dispatcher: JobDispatcher,
    private readonly router: BatchRouter,
    private readonly contributions: ContributionProcess,
    @Inject(ROUTING_CONFIG) private readonly config: RoutingConfig,
  ) {}

  async start(): Promise<void> {
    if (this.subscription) return;
    this.stopping = false;
    this.wakeUps = new EventWakeUps(this.pool);
    await this.wakeUps.start();
    this.subscription = new Subscription(this.pool, this.store, this.wakeUps, {
      name: RELAY_SUBSCRIPTION,
      batchSize: 500,
      pollIntervalMs: this.config.relayPollMs,
      handle: (events, tx) => this.relay(events, tx),
      afterCommit: () => this.afterCommit(),
      onError: (err) => this.reportError(err),
    });
    this.subscription.start();
  }

  async stop(): Promise<void> {
    this.stopping = true; // a publish still retrying gives up: the sweep has the jobs
    await this.subscription?.stop();
    await this.publishing;
    await this.wakeUps?.stop();
    this.subscription = undefined;
    this.wakeUps = undefined;
  }

  /** The subscription's status; jobs that cannot be published count as failing too. */
  status(): SubscriptionStatus | undefined {
    const status = this.subscription?.status();
    const failure = this.publishFailure;
    if (!status || !failure) return status;
    return {
      ...status,
      failingSince: Math.min(status.failingSince ?? Infinity, failure.since),
      lastError: status.lastError ?? failure.reason,
    };
  }

  private async relay(events: StoredEvent[], tx: PoolClient): Promise<void> {
    const routed = await this.router.route(events, tx);
    // Joint tasks: contributions opened, cancelled and recorded on their leads, in this
    // transaction (their new assignments are routed by a later batch, as any other).
    const linked = await this.contributions.handle(events, tx);
    const jobs = [...routed.jobs, ...events.flatMap(jobsForEvent)];
    await this.dispatcher.record(jobs, tx);
    this.committed = { recorded: routed.recorded + linked > 0, jobs };
  }

  /**
   * Publishes a committed batch's jobs while the next batch is read and routed; one publish at
   * a time, so a Redis outage holds the relay here rather than letting it run ahead.
   */
  private async afterCommit(): Promise<void> {
    const { recorded, jobs } = this.committed;
    this.committed = { recorded: false, jobs: [] };
    if (recorded) this.store.announceAppends();
    await this.publishing;
    this.publishing = this.publish(jobs);
  }

  /** Never throws: retries while Redis is down, and leaves the jobs to the sweep on stop. */
  private async publish(jobs: QueuedJob[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.dispatcher.publish(jobs);
        this.lastErrorLoggedAt = 0;
        this.publishFailure = undefined;
        return;
      } catch (err) {
        this.publishFailure ??= { since: Date.now(), reason: errorMessage(err) };
        this.reportError(err);
        if (this.stopping) return;
        const backoff = Math.min(MAX_PUBLISH_BACKOFF_MS, 50 * 2 ** attempt);
        await new Promise((resolve) => setTimeout(resolve, backoff));
      }
    }
  }

  private reportError(err: unknown): void {
    if (Date.now() - this.lastErrorLoggedAt < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLoggedAt = Date.now();
    this.logger.warn({ msg: 'relay paused; retrying', reason: errorMessage(err) });
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
