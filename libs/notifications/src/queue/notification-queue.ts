import { Queue } from 'bullmq';
import { RedisClient } from '@liaison/platform';
import { NotificationsConfig } from '../config/notifications.config';
import {
  NOTIFICATIONS_QUEUE,
  NOTIFICATIONS_SWEEP_SCHEDULER_ID,
  notificationJobIds,
  notificationJobOptions,
} from './notification-jobs';

/** The producer side of the notifications queue: adds jobs under their deterministic ids. It
 * owns the connection it is given (BullMQ leaves a passed-in connection open on close). */
export class NotificationQueue {
  readonly queue: Queue;

  constructor(
    private readonly connection: RedisClient,
    private readonly config: NotificationsConfig,
    prefix: string = config.queuePrefix,
  ) {
    this.queue = new Queue(NOTIFICATIONS_QUEUE, { connection, prefix });
    this.queue.on('error', () => {}); // Redis trouble: the callers retry, the sweep catches up
  }

  async addEmails(keys: readonly { eventId: string; personId: string }[]): Promise<void> {
    if (keys.length === 0) return;
    const opts = notificationJobOptions('send-email', this.config);
    await this.queue.addBulk(
      keys.map((k) => ({
        name: 'send-email',
        data: { eventId: k.eventId, personId: k.personId },
        opts: { ...opts, jobId: notificationJobIds.email(k.eventId, k.personId) },
      })),
    );
  }

  async addDigests(keys: readonly { personId: string; day: string }[]): Promise<void> {
    if (keys.length === 0) return;
    const opts = notificationJobOptions('send-digest', this.config);
    await this.queue.addBulk(
      keys.map((k) => ({
        name: 'send-digest',
        data: { personId: k.personId, day: k.day },
        opts: { ...opts, jobId: notificationJobIds.digest(k.personId, k.day) },
      })),
    );
  }

  /**
   * Adds a job again unless BullMQ still holds it: one that failed for good is retried, one
   * waiting or running is left alone (its id makes a second add a no-op anyway).
   */
  async requeue(jobId: string, add: () => Promise<void>): Promise<void> {
    const job = await this.queue.getJob(jobId);
    if (!job) return add();
    if ((await job.getState()) === 'failed') await job.retry('failed');
  }

  async ensureSweepScheduled(): Promise<void> {
    if (await this.queue.getJobScheduler(NOTIFICATIONS_SWEEP_SCHEDULER_ID)) return;
    await this.queue.upsertJobScheduler(
      NOTIFICATIONS_SWEEP_SCHEDULER_ID,
      { every: this.config.sweepIntervalMs },
      {
        name: 'sweep-notifications',
        data: {},
        opts: notificationJobOptions('sweep-notifications', this.config),
      },
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }
}
