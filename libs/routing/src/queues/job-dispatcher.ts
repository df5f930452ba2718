import { Injectable } from '@nestjs/common';
import { PoolClient } from 'pg';
import { JobLedger } from '../ledger/job-ledger';
import { QueuedJob } from './queued-job';
import { RoutingQueues } from './routing-queues';

/**
 * The one way jobs enter BullMQ: into Redis and, at the same time, into the ledger (in the
 * caller's transaction, when given, so the record commits with whatever caused the jobs).
 * Should either fail, or the transaction roll back after the add, the caller does it all again
 * and BullMQ drops the repeated ids; a job that runs before its ledger row commits is settled
 * by an upsert, and the later record leaves that row alone.
 */
@Injectable()
export class JobDispatcher {
  constructor(
    private readonly ledger: JobLedger,
    private readonly queues: RoutingQueues,
  ) {}

  async enqueue(jobs: readonly QueuedJob[], tx?: PoolClient): Promise<void> {
    if (jobs.length === 0) return;
    await Promise.all([this.queues.add(jobs), this.ledger.record(jobs, tx)]);
  }

  /** Hands recorded jobs to BullMQ again; the ones it still holds are dropped as duplicates. */
  async redeliver(jobs: readonly QueuedJob[]): Promise<void> {
    await this.queues.add(jobs);
  }
}
