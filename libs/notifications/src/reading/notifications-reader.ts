import { Pool } from 'pg';
import { PeopleReader } from '@liaison/directory';
import { EventStore } from '@liaison/event-store';
import { counterpartRequestStreamId } from '@liaison/counterparts';
import { followUpStreamId } from '@liaison/follow-up';
import { foldRequest, personMaySeeRequest } from '../domain/counterpart-audience';
import { NotificationKind } from '../domain/notification-kinds';
import { foldTask, personMaySee } from '../domain/visibility';
import { isCounterpartFacts } from '../templates/counterpart-templates';
import { LetterFacts, renderLetter } from '../templates/notification-templates';
import { PreferencesStore } from './preferences-store';

export interface InAppNotification {
  id: string;
  kind: NotificationKind;
  /** The task it is about; null for a request to a counterpart (`requestId`). */
  followUpId: string | null;
  /** The request to an outside counterpart it is about (`counterpart_overdue`). */
  requestId?: string;
  title: string;
  /** One line in the reader's language (the e-mail's subject without its tag). */
  summary: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsPage {
  items: InAppNotification[];
  unread: number;
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

interface Row {
  event_id: string;
  kind: NotificationKind;
  follow_up_id: string | null;
  position: string;
  facts: LetterFacts;
  created_at: Date;
  read_at: Date | null;
}

/**
 * A person's in-app notifications, newest first. Each page passes the read policy again as the
 * task stands now: a task reassigned away, or a person who lost the role, drops out of the list.
 */
export class NotificationsReader {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly people: PeopleReader,
    private readonly preferences: PreferencesStore,
  ) {}

  async list(
    personId: string,
    options: { unreadOnly?: boolean; limit?: number; before?: number } = {},
  ): Promise<NotificationsPage> {
    const person = await this.people.byId(personId);
    if (!person) return { items: [], unread: 0, nextBefore: null };
    const limit = options.limit ?? 50;
    const { rows } = await this.pool.query<Row>(
      `SELECT event_id, kind, follow_up_id, position, facts, created_at, read_at
         FROM notifications
        WHERE person_id = $1 AND ($2::bigint IS NULL OR position < $2)
          AND (NOT $3 OR read_at IS NULL)
        ORDER BY position DESC LIMIT $4`,
      [personId, options.before ?? null, options.unreadOnly ?? false, limit],
    );
    const streamOf = (r: Row) =>
      isCounterpartFacts(r.facts)
        ? counterpartRequestStreamId(r.facts.requestId)
        : followUpStreamId(r.follow_up_id!);
    const streams = await this.store.readStreams([...new Set(rows.map(streamOf))]);
    // The read policy of what each row is about, as it stands now.
    const visible = new Map(
      [...streams].map(([id, events]) => [
        id,
        id.startsWith('follow-up-')
          ? personMaySee(person, foldTask(events))
          : personMaySeeRequest(person, foldRequest(events)),
      ]),
    );
    const { language } = await this.preferences.forPerson(personId);
    const items = rows
      .filter((r) => visible.get(streamOf(r)))
      .map((r) => ({
        id: r.event_id,
        kind: r.kind,
        followUpId: r.follow_up_id,
        ...(isCounterpartFacts(r.facts) && { requestId: r.facts.requestId }),
        title: isCounterpartFacts(r.facts) ? r.facts.subject : r.facts.title,
        summary: renderLetter(
          r.kind,
          r.facts,
          {
            displayName: person.displayName,
            language,
          },
          undefined,
          'in_app',
        ).subject.replace(/^\[Liaison\] /, ''),
        createdAt: r.created_at.toISOString(),
        readAt: r.read_at?.toISOString() ?? null,
      }));
    const { rows: count } = await this.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE person_id = $1 AND read_at IS NULL',
      [personId],
    );
    return {
      items,
      unread: count[0].n,
      nextBefore: rows.length === limit ? Number(rows[rows.length - 1].position) : null,
    };
  }

  /** Marks one of the person's notifications read; false when the person has no such one. */
  async markRead(personId: string, eventId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now())
        WHERE person_id = $1 AND event_id = $2`,
      [personId, eventId],
    );
    return (rowCount ?? 0) > 0;
  }

  async markAllRead(personId: string): Promise<number> {
    const { rowCount } = await this.pool.query(
      'UPDATE notifications SET read_at = now() WHERE person_id = $1 AND read_at IS NULL',
      [personId],
    );
    return rowCount ?? 0;
  }
}
