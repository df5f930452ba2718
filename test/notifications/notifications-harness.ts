import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { Pool } from 'pg';
import { PeopleReader } from '@liaison/directory';
import { EventStore } from '@liaison/event-store';
import {
  DigestSender,
  EmailSender,
  loadNotificationsConfig,
  NOTIFICATIONS_QUEUE,
  notificationJobHandlers,
  notificationJobProcessor,
  NotificationPlanner,
  NotificationQueue,
  NotificationsConfig,
  NotificationsRelay,
  NotificationSweep,
  PreferencesStore,
  SenderHooks,
  smtpTransport,
} from '@liaison/notifications';
import { createRedis, RedisClient } from '@liaison/platform';

/**
 * The worker's notification parts, assembled in the test process as NotificationsWorkerModule
 * assembles them, over a queue prefix and a subscription of the spec's own (the test database
 * and Redis are shared with every other spec), with short locks so a dead sender is noticed in
 * about a second.
 */
export interface NotificationsRuntime {
  config: NotificationsConfig;
  queue: NotificationQueue;
  relay: NotificationsRelay;
  sweep: NotificationSweep;
  subscriptionName: string;
  /** A BullMQ worker on the queue; hooks let a spec kill it at a chosen point. */
  startWorker(hooks?: SenderHooks): Worker;
  stop(): Promise<void>;
}

export async function startNotificationsRuntime(
  pool: Pool,
  env: Record<string, string | undefined>,
): Promise<NotificationsRuntime> {
  const suffix = randomUUID().slice(0, 8);
  const config = loadNotificationsConfig({
    QUEUE_PREFIX: `notify-spec-${suffix}`,
    NOTIFY_JOB_LOCK_MS: '1000',
    NOTIFY_BACKOFF_MS: '50',
    NOTIFY_RESEND_AFTER_MS: '200',
    NOTIFY_POLL_MS: '50',
    ...env,
  });
  const redis: RedisClient[] = [];
  const connect = (role: 'producer' | 'worker') => {
    const c = createRedis('redis://127.0.0.1:6379', role);
    c.on('error', () => {});
    redis.push(c);
    return c;
  };
  const store = new EventStore(pool);
  const people = new PeopleReader(pool);
  const prefs = new PreferencesStore(pool);
  const queue = new NotificationQueue(connect('producer'), config);
  const planner = new NotificationPlanner(store, people, prefs, config);
  const subscriptionName = `notifications:spec-${suffix}`;
  const relay = new NotificationsRelay(pool, store, planner, queue, {
    subscriptionName,
    pollIntervalMs: 50,
  });
  const sweep = new NotificationSweep(pool, queue, config);
  const transport = smtpTransport(config);
  const workers: Worker[] = [];
  await relay.start();
  return {
    config,
    queue,
    relay,
    sweep,
    subscriptionName,
    startWorker(hooks: SenderHooks = {}) {
      const handlers = notificationJobHandlers({
        email: new EmailSender(pool, transport, config, hooks),
        digest: new DigestSender(pool, transport, people, prefs, config),
        sweep,
      });
      const worker = new Worker(NOTIFICATIONS_QUEUE, notificationJobProcessor(handlers), {
        connection: connect('worker'),
        prefix: config.queuePrefix,
        concurrency: 4,
        lockDuration: config.jobLockMs,
        stalledInterval: config.jobLockMs,
        maxStalledCount: 3,
      });
      worker.on('error', () => {});
      if (process.env.NOTIFY_SPEC_DEBUG) {
        worker.on('active', (job) =>
          console.log(
            'active',
            job.name,
            job.id,
            pool.totalCount,
            pool.idleCount,
            pool.waitingCount,
          ),
        );
        worker.on('completed', (job) => console.log('completed', job.name, job.id));
        worker.on('failed', (job, err) =>
          console.log('failed', job?.name, job?.attemptsMade, err.message),
        );
      }
      workers.push(worker);
      return worker;
    },
    async stop() {
      await relay.stop();
      await Promise.all(
        workers.filter((w) => !w.closing).map((w) => w.close(true).catch(() => {})),
      );
      await queue.queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
      transport?.close();
      redis.forEach((c) => c.disconnect());
    },
  };
}
