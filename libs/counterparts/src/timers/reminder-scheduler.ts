import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Env, envKeyPrefix, REDIS, RedisClient } from '@liaison/platform';
import { isClustered, queueKeyPrefix } from '@liaison/routing';

/** The counterpart reminders' queue and its one job: declared once, here. */
export const COUNTERPART_REMINDER_QUEUE = 'counterpart-reminders';
export const COUNTERPART_REMINDER_JOB = 'counterpart-reminder';

export interface CounterpartReminderPayload {
  requestId: string;
  dueAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A worker has no ValidationPipe: a payload is checked before it is used. */
export function parseReminderPayload(data: unknown): CounterpartReminderPayload {
  const p = data as Partial<CounterpartReminderPayload> | null;
  if (!p || typeof p.requestId !== 'string' || !UUID.test(p.requestId)) {
    throw new Error('counterpart reminder payload: requestId must be a uuid');
  }
  if (typeof p.dueAt !== 'string' || Number.isNaN(Date.parse(p.dueAt))) {
    throw new Error('counterpart reminder payload: dueAt must be an ISO-8601 time');
  }
  return { requestId: p.requestId, dueAt: p.dueAt };
}

/** One job per request and due time: adding it again while BullMQ holds it is a no-op. */
export function reminderJobId(requestId: string, dueAt: string): string {
  return `counterpart-reminder-${requestId}-${Date.parse(dueAt)}`;
}

/** The BullMQ key prefix routing's queues use (QUEUE_PREFIX, checked as theirs is). */
export function queuePrefix(env: Env = process.env): string {
  return envKeyPrefix(env, 'QUEUE_PREFIX');
}

export interface ReminderScheduler {
  schedule(requestId: string, dueAt: string): Promise<void>;
}

export const REMINDER_SCHEDULER = Symbol('REMINDER_SCHEDULER');

/** Adds the delayed job over the process's producer connection (no offline queue: fails fast). */
@Injectable()
export class BullReminderScheduler implements ReminderScheduler, OnApplicationShutdown {
  private queue?: Queue;

  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async schedule(requestId: string, dueAt: string): Promise<void> {
    await this.get().add(
      COUNTERPART_REMINDER_JOB,
      { requestId, dueAt },
      {
        jobId: reminderJobId(requestId, dueAt),
        delay: Math.max(0, Date.parse(dueAt) - Date.now()),
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 86_400 },
        removeOnFail: { age: 7 * 86_400 },
      },
    );
  }

  private get(): Queue {
    if (!this.queue) {
      const prefix = queueKeyPrefix(
        queuePrefix(),
        COUNTERPART_REMINDER_QUEUE,
        isClustered(this.redis),
      );
      this.queue = new Queue(COUNTERPART_REMINDER_QUEUE, { connection: this.redis, prefix });
      this.queue.on('error', () => {}); // an outage surfaces as a failed add; the sweep makes up
    }
    return this.queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close().catch(() => {});
  }
}
