import { Pool, PoolClient } from 'pg';
import { NotificationsConfig } from '../config/notifications.config';
import { ClaimedMail, EmailOutbox } from './email-outbox';
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
  /** A sent mark failed every attempt: its row stays 'sending' (for the log). */
  onLostMark?: (key: string, err: unknown) => void;
}

/**
 * Sends one outbox e-mail at most once per 'sent' mark:
 *   1. claim: the row moves to 'sending' unless it is 'sent' (then nothing to do) or another
 *      worker claimed it less than a job lock ago (then retry later);
 *   2. SMTP: the message with its deterministic Message-ID;
 *   3. mark 'sent' — the job does not wait for it (EmailOutbox.markSent): the row is 'sending'
 *      meanwhile, which no other sender takes within a job lock.
 * Claims and marks of concurrent jobs share statements (EmailOutbox): no connection is held
 * while SMTP answers. Per e-mail the job waited for the claim, SMTP and the mark, two commits
 * of three hops, and that bounded the rate (bench/notify.bench.ts, issue 14).
 * A worker dying after 1 leaves a 'sending' row: BullMQ re-runs the stalled job after its lock
 * expires (or the sweep re-queues it) and, the claim being older than a lock, it is sent. Dying
 * between 2 and the mark's commit sends it again, with the same Message-ID, once the row is
 * queued again (a stalled job, or the sweep once BullMQ has forgotten the completed one): the
 * at-least-once window, as long as one coalesced statement.
 */
export class EmailSender {
  private readonly outbox: EmailOutbox;

  constructor(
    pool: Pool,
    private readonly transport: MailTransport | undefined,
    config: NotificationsConfig,
    private readonly hooks: SenderHooks = {},
  ) {
    this.outbox = new EmailOutbox(pool, config.jobLockMs, (k, err) =>
      hooks.onLostMark?.(`${k.eventId}/${k.personId}`, err),
    );
  }

  async send(eventId: string, personId: string): Promise<'sent' | 'already-sent' | 'unknown'> {
    if (!this.transport) throw new Error('SMTP_URL is not set: no e-mail can be sent');
    const key = `${eventId}/${personId}`;
    const claimed = await this.outbox.claim({ eventId, personId });
    if (claimed === 'busy') throw new SendInProgressError(key);
    if (typeof claimed === 'string') return claimed;
    await this.hooks.afterClaim?.(key);
    await this.transport.send({
      to: claimed.email,
      subject: claimed.subject,
      text: claimed.body,
      messageId: claimed.message_id,
    });
    await this.hooks.afterSmtp?.(key);
    this.outbox.markSent({ eventId, personId });
    return 'sent';
  }

  /** Waits for the sent marks under way: call after the worker stops, before the pool ends. */
  drain(): Promise<void> {
    return this.outbox.drain();
  }
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
