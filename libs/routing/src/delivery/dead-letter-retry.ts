import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { inTransaction, PG_POOL } from '@liaison/platform';
import { isJobName, parsePayload } from '../queues/job-payloads';
import { JobDispatcher } from '../queues/job-dispatcher';
import { jobIds } from '../queues/queues';
import { QueuedJob } from '../queues/queued-job';
import { RoutingNotFoundError } from '../routing.errors';
import { DeadLetter, DeadLetters } from './dead-letters.repository';

/**
 * An admin's retry: the dead job goes back on its queue under a new id (BullMQ keeps the failed
 * one), recorded in the ledger in the same transaction that marks the letter retried.
 */
@Injectable()
export class DeadLetterRetry {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly letters: DeadLetters,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async retry(id: string): Promise<DeadLetter> {
    return inTransaction(this.pool, async (tx) => {
      const letter = await this.letters.lock(id, tx);
      if (!letter || !isJobName(letter.jobName)) throw new RoutingNotFoundError('Dead letter', id);
      const retryJobId = jobIds.retry(letter.jobId, letter.retryCount + 1);
      const job = {
        queue: letter.queue,
        name: letter.jobName,
        id: retryJobId,
        payload: parsePayload(letter.jobName, letter.payload),
        runAt: new Date(),
      } as QueuedJob;
      await this.dispatcher.enqueue([job], tx);
      return this.letters.markRetried(id, retryJobId, tx);
    });
  }
}
