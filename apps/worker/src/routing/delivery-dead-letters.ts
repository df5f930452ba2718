import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { Pool } from 'pg';
import { inTransaction, PG_POOL } from '@liaison/platform';
import { DeadLetters, JobLedger, JobPayloads, SystemCommands } from '@liaison/routing';
import { WORKER_NAME } from './worker-identity';

type DeliverPayload = JobPayloads['deliver-task'];

/**
 * When a delivery's last attempt fails: the failure becomes a FollowUpRoutingFailed (which
 * escalates to the assigning bureau) and a dead letter an admin can retry. The event comes
 * first: should the process die before the letter is written, the job runs again, the command
 * changes nothing the second time, and the letter follows.
 */
@Injectable()
export class DeliveryDeadLetters {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly commands: SystemCommands,
    private readonly deadLetters: DeadLetters,
    private readonly ledger: JobLedger,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async giveUp(payload: DeliverPayload, job: Job, attempts: number, reason: string) {
    const { followUpId, assigneeAgency } = payload.task;
    const { agency, eventId, correlationId } = payload;
    const failure = `webhook delivery to ${agency} failed after ${attempts} attempts: ${reason}`;
    await this.commands.send(
      'delivery',
      { kind: 'RecordRoutingFailure', followUpId, agency: assigneeAgency, reason: failure },
      { correlationId, causationId: eventId },
    );
    const jobId = job.id ?? `deliver-${eventId}`;
    await inTransaction(this.pool, async (tx) => {
      const letter = { queue: job.queueName, jobId, jobName: job.name, agency, followUpId };
      await this.deadLetters.record({ ...letter, payload, reason: failure, attempts }, tx);
      const entry = { queue: job.queueName, id: jobId, name: job.name, payload };
      await this.ledger.finish(entry, 'dead-lettered', WORKER_NAME, tx);
    });
    this.logger.error({ msg: 'delivery dead-lettered', followUpId, agency, attempts });
  }
}
