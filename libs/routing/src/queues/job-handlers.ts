import { Job } from 'bullmq';
import { JOB_NAMES, JobName, JobPayloads } from './job-payloads';
import { MissingJobHandlerError } from './job.errors';
import { QueuedJob } from './queued-job';

/** What a handler did, for the ledger, and the jobs its work leads to. */
export interface JobResult {
  outcome: string;
  /** Recorded in the ledger in the same transaction that marks this job finished. */
  followOn?: QueuedJob[];
}

export type JobHandler<N extends JobName> = (
  payload: JobPayloads[N],
  job: Job,
) => Promise<JobResult>;

export type JobHandlers = { [N in JobName]?: JobHandler<N> };

/** Boot fails here, naming them, while any declared job has nobody to handle it. */
export function requireEveryJobHandled(
  handlers: JobHandlers,
): asserts handlers is Required<JobHandlers> {
  const missing = JOB_NAMES.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0) throw new MissingJobHandlerError(missing);
}
