import { Pool } from 'pg';
import {
  EventStore,
  EventWakeUps,
  StoredEvent,
  Subscription,
  SubscriptionStatus,
} from '@liaison/event-store';
import { NotificationPlanner, PlannedEmail } from '../planning/notification-planner';
import { NotificationQueue } from '../queue/notification-queue';

export const NOTIFICATIONS_SUBSCRIPTION = 'notifications';

/** Past which no checkpoint position goes: the first start stands after every readable event. */
const PAST_EVERY_POSITION = Number.MAX_SAFE_INTEGER;

export interface NotificationsRelayOptions {
  subscriptionName?: string;
  pollIntervalMs?: number;
  onError?: (err: unknown) => void;
}

/**
 * A subscription over the log (checkpoint + advisory lock, as the routing relay): each batch's
 * notifications (in-app rows, outbox rows) commit with its checkpoint; only then are the
 * e-mails queued. Should the process die between the commit and the queueing, or Redis refuse
 * it, the sweep queues them from the outbox. A replay (the checkpoint moved back) finds its
 * rows already there and queues nothing.
 *
 * Its first start begins at the end of the log, not at its beginning: notifications are news,
 * and a new deployment must not mail everyone about every task it ever held.
 */
export class NotificationsRelay {
  private wakeUps?: EventWakeUps;
  private subscription?: Subscription;
  private pending: PlannedEmail[] = [];
  private readonly name: string;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly planner: NotificationPlanner,
    private readonly queue: NotificationQueue,
    private readonly options: NotificationsRelayOptions = {},
  ) {
    this.name = options.subscriptionName ?? NOTIFICATIONS_SUBSCRIPTION;
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    await this.startAtTheEnd();
    this.wakeUps = new EventWakeUps(this.pool);
    await this.wakeUps.start();
    this.subscription = new Subscription(this.pool, this.store, this.wakeUps, {
      name: this.name,
      batchSize: 200,
      pollIntervalMs: this.options.pollIntervalMs ?? 250,
      handle: async (events: StoredEvent[], tx) => {
        this.pending = await this.planner.plan(events, tx);
      },
      afterCommit: () => this.publish(),
      onError: this.options.onError,
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

  /** Never throws (the checkpoint has moved): what fails to reach Redis, the sweep re-queues. */
  private async publish(): Promise<void> {
    const emails = this.pending;
    this.pending = [];
    try {
      await this.queue.addEmails(emails);
    } catch (err) {
      this.options.onError?.(err);
    }
  }

  /** Before the first run: the checkpoint past every event already readable. */
  private async startAtTheEnd(): Promise<void> {
    await this.pool.query(
      `INSERT INTO subscription_checkpoints (name, transaction_id, position)
       VALUES ($1, (pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1)::text::xid8, $2)
       ON CONFLICT (name) DO NOTHING`,
      [this.name, PAST_EVERY_POSITION],
    );
  }
}
