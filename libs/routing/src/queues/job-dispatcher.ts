import { Injectable } from '@nestjs/common';
import { PoolClient } from 'pg';
import { JobLedger } from '../ledger/job-ledger';
import { QueuedJob } from './queued-job';
import { RoutingQueues } from './routing-queues';

/**
 * The one way jobs enter BullMQ: first the ledger (in the caller's transaction, when given, so
 * the record commits with whatever caused the jobs), then Redis. Should the transaction roll
 * back after the add, the caller does it all again and BullMQ drops the repeated ids.
 * The relay splits the two: it records in its transaction and publishes after the commit.
 */
@Injectable()
export class JobDispatcher {
  constructor(
    private readonly ledger: JobLedger,
    private readonly queues: RoutingQueues,
  ) {}

  async enqueue(jobs: readonly QueuedJob[], tx?: PoolClient): Promise<void> {
    if (jobs.length === 0) return;
    await this.ledger.record(jobs, tx);
    await this.queues.add(jobs);
  }

  /** The ledger half of enqueue: rows that commit with the caller's transaction. */
  async record(jobs: readonly QueuedJob[], tx: PoolClient): Promise<void> {
    await this.ledger.record(jobs, tx);
  }

  /** The Redis half, for jobs whose ledger rows are committed (a lost add is swept up). */
  async publish(jobs: readonly QueuedJob[]): Promise<void> {
    if (jobs.length > 0) await this.queues.add(jobs);
  }

  /** Hands recorded jobs to BullMQ again; the ones it still holds are dropped as duplicates. */
  async redeliver(jobs: readonly QueuedJob[]): Promise<void> {
    await this.queues.add(jobs);
  }
}
