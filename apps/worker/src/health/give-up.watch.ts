import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { unableForMs } from '@liaison/event-store';
import { LIAISON_CONFIG, LiaisonConfig } from '@liaison/platform';
import { WorkerHeartbeat } from './worker-heartbeat';
import { WorkerSubscriptions } from './worker-subscriptions';

/** EX_TEMPFAIL: the process is fine to start again; what it depends on was not there. */
export const GIVE_UP_EXIT_CODE = 75;

/**
 * Ends the process when one of its parts has been unable to work for WORKER_GIVE_UP_AFTER_MS:
 * failing all along, or stuck in a call that never returns. Shorter outages are waited out
 * (everything reconnects by itself); past that, a fresh process under the orchestrator's
 * restart policy is the better bet than one that may hold a wedged connection or lock.
 */
@Injectable()
export class GiveUpWatch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('GiveUpWatch');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
    private readonly subscriptions: WorkerSubscriptions,
    private readonly heartbeat: WorkerHeartbeat,
  ) {}

  onApplicationBootstrap(): void {
    const every = Math.min(1000, Math.ceil(this.config.workerGiveUpAfterMs / 4));
    this.timer = setInterval(() => this.check(), every);
    this.timer.unref();
  }

  /** A drain that takes its time on SIGTERM is not a reason to give up. */
  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private check(): void {
    const now = Date.now();
    const parts = [...this.subscriptions.list(), { name: 'heartbeat', ...this.heartbeat.status() }];
    const stuck = parts.find((p) => unableForMs(p, now) > this.config.workerGiveUpAfterMs);
    if (!stuck) return;
    clearInterval(this.timer);
    this.logger.fatal({
      msg: `worker giving up: ${stuck.name} could not work for ${unableForMs(stuck, now)} ms (WORKER_GIVE_UP_AFTER_MS=${this.config.workerGiveUpAfterMs}); exiting with ${GIVE_UP_EXIT_CODE} to be restarted`,
      part: stuck.name,
      lastError: stuck.lastError,
    });
    // No drain: what it would wait for is what is gone. Locks die with the connections, BullMQ
    // hands unfinished jobs on after their lock expires, and the checkpoints are in Postgres.
    process.exit(GIVE_UP_EXIT_CODE);
  }
}
