import { Pool } from 'pg';
import { PeopleReader } from '@liaison/directory';
import { NotificationsConfig } from '../config/notifications.config';
import { digestMessageId, domainOf } from '../domain/message-id';
import { PreferencesStore } from '../reading/preferences-store';
import { renderDigest } from '../templates/notification-templates';
import { claim } from './email-sender';
import { MailTransport } from './mail-transport';

/**
 * One person's digest of one day (Seoul): the digest items of that day and any earlier ones not
 * yet in a digest. The items are bound to the digest (digest_day) and the letter rendered in one
 * transaction, so a retry sends the same letter; then the same claim / send / mark as an e-mail,
 * with a Message-ID from (person, day).
 */
export class DigestSender {
  private readonly domain: string;

  constructor(
    private readonly pool: Pool,
    private readonly transport: MailTransport | undefined,
    private readonly people: PeopleReader,
    private readonly preferences: PreferencesStore,
    private readonly config: NotificationsConfig,
  ) {
    this.domain = domainOf(config.smtpFrom);
  }

  async send(personId: string, day: string): Promise<'sent' | 'already-sent' | 'unknown'> {
    if (!this.transport) throw new Error('SMTP_URL is not set: no e-mail can be sent');
    if (!(await this.compose(personId, day))) return 'unknown';
    const client = await this.pool.connect();
    try {
      const claimed = await claim(
        client,
        `UPDATE notification_digests
            SET status = 'sending', sending_at = now(), attempts = attempts + 1
          WHERE person_id = $1 AND day = $2
            AND (status = 'pending'
                 OR (status = 'sending' AND sending_at < now() - $3 * interval '1 millisecond'))
          RETURNING email, subject, body, message_id`,
        'SELECT status FROM notification_digests WHERE person_id = $1 AND day = $2',
        [personId, day, this.config.jobLockMs],
        `digest ${personId}/${day}`,
      );
      if (typeof claimed === 'string') return claimed;
      await this.transport.send({
        to: claimed.email,
        subject: claimed.subject,
        text: claimed.body,
        messageId: claimed.message_id,
      });
      await client.query('BEGIN');
      await client.query(
        `UPDATE notification_digests SET status = 'sent', sent_at = now()
          WHERE person_id = $1 AND day = $2`,
        [personId, day],
      );
      await client.query(
        `UPDATE notification_outbox SET status = 'sent', sent_at = now()
          WHERE person_id = $1 AND channel = 'digest' AND digest_day = $2`,
        [personId, day],
      );
      await client.query('COMMIT');
      return 'sent';
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /** Binds the day's items to its digest and renders it, once; false when there is nothing. */
  private async compose(personId: string, day: string): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // one composer per (person, day): the row lock of an existing digest, or the items' locks
      const existing = await client.query(
        'SELECT 1 FROM notification_digests WHERE person_id = $1 AND day = $2',
        [personId, day],
      );
      if (existing.rowCount) {
        await client.query('COMMIT');
        return true;
      }
      const { rows: items } = await client.query<{ subject: string; created_at: Date }>(
        `UPDATE notification_outbox SET digest_day = $2
          WHERE person_id = $1 AND channel = 'digest' AND digest_day IS NULL AND day <= $2
          RETURNING subject, email, created_at`,
        [personId, day],
      );
      const person = await this.people.byId(personId, client); // the transaction's connection
      if (items.length === 0 || !person?.active || !person.email) {
        await client.query('ROLLBACK');
        return false;
      }
      items.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
      const prefs = await this.preferences.forPerson(personId, client);
      const letter = renderDigest(day, items, {
        displayName: person.displayName,
        language: prefs.language,
      });
      await client.query(
        `INSERT INTO notification_digests
           (person_id, day, email, language, subject, body, message_id, items)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (person_id, day) DO NOTHING`,
        [
          personId,
          day,
          person.email,
          prefs.language,
          letter.subject,
          letter.text,
          digestMessageId(personId, day, this.domain),
          items.length,
        ],
      );
      await client.query('COMMIT');
      return true;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
}
