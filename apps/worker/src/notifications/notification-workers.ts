import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Worker } from 'bullmq';
import { createRedis, LIAISON_CONFIG, LiaisonConfig, RedisClient } from '@liaison/platform';
import {
  EmailSender,
  NOTIFICATIONS_CONFIG,
  NOTIFICATIONS_QUEUE,
  NotificationJobHandlers,
  notificationJobProcessor,
  NotificationQueue,
  NotificationsConfig,
  NotificationsRelay,
} from '@liaison/notifications';
import { WORKER_NAME } from '../routing/worker-identity';
import { closeWithin, WORKER_CLOSE_TIMEOUT_MS } from '../routing/routing-workers';
import { notificationsPrefix } from './notifications-prefix';
import { NOTIFICATION_JOB_HANDLERS } from './notification-job-handlers.provider';

/**
 * The notifications relay (one across all processes, by its advisory lock) and this process's
 * worker on the notifications queue. Without SMTP_URL the relay still writes the in-app list,
 * and the queue worker is not started (no e-mail is planned).
 */
@Injectable()
export class NotificationWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationWorkers');
  private connection?: RedisClient;
  private worker?: Worker;
  private sweepCheck?: NodeJS.Timeout;

  constructor(
    private readonly relay: NotificationsRelay,
    private readonly queue: NotificationQueue,
    private readonly email: EmailSender,
    @Inject(NOTIFICATION_JOB_HANDLERS) private readonly handlers: NotificationJobHandlers,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LIAISON_CONFIG) private readonly platform: LiaisonConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.smtpUrl) {
      this.connection = createRedis(this.platform, 'worker');
      this.connection.on('error', () => {});
      this.worker = new Worker(NOTIFICATIONS_QUEUE, notificationJobProcessor(this.handlers), {
        connection: this.connection,
        prefix: notificationsPrefix(this.config, this.connection),
        name: WORKER_NAME,
        concurrency: this.config.concurrency,
        lockDuration: this.config.jobLockMs,
        stalledInterval: this.config.jobLockMs,
        maxStalledCount: 3,
      });
      this.worker.on('error', () => {});
      this.worker.on('failed', (job, err) => {
        this.logger.warn({ msg: 'notification job failed', job: job?.id, reason: err.message });
      });
      const ensure = () => this.queue.ensureSweepScheduled().catch(() => {});
      await ensure();
      this.sweepCheck = setInterval(() => void ensure(), 5_000);
    }
    await this.relay.start();
    this.logger.log({ msg: 'notifications started', email: Boolean(this.config.smtpUrl) });
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweepCheck);
    await this.relay.stop();
    if (this.worker) await closeWithin([this.worker], WORKER_CLOSE_TIMEOUT_MS, this.logger);
    await this.email.drain(); // the sent marks of the last jobs, before the pool closes
    await this.queue.close();
    this.connection?.disconnect();
  }
}
