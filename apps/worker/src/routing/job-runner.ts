import { Inject, Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import {
  InvalidJobPayloadError,
  isJobName,
  JobHandler,
  JobHandlers,
  JobLedger,
  JobName,
  JobPayloads,
  JOBS_BY_QUEUE,
  parsePayload,
  QueuedJob,
  queueKindOf,
  RoutingQueues,
  UNLEDGERED_JOBS,
} from '@liaison/routing';
import { JOB_HANDLERS } from './job-handlers.token';
import { WORKER_NAME } from './worker-identity';

/**
 * Runs every job the same way: check the payload (a bad one fails for good, with the reason),
 * skip a job the ledger says is finished (BullMQ forgets removed ids, Postgres does not), run
 * the handler, add the jobs it led to, then record those and mark this one finished in one
 * statement. A crash anywhere in between means a re-run, which the ledger and the idempotent
 * commands turn into a no-op.
 */
@Injectable()
export class JobRunner {
  constructor(
    @Inject(JOB_HANDLERS) private readonly handlers: Required<JobHandlers>,
    private readonly ledger: JobLedger,
    private readonly queues: RoutingQueues,
  ) {}

  async run(job: Job): Promise<string> {
    return this.runAs(this.acceptedName(job), job);
  }

  private async runAs<N extends JobName>(name: N, job: Job): Promise<string> {
    let payload: JobPayloads[N];
    try {
      payload = parsePayload(name, job.data);
    } catch (err) {
      if (!(err instanceof InvalidJobPayloadError)) throw err;
      const reason = `invalid ${name} payload: ${err.message}`;
      await this.ledger.finish(this.entry(job), `rejected: ${reason}`, WORKER_NAME);
      throw new UnrecoverableError(reason);
    }
    const ledgered = !UNLEDGERED_JOBS.includes(name);
    if (ledgered && (await this.ledger.isFinished(job.queueName, this.jobId(job)))) {
      return 'already finished';
    }
    // TypeScript cannot tie handlers[N] to N's payload by itself; requireEveryJobHandled did.
    const handler = this.handlers[name] as JobHandler<N>;
    const { outcome, followOn = [] } = await handler(payload, job);
    if (ledgered) await this.finish(job, outcome, followOn);
    else if (followOn.length > 0) await this.queues.add(followOn);
    return outcome;
  }

  /** After the last attempt failed: the ledger stops counting the job as due. */
  async recordFailure(job: Job, err: Error): Promise<void> {
    if (!isJobName(job.name) || UNLEDGERED_JOBS.includes(job.name)) return;
    await this.ledger.finish(this.entry(job), `failed: ${err.message}`, WORKER_NAME);
  }

  private acceptedName(job: Job): JobName {
    const kind = queueKindOf(job.queueName);
    if (!isJobName(job.name) || !JOBS_BY_QUEUE[kind].includes(job.name)) {
      throw new UnrecoverableError(`no handler for job "${job.name}" on queue ${job.queueName}`);
    }
    return job.name;
  }

  /** Follow-on jobs go to Redis first: a failed add fails this job, and it is retried. */
  private async finish(job: Job, outcome: string, followOn: readonly QueuedJob[]) {
    if (followOn.length > 0) await this.queues.add(followOn);
    await this.ledger.settle(this.entry(job), outcome, WORKER_NAME, followOn);
  }

  private jobId(job: Job): string {
    return job.id ?? `${job.name}-unnamed`;
  }

  private entry(job: Job) {
    return { queue: job.queueName, id: this.jobId(job), name: job.name, payload: job.data };
  }
}
