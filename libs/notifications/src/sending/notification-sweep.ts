import { Pool } from 'pg';
import { NotificationsConfig } from '../config/notifications.config';
import { seoulDay } from '../planning/seoul-day';
import { notificationJobIds } from '../queue/notification-jobs';
import { NotificationQueue } from '../queue/notification-queue';

/**
 * Postgres remembers what Redis may forget: e-mails planned but unsent for a while (the publish
 * after the commit failed, Redis lost the job, it failed for good, or its sender died) are
 * queued again under the same id, and each person's digest items of days that have ended in
 * Seoul get their digest job (one per person and day).
 */
export class NotificationSweep {
  constructor(
    private readonly pool: Pool,
    private readonly queue: NotificationQueue,
    private readonly config: NotificationsConfig,
  ) {}

  async sweep(asOf: Date = new Date()): Promise<{ emails: number; digests: number }> {
    const { rows: emails } = await this.pool.query<{ event_id: string; person_id: string }>(
      `SELECT event_id, person_id FROM notification_outbox
        WHERE channel = 'email' AND status <> 'sent'
          AND coalesce(sending_at, created_at) < $1::timestamptz - $2 * interval '1 millisecond'
        ORDER BY created_at LIMIT 1000`,
      [asOf, this.config.resendAfterMs],
    );
    for (const e of emails) {
      const key = { eventId: e.event_id, personId: e.person_id };
      await this.queue.requeue(notificationJobIds.email(e.event_id, e.person_id), () =>
        this.queue.addEmails([key]),
      );
    }
    // Items of days that have ended go to the digest of the last ended day; one that comes late,
    // after that digest was made, waits for the next day's: late by a day at most, never lost.
    const yesterday = seoulDay(new Date(asOf.getTime() - 86_400_000));
    const { rows: digests } = await this.pool.query<{ person_id: string; day: string }>(
      `SELECT person_id, $1::text AS day FROM notification_outbox o
        WHERE channel = 'digest' AND digest_day IS NULL AND day <= $1::date
          AND NOT EXISTS (SELECT 1 FROM notification_digests d
                           WHERE d.person_id = o.person_id AND d.day = $1::date)
       UNION
       SELECT person_id, to_char(day, 'YYYY-MM-DD') FROM notification_digests
        WHERE status <> 'sent'
          AND coalesce(sending_at, created_at) < $2::timestamptz - $3 * interval '1 millisecond'
       LIMIT 1000`,
      [yesterday, asOf, this.config.resendAfterMs],
    );
    for (const d of digests) {
      await this.queue.requeue(notificationJobIds.digest(d.person_id, d.day), () =>
        this.queue.addDigests([{ personId: d.person_id, day: d.day }]),
      );
    }
    return { emails: emails.length, digests: digests.length };
  }
}
