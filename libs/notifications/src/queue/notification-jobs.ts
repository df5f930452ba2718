/**
 * The notifications queue and its jobs, declared once here (the routing lib's jobs are declared
 * in libs/routing/src/queues; this lib keeps its own so routing does not depend on it). The
 * worker checks at boot that every job named here has a handler.
 */
import { JobsOptions } from 'bullmq';
import { NotificationsConfig } from '../config/notifications.config';

export const NOTIFICATIONS_QUEUE = 'notifications';

export interface NotificationJobPayloads {
  /** One e-mail of the outbox, by its key. */
  'send-email': { eventId: string; personId: string };
  /** One person's digest of one day (Seoul), YYYY-MM-DD. */
  'send-digest': { personId: string; day: string };
  /** Re-queue unsent e-mails (lost with Redis, or whose sender died) and queue due digests. */
  'sweep-notifications': Record<string, never>;
}

export type NotificationJobName = keyof NotificationJobPayloads;

export const NOTIFICATION_JOB_NAMES: readonly NotificationJobName[] = [
  'send-email',
  'send-digest',
  'sweep-notifications',
];

export type NotificationJobHandlers = {
  [N in NotificationJobName]: (payload: NotificationJobPayloads[N]) => Promise<void>;
};

/** Boot fails while a declared job has no handler (as the routing worker's does). */
export function requireEveryNotificationJobHandled(
  handlers: Partial<NotificationJobHandlers>,
): void {
  const missing = NOTIFICATION_JOB_NAMES.filter((n) => typeof handlers[n] !== 'function');
  if (missing.length) {
    throw new Error(`No handler for notification job(s): ${missing.join(', ')}`);
  }
}

/** Deterministic ids: the same notification is always the same job, which BullMQ adds once. */
export const notificationJobIds = {
  email: (eventId: string, personId: string) => `email-${eventId}-${personId}`,
  digest: (personId: string, day: string) => `digest-${personId}-${day}`,
};
export const NOTIFICATIONS_SWEEP_SCHEDULER_ID = 'sweep-notifications';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A worker has no ValidationPipe: payloads are checked before use, naming the bad field. */
export function parseNotificationPayload<N extends NotificationJobName>(
  name: N,
  data: unknown,
): NotificationJobPayloads[N] {
  const d = (data ?? {}) as Record<string, unknown>;
  const need = (field: string, pattern: RegExp) => {
    if (typeof d[field] !== 'string' || !pattern.test(d[field])) {
      throw new Error(`payload.${field} is not valid for ${name}`);
    }
  };
  switch (name) {
    case 'send-email':
      need('eventId', UUID);
      need('personId', UUID);
      return { eventId: d.eventId, personId: d.personId } as NotificationJobPayloads[N];
    case 'send-digest':
      need('personId', UUID);
      need('day', DAY);
      return { personId: d.personId, day: d.day } as NotificationJobPayloads[N];
    case 'sweep-notifications':
      return {} as NotificationJobPayloads[N];
    default:
      throw new Error(`unknown notification job ${String(name)}`);
  }
}

const HOUR_S = 3600;

export function notificationJobOptions(
  name: NotificationJobName,
  config: NotificationsConfig,
): JobsOptions {
  if (name === 'sweep-notifications') {
    return { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } };
  }
  return {
    removeOnComplete: { age: 24 * HOUR_S, count: 10_000 },
    removeOnFail: { age: 7 * 24 * HOUR_S, count: 10_000 },
    attempts: config.attempts,
    backoff: { type: 'exponential', delay: config.retryBackoffMs },
  };
}

/** The handlers of the three jobs, over the senders and the sweep; checked complete. */
export function notificationJobHandlers(parts: {
  email: { send(eventId: string, personId: string): Promise<unknown> };
  digest: { send(personId: string, day: string): Promise<unknown> };
  sweep: { sweep(): Promise<unknown> };
}): NotificationJobHandlers {
  const handlers: NotificationJobHandlers = {
    'send-email': async (p) => {
      await parts.email.send(p.eventId, p.personId);
    },
    'send-digest': async (p) => {
      await parts.digest.send(p.personId, p.day);
    },
    'sweep-notifications': async () => {
      await parts.sweep.sweep();
    },
  };
  requireEveryNotificationJobHandled(handlers);
  return handlers;
}

/** A BullMQ processor: validates the payload, then hands it to the job's handler. */
export function notificationJobProcessor(handlers: NotificationJobHandlers) {
  return async (job: { name: string; data: unknown }): Promise<void> => {
    if (!(NOTIFICATION_JOB_NAMES as readonly string[]).includes(job.name)) {
      throw new Error(`unknown notification job ${job.name}`);
    }
    const name = job.name as NotificationJobName;
    const payload = parseNotificationPayload(name, job.data);
    await (handlers[name] as (p: typeof payload) => Promise<void>)(payload);
  };
}
