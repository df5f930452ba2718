import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  JobDispatcher,
  JobLedger,
  JobResult,
  ROUTING_CONFIG,
  RoutingConfig,
} from '@liaison/routing';

const BATCH = 1_000;
const KEEP_FINISHED_MS = 7 * 24 * 3_600_000;

/**
 * Finds jobs that are due but unfinished long after (Redis lost them: a restart without
 * persistence, a failover) and hands them to BullMQ again. Those BullMQ still holds are
 * dropped as duplicates, so the sweep is harmless when nothing was lost. Lost deadline timers
 * come back this way too, and run at once since their time has passed.
 */
@Injectable()
export class UnfinishedJobsSweepProcessor {
  private readonly logger = new Logger('Sweep');

  constructor(
    private readonly ledger: JobLedger,
    private readonly dispatcher: JobDispatcher,
    @Inject(ROUTING_CONFIG) private readonly config: RoutingConfig,
  ) {}

  async process(): Promise<JobResult> {
    const now = Date.now();
    const due = await this.ledger.unfinished(new Date(now - this.config.redeliverAfterMs), BATCH);
    await this.dispatcher.redeliver(due);
    const forgotten = await this.ledger.forgetFinished(new Date(now - KEEP_FINISHED_MS), BATCH);
    if (due.length > 0)
      this.logger.warn({ msg: 'handed unfinished jobs to BullMQ again', count: due.length });
    return { outcome: `redelivered ${due.length}, forgot ${forgotten} finished` };
  }
}
