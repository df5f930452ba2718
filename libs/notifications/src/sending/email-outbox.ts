import { Pool } from 'pg';
import { Coalescer } from '@liaison/platform';

export interface ClaimedMail {
  email: string;
  subject: string;
  body: string;
  message_id: string;
}

/** One e-mail of the outbox. */
export interface OutboxKey {
  eventId: string;
  personId: string;
}

/** Why a claim took no row: sent already, no such row, or another sender holds it. */
export type ClaimRefusal = 'already-sent' | 'unknown' | 'busy';

/**
 * The e-mail outbox's claim and sent mark, each coalesced: the claims (and the marks) that
 * concurrent jobs make in one turn of the event loop go to Postgres as one statement and one
 * commit. One statement per e-mail was two commits per e-mail, and under load the commits, not
 * SMTP, bounded the rate (bench/notify.bench.ts, issue 14). Each caller still gets its own row's
 * answer, and each row is claimed by one statement: the same rules as one at a time.
 */
export class EmailOutbox {
  private readonly claims: Coalescer<OutboxKey, ClaimedMail | ClaimRefusal>;
  private readonly marks: Coalescer<OutboxKey, void>;
  private readonly pendingMarks = new Set<Promise<void>>();

  constructor(
    private readonly pool: Pool,
    private readonly jobLockMs: number,
    /** Told of a mark that failed every attempt (its row stays 'sending'). */
    private readonly onLostMark?: (key: OutboxKey, err: unknown) => void,
  ) {
    this.claims = new Coalescer((keys) => this.claimAll(keys));
    this.marks = new Coalescer((keys) => this.markAll(keys));
  }

  /** Moves the row to 'sending' unless it is sent, or claimed by a sender less than a job lock ago. */
  claim(key: OutboxKey): Promise<ClaimedMail | ClaimRefusal> {
    return this.claims.submit(key);
  }

  /**
   * Marks the e-mail sent without the caller waiting: the job is done once SMTP accepted, and
   * its slot takes the next e-mail while the mark commits (with the next ones). A failed mark is
   * tried again; until it commits, the row stays 'sending', so no other sender takes it. Lost
   * marks (the process died first) are the at-least-once window EmailSender describes.
   */
  markSent(key: OutboxKey): void {
    const mark = this.markWithRetries(key).finally(() => this.pendingMarks.delete(mark));
    this.pendingMarks.add(mark);
  }

  /** Waits for the marks under way (at shutdown, before the pool closes). */
  async drain(): Promise<void> {
    while (this.pendingMarks.size > 0) await Promise.allSettled([...this.pendingMarks]);
  }

  private async markWithRetries(key: OutboxKey): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.marks.submit(key);
      } catch (err) {
        if (attempt >= MARK_ATTEMPTS) {
          this.onLostMark?.(key, err);
          return;
        }
        await new Promise((r) => setTimeout(r, MARK_RETRY_MS * 2 ** (attempt - 1)));
      }
    }
  }

  private async claimAll(
    keys: OutboxKey[],
  ): Promise<PromiseSettledResult<ClaimedMail | ClaimRefusal>[]> {
    // The same e-mail twice in one batch (a job redelivered under another id) is claimed once:
    // the later ones are answered 'busy' and retried, and then find it sent.
    const first = new Map<string, number>();
    keys.forEach((k, i) => {
      if (!first.has(id(k))) first.set(id(k), i);
    });
    // in key order, so two batches that share rows lock them in the same order
    const unique = [...first.keys()].sort().map((k) => keys[first.get(k)!]);
    const { rows } = await this.pool.query<ClaimedMail & { event_id: string; person_id: string }>(
      `UPDATE notification_outbox o
          SET status = 'sending', sending_at = now(), attempts = o.attempts + 1
         FROM unnest($1::uuid[], $2::uuid[]) AS k(event_id, person_id)
        WHERE o.event_id = k.event_id AND o.person_id = k.person_id AND o.channel = 'email'
          AND (o.status = 'pending'
               OR (o.status = 'sending' AND o.sending_at < now() - $3 * interval '1 millisecond'))
        RETURNING o.event_id, o.person_id, o.email, o.subject, o.body, o.message_id`,
      [unique.map((k) => k.eventId), unique.map((k) => k.personId), this.jobLockMs],
    );
    const claimed = new Map(
      rows.map((r) => [id({ eventId: r.event_id, personId: r.person_id }), r]),
    );
    const missed = unique.filter((k) => !claimed.has(id(k)));
    const status = new Map<string, string>();
    if (missed.length > 0) {
      const { rows: found } = await this.pool.query<{
        event_id: string;
        person_id: string;
        status: string;
      }>(
        `SELECT o.event_id, o.person_id, o.status FROM notification_outbox o
           JOIN unnest($1::uuid[], $2::uuid[]) AS k(event_id, person_id)
             ON o.event_id = k.event_id AND o.person_id = k.person_id
          WHERE o.channel = 'email'`,
        [missed.map((k) => k.eventId), missed.map((k) => k.personId)],
      );
      for (const r of found)
        status.set(id({ eventId: r.event_id, personId: r.person_id }), r.status);
    }
    return keys.map((k, i) => {
      const row = claimed.get(id(k));
      let value: ClaimedMail | ClaimRefusal;
      if (row && first.get(id(k)) === i) {
        value = {
          email: row.email,
          subject: row.subject,
          body: row.body,
          message_id: row.message_id,
        };
      } else if (row) value = 'busy';
      else {
        const s = status.get(id(k));
        value = s === undefined ? 'unknown' : s === 'sent' ? 'already-sent' : 'busy';
      }
      return { status: 'fulfilled', value };
    });
  }

  private async markAll(keys: OutboxKey[]): Promise<PromiseSettledResult<void>[]> {
    await this.pool.query(
      `UPDATE notification_outbox o SET status = 'sent', sent_at = now()
         FROM unnest($1::uuid[], $2::uuid[]) AS k(event_id, person_id)
        WHERE o.event_id = k.event_id AND o.person_id = k.person_id AND o.channel = 'email'`,
      [keys.map((k) => k.eventId), keys.map((k) => k.personId)],
    );
    return keys.map(() => ({ status: 'fulfilled', value: undefined }));
  }
}

/** A sent mark is tried this often, 0.5, 1, 2, 4 s apart: a Postgres restart is waited out. */
const MARK_ATTEMPTS = 5;
const MARK_RETRY_MS = 500;

const id = (k: OutboxKey) => `${k.eventId}/${k.personId}`;
