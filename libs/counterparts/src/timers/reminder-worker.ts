import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { createRedis, LIAISON_CONFIG, LiaisonConfig, RedisClient } from '@liaison/platform';
import { isClustered, queueKeyPrefix } from '@liaison/routing';
import { CounterpartCommands } from '../commands/counterpart-commands';
import { COUNTERPARTS_CONFIG, CounterpartsConfig } from '../config/counterparts.config';
import {
  COUNTERPART_REMINDER_JOB,
  COUNTERPART_REMINDER_QUEUE,
  parseReminderPayload,
  queuePrefix,
} from './reminder-scheduler';
import { CounterpartReminderSweep } from './reminder-sweep';

/**
 * The worker side: the delayed job at each due time sends the reminder command (which re-checks
 * the request: answered, closed or moved on, it does nothing), and the sweep runs every
 * COUNTERPART_SWEEP_MS for what Redis lost.
 */
@Injectable()
export class CounterpartReminderWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CounterpartReminderWorker.name);
  private connection?: RedisClient;
  private worker?: Worker;
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    private readonly commands: CounterpartCommands,
    private readonly sweep: CounterpartReminderSweep,
    @Inject(LIAISON_CONFIG) private readonly platform: LiaisonConfig,
    @Inject(COUNTERPARTS_CONFIG) private readonly config: CounterpartsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = createRedis(this.platform, 'worker');
    this.connection.on('error', () => {});
    this.worker = new Worker(COUNTERPART_REMINDER_QUEUE, (job: Job) => this.run(job), {
      connection: this.connection,
      prefix: queueKeyPrefix(
        queuePrefix(),
        COUNTERPART_REMINDER_QUEUE,
        isClustered(this.connection),
      ),
      concurrency: 4,
    });
    this.worker.on('error', () => {});
    this.sweepTimer = setInterval(() => void this.sweepOnce(), this.config.sweepMs);
    this.sweepTimer.unref();
  }

  async run(job: Pick<Job, 'name' | 'data'>): Promise<void> {
    if (job.name !== COUNTERPART_REMINDER_JOB) throw new Error(`no handler for job ${job.name}`);
    const { requestId, dueAt } = parseReminderPayload(job.data);
    await this.commands.remind(requestId, dueAt);
  }

  private async sweepOnce(): Promise<void> {
    try {
      await this.sweep.sweep();
    } catch (err) {
      this.logger.warn(`counterpart reminder sweep failed: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.worker?.close().catch(() => {});
    this.connection?.disconnect();
  }
}
