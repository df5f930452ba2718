/**
 * The queues and which jobs each carries, with their ids and options: the one place they are
 * declared. BullMQ names may not contain ':', so ids use '-'.
 */
import { JobsOptions } from 'bullmq';
import { RoutingConfig } from '../config/routing.config';
import { JobName } from './job-payloads';

export const TIMER_QUEUE = 'timers';
const AGENCY_QUEUE_PREFIX = 'agency-';

export const agencyQueue = (agency: string): string => `${AGENCY_QUEUE_PREFIX}${agency}`;

export function agencyOfQueue(queue: string): string | undefined {
  return queue.startsWith(AGENCY_QUEUE_PREFIX)
    ? queue.slice(AGENCY_QUEUE_PREFIX.length)
    : undefined;
}

export type QueueKind = 'agency' | 'timers';

export const JOBS_BY_QUEUE: Readonly<Record<QueueKind, readonly JobName[]>> = {
  agency: ['deliver-task'],
  timers: [
    'schedule-deadlines',
    'send-reminder',
    'mark-overdue',
    'escalate-overdue',
    'sweep-unfinished-jobs',
  ],
};

export function queueKindOf(queue: string): QueueKind {
  if (queue === TIMER_QUEUE) return 'timers';
  return 'agency';
}

/** Deterministic ids: the same fact always becomes the same job, which BullMQ adds only once. */
export const jobIds = {
  deliver: (eventId: string) => `deliver-${eventId}`,
  schedule: (eventId: string) => `schedule-${eventId}`,
  reminder: (followUpId: string, agency: string, dueAt: string) =>
    `reminder-${followUpId}-${agency}-${Date.parse(dueAt)}`,
  overdue: (followUpId: string, dueAt: string) => `overdue-${followUpId}-${Date.parse(dueAt)}`,
  escalate: (followUpId: string, dueAt: string) => `escalate-${followUpId}-${Date.parse(dueAt)}`,
  retry: (jobId: string, retry: number) => `${jobId}-retry-${retry}`,
};

/** The sweep runs from a BullMQ job scheduler, not from the ledger. */
export const SWEEP_SCHEDULER_ID = 'sweep-unfinished-jobs';
export const UNLEDGERED_JOBS: readonly JobName[] = ['sweep-unfinished-jobs'];

const HOUR_S = 3600;

/** Bounded history in Redis: Postgres (the ledger) is what remembers for longer. */
const KEEP = {
  removeOnComplete: { age: 24 * HOUR_S, count: 10_000 },
  removeOnFail: { age: 7 * 24 * HOUR_S, count: 10_000 },
};

export function jobOptions(name: JobName, config: RoutingConfig): JobsOptions {
  switch (name) {
    case 'deliver-task':
      return {
        ...KEEP,
        attempts: config.deliveryAttempts,
        backoff: { type: 'exponential', delay: config.deliveryBackoffMs },
      };
    case 'sweep-unfinished-jobs':
      return { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } };
    default:
      // Timer jobs fail only on a conflicting write or an outage: retry, briefly.
      return { ...KEEP, attempts: 10, backoff: { type: 'exponential', delay: 500 } };
  }
}
