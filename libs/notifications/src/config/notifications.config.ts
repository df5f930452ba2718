import { ConfigError, Env, envInteger, envKeyPrefix } from '@liaison/platform';

export interface NotificationsConfig {
  /** smtp:// or smtps:// with user and password if the relay wants them; unset: in-app only. */
  smtpUrl?: string;
  /** The From of every notification; its domain also ends every Message-ID. */
  smtpFrom: string;
  /** The web app's address, for a link to the task in each letter; unset: no link. */
  appUrl?: string;
  /** BullMQ key prefix, shared with routing (QUEUE_PREFIX). */
  queuePrefix: string;
  /** How often the sweep re-queues unsent e-mails and queues the digests of past days. */
  sweepIntervalMs: number;
  /** An e-mail still unsent this long after it was planned (or claimed) is queued again. */
  resendAfterMs: number;
  /** Attempts of one e-mail job, with exponential backoff from retryBackoffMs. */
  attempts: number;
  retryBackoffMs: number;
  /** BullMQ's job lock: a sender that died is noticed (its job stalls) after about this long. */
  jobLockMs: number;
  /** Senders at once per process (and SMTP connections); their claims and sent marks share
   * statements (EmailOutbox), so none holds a database connection while SMTP answers. */
  concurrency: number;
  pollIntervalMs: number;
}

const HOUR = 3_600_000;

export function loadNotificationsConfig(env: Env = process.env): NotificationsConfig {
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL', 'must be smtp://host:port or smtps://user:pass@host:port');
  }
  const smtpFrom = env.SMTP_FROM || 'Liaison <no-reply@liaison.local>';
  if (!/@[A-Za-z0-9.-]+>?\s*$/.test(smtpFrom)) {
    throw new ConfigError(
      'SMTP_FROM',
      `must be an address such as "Liaison <no-reply@example.go.kr>" (got "${smtpFrom}")`,
    );
  }
  const appUrl = env.APP_URL || undefined;
  if (appUrl && !/^https?:\/\//.test(appUrl)) {
    throw new ConfigError('APP_URL', 'must be an http(s) address');
  }
  const queuePrefix = envKeyPrefix(env, 'QUEUE_PREFIX');
  return {
    smtpUrl,
    smtpFrom,
    appUrl: appUrl?.replace(/\/+$/, ''),
    queuePrefix,
    sweepIntervalMs: envInteger(env, 'NOTIFY_SWEEP_INTERVAL_MS', 60_000, 100, 24 * HOUR),
    resendAfterMs: envInteger(env, 'NOTIFY_RESEND_AFTER_MS', 5 * 60_000, 100, 7 * 24 * HOUR),
    attempts: envInteger(env, 'NOTIFY_ATTEMPTS', 8, 1, 50),
    retryBackoffMs: envInteger(env, 'NOTIFY_BACKOFF_MS', 2_000, 1, HOUR),
    jobLockMs: envInteger(env, 'NOTIFY_JOB_LOCK_MS', 30_000, 500, HOUR),
    concurrency: envInteger(env, 'NOTIFY_CONCURRENCY', 8, 1, 64),
    pollIntervalMs: envInteger(env, 'NOTIFY_POLL_MS', 250, 5, 60_000),
  };
}
