import { Pool, PoolClient } from 'pg';
import { NotificationsConfig } from '../config/notifications.config';
import { MailTransport } from './mail-transport';

/** The row is being sent by another worker right now; BullMQ retries the job later. */
export class SendInProgressError extends Error {
  constructor(key: string) {
    super(`notification ${key} is being sent by another worker`);
    this.name = 'SendInProgressError';
  }
}

/** Hooks for the crash specs: called at the points a worker can die. */
export interface SenderHooks {
  afterClaim?: (key: string) => Promise<void>;
  afterSmtp?: (key: string) => Promise<void>;
}

/**
 * Sends one outbox e-mail at most once per 'sent' mark:
 *   1. claim: the row moves to 'sending' unless it is 'sent' (then nothing to do) or another
 *      worker claimed it less than a job lock ago (then retry later);
 *   2. SMTP: the message with its deterministic Message-ID;
 *   3. mark 'sent', on the connection held since the claim (no wait for the pool).
 * A worker dying after 1 leaves a 'sending' row: BullMQ re-runs the stalled job after its lock
 * expires (or the sweep re-queues it) and, the claim being older than a lock, it is sent. Dying
 * between 2 and 3 — after the SMTP server accepted, before the mark commits, one Postgres round
 * trip — sends it twice: at-least-once there, with the same Message-ID both times.
 */
export class EmailSender {
  constructor(
    private readonly pool: Pool,
    private readonly transport: MailTransport | undefined,
    private readonly config: NotificationsConfig,
    private readonly hooks: SenderHooks = {},
  ) {}

  async send(eventId: string, personId: string): Promise<'sent' | 'already-sent' | 'unknown'> {
    if (!this.transport) throw new Error('SMTP_URL is not set: no e-mail can be sent');
    const key = `${eventId}/${personId}`;
    const client = await this.pool.connect();
    try {
      const claimed = await claim(
        client,
        `UPDATE notification_outbox
            SET status = 'sending', sending_at = now(), attempts = attempts + 1
          WHERE event_id = $1 AND person_id = $2 AND channel = 'email'
            AND (status = 'pending'
                 OR (status = 'sending' AND sending_at < now() - $3 * interval '1 millisecond'))
          RETURNING email, subject, body, message_id`,
        `SELECT status FROM notification_outbox
          WHERE event_id = $1 AND person_id = $2 AND channel = 'email'`,
        [eventId, personId, this.config.jobLockMs],
        key,
      );
      if (typeof claimed === 'string') return claimed;
      await this.hooks.afterClaim?.(key);
      await this.transport.send({
        to: claimed.email,
        subject: claimed.subject,
        text: claimed.body,
        messageId: claimed.message_id,
      });
      await this.hooks.afterSmtp?.(key);
      await client.query(
        `UPDATE notification_outbox SET status = 'sent', sent_at = now()
          WHERE event_id = $1 AND person_id = $2 AND channel = 'email'`,
        [eventId, personId],
      );
      return 'sent';
    } finally {
      client.release();
    }
  }
}

export interface ClaimedMail {
  email: string;
  subject: string;
  body: string;
  message_id: string;
}

/** Runs the claim; when it takes no row, says why (sent already, unknown, or busy: throws). */
export async function claim(
  client: PoolClient,
  claimSql: string,
  statusSql: string,
  params: unknown[],
  key: string,
): Promise<ClaimedMail | 'already-sent' | 'unknown'> {
  const { rows } = await client.query<ClaimedMail>(claimSql, params);
  if (rows[0]) return rows[0];
  const { rows: status } = await client.query<{ status: string }>(statusSql, params.slice(0, 2));
  if (!status[0]) return 'unknown';
  if (status[0].status === 'sent') return 'already-sent';
  throw new SendInProgressError(key);
}
