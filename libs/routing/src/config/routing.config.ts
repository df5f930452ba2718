import { Env, envInteger as integer, envKeyPrefix } from '@liaison/platform';
import { WebhookTargetPolicy } from '../delivery/webhook-target-policy';

/** Routing settings, read from the environment and validated at boot (the message names the
 * variable). Times are in milliseconds. */
export interface RoutingConfig {
  /** BullMQ key prefix: separates deployments (and test runs) sharing one Redis. */
  queuePrefix: string;
  /** How long before the due time the assignee is reminded. */
  reminderLeadMs: number;
  /** How long after the due time an unresolved task is escalated to the assigning bureau. */
  escalationGraceMs: number;
  webhookTimeoutMs: number;
  /** Webhook attempts in all (the first try included) before the task is dead-lettered. */
  deliveryAttempts: number;
  /** First retry delay; each later one doubles it. */
  deliveryBackoffMs: number;
  /** How often the relay polls the event log when no NOTIFY arrives. */
  relayPollMs: number;
  /** How often the sweep looks for jobs that are due but unfinished (lost with Redis). */
  sweepIntervalMs: number;
  /** How long a job may stay unfinished before the sweep hands it to BullMQ again. */
  redeliverAfterMs: number;
  /** A job whose worker stops renewing this lock (a crashed process) is handed to another. */
  jobLockMs: number;
  timerConcurrency: number;
  /**
   * Deliveries each process runs at once per agency queue. One by default: an agency gets its
   * tasks in order and its receiver is never flooded; concurrent deliveries also cost the
   * database more than they gain (bench:routing: p99 to the agency queue 26–57 ms at 1, 55–124 ms
   * at 4, at 500 tasks/s). Raise it for an agency whose receiver is slow but parallel.
   */
  deliveryConcurrency: number;
  /** Where webhooks may point: https and public addresses, plus WEBHOOK_ALLOWED_HOSTS. */
  webhookTargets: WebhookTargetPolicy;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function loadRoutingConfig(env: Env = process.env): RoutingConfig {
  const queuePrefix = envKeyPrefix(env, 'QUEUE_PREFIX');
  return {
    queuePrefix,
    reminderLeadMs: integer(env, 'REMINDER_LEAD_MS', DAY, 0, 365 * DAY),
    escalationGraceMs: integer(env, 'ESCALATION_GRACE_MS', DAY, 0, 365 * DAY),
    webhookTimeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 5_000, 100, 120_000),
    deliveryAttempts: integer(env, 'DELIVERY_ATTEMPTS', 8, 1, 50),
    deliveryBackoffMs: integer(env, 'DELIVERY_BACKOFF_MS', 2_000, 1, HOUR),
    relayPollMs: integer(env, 'RELAY_POLL_MS', 250, 5, 60_000),
    sweepIntervalMs: integer(env, 'SWEEP_INTERVAL_MS', 60_000, 100, DAY),
    redeliverAfterMs: integer(env, 'REDELIVER_AFTER_MS', 5 * 60_000, 100, 7 * DAY),
    jobLockMs: integer(env, 'JOB_LOCK_MS', 30_000, 500, HOUR),
    timerConcurrency: integer(env, 'TIMER_CONCURRENCY', 16, 1, 500),
    deliveryConcurrency: integer(env, 'DELIVERY_CONCURRENCY', 1, 1, 500),
    webhookTargets: WebhookTargetPolicy.parse(env.WEBHOOK_ALLOWED_HOSTS),
  };
}
