import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { AgencyDirectory } from '@liaison/follow-up';
import { createRedis, LIAISON_CONFIG, LiaisonConfig, RedisClient } from '@liaison/platform';
import {
  agencyCodes,
  agencyQueue,
  isClustered,
  hasNoAttemptsLeft,
  jobOptions,
  queueKeyPrefix,
  ROUTING_CONFIG,
  RoutingConfig,
  RoutingQueues,
  RoutingRelay,
  SWEEP_SCHEDULER_ID,
  TIMER_QUEUE,
} from '@liaison/routing';
import { JobRunner } from './job-runner';
import { WORKER_NAME } from './worker-identity';

/** New agencies in the directory get a queue worker within this long. */
const AGENCY_REFRESH_MS = 60_000;
/** How often a process checks that the sweep's scheduler still exists in Redis. */
const SWEEP_CHECK_MS = 5_000;
/**
 * How long SIGTERM waits for the workers' active jobs. After a Redis restart BullMQ's
 * `Worker.close()` can wait for ever on a blocking command that never returns; a job left
 * running then is only stalled, and another worker takes it over (the ledger makes the repeat
 * harmless), so the process gives up waiting rather than hang its supervisor.
 */
export const WORKER_CLOSE_TIMEOUT_MS = 10_000;

/**
 * The BullMQ workers of this process (routing, timers, one per agency queue) and the relay.
 * Any number of processes may run these side by side: BullMQ hands each job to one worker,
 * the relay's advisory lock lets one relay run, and the ledger makes a repeat harmless.
 * On SIGTERM the relay stops after its batch and the workers finish their active jobs.
 */
@Injectable()
export class RoutingWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RoutingWorkers');
  private readonly workers = new Map<string, Worker>();
  private connection?: RedisClient;
  private refreshTimer?: NodeJS.Timeout;
  private sweepCheckTimer?: NodeJS.Timeout;

  constructor(
    private readonly runner: JobRunner,
    private readonly relay: RoutingRelay,
    private readonly queues: RoutingQueues,
    private readonly directory: AgencyDirectory,
    @Inject(ROUTING_CONFIG) private readonly config: RoutingConfig,
    @Inject(LIAISON_CONFIG) private readonly platform: LiaisonConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Workers wait for Redis for ever (maxRetriesPerRequest null), as BullMQ advises.
    this.connection = createRedis(this.platform, 'worker');
    this.connection.on('error', () => {}); // ioredis reconnects; BullMQ resumes by itself
    // A Redis that lost its data lost the sweep's scheduler too: checked, and restored, often.
    await this.ensureSweepScheduled();
    this.sweepCheckTimer = setInterval(() => void this.ensureSweepScheduled(), SWEEP_CHECK_MS);
    this.startWorker(TIMER_QUEUE, this.config.timerConcurrency);
    await this.startAgencyWorkers();
    this.refreshTimer = setInterval(() => void this.startAgencyWorkers(), AGENCY_REFRESH_MS);
    await this.relay.start();
    this.logger.log({ msg: 'routing workers started', queues: [...this.workers.keys()] });
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.refreshTimer);
    clearInterval(this.sweepCheckTimer);
    await this.relay.stop();
    await closeWithin([...this.workers.values()], WORKER_CLOSE_TIMEOUT_MS, this.logger);
    this.workers.clear();
    this.connection?.disconnect();
    this.logger.log('routing workers drained');
  }

  private async startAgencyWorkers(): Promise<void> {
    try {
      for (const code of await agencyCodes(this.directory)) {
        this.startWorker(agencyQueue(code), this.config.deliveryConcurrency);
      }
    } catch (err) {
      this.logger.warn({ msg: 'could not read the agency directory', reason: String(err) });
    }
  }

  private startWorker(queue: string, concurrency: number): void {
    if (this.workers.has(queue) || !this.connection) return;
    const worker = new Worker(queue, (job: Job) => this.runner.run(job), {
      connection: this.connection,
      prefix: queueKeyPrefix(this.config.queuePrefix, queue, isClustered(this.connection)),
      name: WORKER_NAME,
      concurrency,
      lockDuration: this.config.jobLockMs,
      stalledInterval: this.config.jobLockMs,
      maxStalledCount: 3,
    });
    worker.on('failed', (job, err) => {
      if (!job || !(err.name === 'UnrecoverableError' || hasNoAttemptsLeft(job))) return;
      this.logger.error({ msg: 'job failed for good', queue, job: job.id, reason: err.message });
      this.runner.recordFailure(job, err).catch(() => {}); // the sweep's add is a no-op for it
    });
    worker.on('error', () => {}); // connection trouble: BullMQ reconnects and carries on
    this.workers.set(queue, worker);
  }

  private async ensureSweepScheduled(): Promise<void> {
    try {
      const timers = this.queues.get(TIMER_QUEUE);
      if (await timers.getJobScheduler(SWEEP_SCHEDULER_ID)) return;
      await timers.upsertJobScheduler(
        SWEEP_SCHEDULER_ID,
        { every: this.config.sweepIntervalMs },
        {
          name: 'sweep-unfinished-jobs',
          data: {},
          opts: jobOptions('sweep-unfinished-jobs', this.config),
        },
      );
    } catch {
      // Redis is down: the next check tries again
    }
  }
}

/** Closes the workers, waiting at most `ms` for them; the ones still closing are named. */
export async function closeWithin(
  workers: readonly Pick<Worker, 'close' | 'name'>[],
  ms: number,
  logger: Pick<Logger, 'warn'>,
): Promise<void> {
  const pending = new Set(workers.map((w) => w.name));
  let timer: NodeJS.Timeout | undefined;
  const closing = Promise.all(workers.map((w) => w.close().finally(() => pending.delete(w.name))));
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    if ((await Promise.race([closing, timedOut])) === 'timeout') {
      logger.warn({
        msg: 'workers did not close in time; their jobs will stall and be retried',
        queues: [...pending],
      });
    }
  } finally {
    clearTimeout(timer);
  }
}
