import { Job } from 'bullmq';

/** While the job runs: this is its last attempt, so a failure now will not be retried. */
export const isFinalAttempt = (job: Job): boolean =>
  job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/** After a failure (BullMQ has counted it): no attempt is left. */
export const hasNoAttemptsLeft = (job: Job): boolean =>
  job.attemptsMade >= (job.opts.attempts ?? 1);
