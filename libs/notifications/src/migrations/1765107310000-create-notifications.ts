import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (libs/notifications). The subscription writes the first two tables and its
 * checkpoint in one transaction, so an event is turned into notifications exactly once:
 *   - notifications: the in-app list, one row per (event, person); the facts are kept, and the
 *     words are chosen at read time in the reader's language.
 *   - notification_outbox: one row per e-mail to send, keyed by (event, person, channel); the
 *     sender claims a row ('sending'), talks to SMTP, and marks it 'sent'; a row already sent
 *     is never sent again, whatever BullMQ redelivers.
 *   - notification_digests: one daily digest per (person, day), the same claim-and-mark.
 *   - notification_preferences: per person, language and per-kind choices.
 */
export class CreateNotifications1765107310000 implements MigrationInterface {
  name = 'CreateNotifications1765107310000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        event_id      uuid         NOT NULL,
        person_id     uuid         NOT NULL,
        kind          text         NOT NULL,
        follow_up_id  uuid,
        position      bigint       NOT NULL,
        facts         jsonb        NOT NULL,
        created_at    timestamptz  NOT NULL,
        read_at       timestamptz,
        PRIMARY KEY (event_id, person_id)
      )`);
    await q.query(
      `CREATE INDEX notifications_by_person ON notifications (person_id, position DESC)`,
    );
    await q.query(`
      CREATE TABLE notification_outbox (
        event_id      uuid         NOT NULL,
        person_id     uuid         NOT NULL,
        channel       text         NOT NULL CHECK (channel IN ('email', 'digest')),
        kind          text         NOT NULL,
        email         text         NOT NULL,
        language      text         NOT NULL,
        subject       text         NOT NULL,
        body          text         NOT NULL,
        message_id    text         NOT NULL,
        day           date         NOT NULL,
        status        text         NOT NULL DEFAULT 'pending'
                                   CHECK (status IN ('pending', 'sending', 'sent')),
        attempts      int          NOT NULL DEFAULT 0,
        digest_day    date,
        created_at    timestamptz  NOT NULL DEFAULT now(),
        sending_at    timestamptz,
        sent_at       timestamptz,
        PRIMARY KEY (event_id, person_id, channel)
      )`);
    await q.query(`CREATE INDEX notification_outbox_unsent ON notification_outbox (created_at)
      WHERE status <> 'sent'`);
    await q.query(`CREATE INDEX notification_outbox_digest ON notification_outbox (person_id, day)
      WHERE channel = 'digest' AND digest_day IS NULL`);
    await q.query(`
      CREATE TABLE notification_digests (
        person_id     uuid         NOT NULL,
        day           date         NOT NULL,
        email         text         NOT NULL,
        language      text         NOT NULL,
        subject       text         NOT NULL,
        body          text         NOT NULL,
        message_id    text         NOT NULL,
        items         int          NOT NULL,
        status        text         NOT NULL DEFAULT 'pending'
                                   CHECK (status IN ('pending', 'sending', 'sent')),
        attempts      int          NOT NULL DEFAULT 0,
        created_at    timestamptz  NOT NULL DEFAULT now(),
        sending_at    timestamptz,
        sent_at       timestamptz,
        PRIMARY KEY (person_id, day)
      )`);
    await q.query(`
      CREATE TABLE notification_preferences (
        person_id     uuid         PRIMARY KEY,
        language      text         NOT NULL CHECK (language IN ('ko', 'en')),
        kinds         jsonb        NOT NULL,
        updated_at    timestamptz  NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification_preferences');
    await q.query('DROP TABLE notification_digests');
    await q.query('DROP TABLE notification_outbox');
    await q.query('DROP TABLE notifications');
  }
}
