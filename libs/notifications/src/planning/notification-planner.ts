import { PoolClient } from 'pg';
import { EventStore, StoredEvent } from '@liaison/event-store';
import { PeopleReader, PersonRecord } from '@liaison/directory';
import { FollowUpState } from '@liaison/follow-up';
import { NotificationsConfig } from '../config/notifications.config';
import { Audience, EventFacts, Notice, NOTIFYING_EVENTS, noticesFor } from '../domain/audience';
import {
  counterpartNoticesFor,
  foldRequest,
  isCounterpartStream,
  personMaySeeRequest,
} from '../domain/counterpart-audience';
import { domainOf, notificationMessageId } from '../domain/message-id';
import { NotificationKind } from '../domain/notification-kinds';
import { NotificationPreferences } from '../domain/preferences';
import { foldTask, PersonForPolicy, personMaySee } from '../domain/visibility';
import { PreferencesStore } from '../reading/preferences-store';
import { CounterpartOverdueFacts } from '../templates/counterpart-templates';
import { LetterFacts, NotificationFacts, renderLetter } from '../templates/notification-templates';
import { seoulDay } from './seoul-day';

/** An e-mail the batch planned, to queue once the batch has committed. */
export interface PlannedEmail {
  eventId: string;
  personId: string;
}

interface Planned {
  person: PersonRecord;
  kind: NotificationKind;
}

/**
 * Turns a batch of events into notifications inside the subscription's transaction: the in-app
 * rows, and the outbox rows of the e-mails, commit with the checkpoint or not at all. Rows are
 * keyed by (event, person[, channel]) and inserted ON CONFLICT DO NOTHING, so a replayed event
 * plans nothing new and queues nothing.
 */
export class NotificationPlanner {
  private readonly domain: string;

  constructor(
    private readonly store: EventStore,
    private readonly people: PeopleReader,
    private readonly preferences: PreferencesStore,
    private readonly config: NotificationsConfig,
  ) {
    this.domain = domainOf(config.smtpFrom);
  }

  async plan(events: readonly StoredEvent[], tx: PoolClient): Promise<PlannedEmail[]> {
    const emails: PlannedEmail[] = [];
    for (const event of events) {
      if (NOTIFYING_EVENTS.has(event.type) && event.streamId.startsWith('follow-up-')) {
        emails.push(...(await this.planOne(event, tx)));
      } else if (event.type === 'CounterpartRequestChased' && isCounterpartStream(event.streamId)) {
        emails.push(...(await this.planCounterpart(event, tx)));
      }
    }
    return emails;
  }

  /**
   * A counterpart request's reminder at a due time: its bureau heads, by the counterparts' read
   * policy, with the request as it stood once the reminder applied. Keyed by the reminder's
   * event id (derived from the request and the due time), so once per due time.
   */
  private async planCounterpart(event: StoredEvent, tx: PoolClient): Promise<PlannedEmail[]> {
    const stream = (await this.store.readStreams([event.streamId], tx)).get(event.streamId) ?? [];
    const upTo = stream.filter((e) => e.version <= event.version);
    const request = foldRequest(upTo);
    const actors = actorsOf(event);
    const facts: EventFacts = { type: event.type, data: event.data, actors };
    const planned = await this.audienceOf(counterpartNoticesFor(facts, request), actors, tx, (p) =>
      personMaySeeRequest(p, request),
    );
    if (planned.size === 0) return [];
    const data = event.data as { forDueAt?: unknown; link?: unknown };
    const sent = upTo.find((e) => e.type === 'CounterpartRequestSent');
    const requestFacts: CounterpartOverdueFacts = {
      about: 'counterpart_request',
      requestId: request.requestId!,
      workshopId: request.workshopId!,
      counterpart: request.counterpart!,
      subject: request.subject!,
      hostAgency: request.hostAgency!,
      liaisonAgency: request.liaisonAgency!,
      forDueAt: String(data.forDueAt),
      ...(sent && { sentAt: sent.recordedAt.toISOString() }),
      acknowledged: request.acknowledged,
      partAnswers: request.answers.length,
      newLink: data.link !== undefined,
    };
    // The request's own page in the web app; never the counterpart's link.
    const link =
      this.config.appUrl && `${this.config.appUrl}/counterpart-requests/${request.requestId}`;
    return this.record(event, planned, requestFacts, null, link, tx);
  }

  // Every read of the batch goes through the subscription's own connection (tx): a read
  // through the pool would wait for a second connection while this one is held, and with a
  // small pool all of whose connections are held so (by relays and projections) never get one.
  private async planOne(event: StoredEvent, tx: PoolClient): Promise<PlannedEmail[]> {
    const stream = (await this.store.readStreams([event.streamId], tx)).get(event.streamId) ?? [];
    const task = foldTask(stream.filter((e) => e.version <= event.version));
    if (!task.exists) return [];
    const actors = actorsOf(event);
    const facts: EventFacts = { type: event.type, data: event.data, actors };
    const planned = await this.audienceOf(noticesFor(facts, task), actors, tx, (p) =>
      personMaySee(p, task),
    );
    if (planned.size === 0) return [];
    const taskFacts = await this.factsOf(event, task, tx);
    const link = this.config.appUrl && `${this.config.appUrl}/follow-ups/${task.followUpId}`;
    return this.record(event, planned, taskFacts, task.followUpId, link, tx);
  }

  /**
   * The people the notices name: told once per event (a mention wins over the comment), never
   * about one's own act, never about what the read policy refuses them.
   */
  private async audienceOf(
    notices: readonly Notice[],
    actors: readonly string[],
    tx: PoolClient,
    maySee: (person: PersonForPolicy) => boolean,
  ): Promise<Map<string, Planned>> {
    const planned = new Map<string, Planned>();
    for (const notice of notices) {
      for (const person of await this.resolve(notice.audience, tx)) {
        if (planned.has(person.id) || actors.includes(person.id)) continue;
        if (!maySee(person)) continue;
        planned.set(person.id, { person, kind: notice.kind });
      }
    }
    return planned;
  }

  /** The in-app rows and the outbox rows of one event, by each person's preferences. */
  private async record(
    event: StoredEvent,
    planned: Map<string, Planned>,
    facts: LetterFacts,
    followUpId: string | null,
    link: string | undefined,
    tx: PoolClient,
  ): Promise<PlannedEmail[]> {
    const prefs = await this.preferences.forPeople([...planned.keys()], tx);
    const emails: PlannedEmail[] = [];
    for (const { person, kind } of planned.values()) {
      const pref = prefs.get(person.id)!;
      if (!pref.kinds[kind].enabled) continue;
      await tx.query(
        `INSERT INTO notifications
           (event_id, person_id, kind, follow_up_id, position, facts, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (event_id, person_id) DO NOTHING`,
        [event.eventId, person.id, kind, followUpId, event.position, facts, event.recordedAt],
      );
      const email = await this.planEmail(event, person, kind, pref, facts, link, tx);
      if (email) emails.push(email);
    }
    return emails;
  }

  /** The outbox row of one e-mail, rendered now: a resend is the same letter. */
  private async planEmail(
    event: StoredEvent,
    person: PersonRecord,
    kind: NotificationKind,
    pref: NotificationPreferences,
    facts: LetterFacts,
    link: string | undefined,
    tx: PoolClient,
  ): Promise<PlannedEmail | undefined> {
    const delivery = pref.kinds[kind].email;
    if (!this.config.smtpUrl || delivery === 'none' || !person.email) return undefined;
    const channel = delivery === 'digest' ? 'digest' : 'email';
    const letter = renderLetter(
      kind,
      facts,
      { displayName: person.displayName, language: pref.language },
      link,
    );
    const { rowCount } = await tx.query(
      `INSERT INTO notification_outbox
         (event_id, person_id, channel, kind, email, language, subject, body, message_id, day)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (event_id, person_id, channel) DO NOTHING`,
      [
        event.eventId,
        person.id,
        channel,
        kind,
        person.email,
        pref.language,
        letter.subject,
        letter.text,
        notificationMessageId(event.eventId, person.id, this.domain),
        seoulDay(event.recordedAt),
      ],
    );
    // A digest item waits for its day's digest; a replayed event queues nothing.
    return rowCount && channel === 'email'
      ? { eventId: event.eventId, personId: person.id }
      : undefined;
  }

  private async resolve(audience: Audience, tx: PoolClient): Promise<PersonRecord[]> {
    switch (audience.to) {
      case 'people': {
        const found: (PersonRecord | undefined)[] = [];
        // one after another: a client runs one query at a time
        for (const id of new Set(audience.ids)) found.push(await this.byId(id, tx));
        return found.filter((p): p is PersonRecord => p !== undefined);
      }
      case 'officer-or-agency': {
        if (audience.officerId) {
          const officer = await this.byId(audience.officerId, tx);
          // a named officer who has left the agency or was deactivated: the agency is told
          if (officer?.active && officer.agency === audience.agency) return [officer];
        }
        return (await this.people.list({ agency: audience.agency, active: true }, tx)).filter((p) =>
          p.roles.includes('agency_officer'),
        );
      }
      case 'bureau-heads':
        return (await this.people.list({ agency: audience.agency, active: true }, tx)).filter((p) =>
          p.roles.includes('bureau_head'),
        );
    }
  }

  private async byId(id: string, tx: PoolClient): Promise<PersonRecord | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    return this.people.byId(id, tx);
  }

  private async factsOf(
    event: StoredEvent,
    task: FollowUpState,
    tx: PoolClient,
  ): Promise<NotificationFacts> {
    const data = event.data as Record<string, unknown>;
    const actor =
      typeof event.metadata.actor === 'string'
        ? await this.byId(event.metadata.actor, tx)
        : undefined;
    const body = typeof data.body === 'string' ? data.body : undefined;
    return {
      followUpId: task.followUpId,
      title: task.title,
      hostAgency: task.hostAgency,
      assigneeAgency: task.assigneeAgency,
      dueAt: task.dueAt,
      priority: task.priority,
      event: event.type,
      ...(typeof data.reason === 'string' && { reason: data.reason }),
      ...(body && { excerpt: body.length > 200 ? `${body.slice(0, 200)}…` : body }),
      ...(actor && { actorName: actor.displayName }),
      ...(task.classification &&
        task.classification.level !== 'public' && { classification: task.classification.level }),
    };
  }
}

/** Who acted: the actor, and the person acted for under a delegation. */
function actorsOf(event: StoredEvent): string[] {
  const m = event.metadata;
  return [m.actor, m.on_behalf_of].filter((a): a is string => typeof a === 'string');
}
