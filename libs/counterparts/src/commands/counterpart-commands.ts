import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EventStore } from '@liaison/event-store';
import { PG_POOL } from '@liaison/platform';
import { COUNTERPARTS_CONFIG, CounterpartsConfig } from '../config/counterparts.config';
import {
  canManageRequest,
  CloseOutcome,
  CounterpartInputError,
  CounterpartNotFoundError,
  CounterpartRequestState,
  CounterpartStateError,
  LinkIssued,
  linkStanding,
  LinkRefusedError,
  SharedFile,
} from '../domain';
import { linkExpiry, signLink, verifyLink } from '../links/link-token';
import { REMINDER_SCHEDULER, ReminderScheduler } from '../timers/reminder-scheduler';
import { CounterpartCommandMeta, derivedUuid } from './counterpart-command-meta';
import { CounterpartWriter, CounterpartWriteResult } from './counterpart-writer';

export interface DraftInput {
  workshopId: string;
  infoRequestId: string;
  message?: string;
  dueAt?: string;
}

/** A link as the bureau hands it on: its id, expiry and the page's address. */
export interface IssuedLink extends LinkIssued {
  url: string;
}

export interface LinkOpened {
  requestId: string;
  link: LinkIssued;
  state: CounterpartRequestState;
}

/**
 * The counterpart requests' commands, for the API (bureau heads), the answer page (the
 * counterpart through its link) and the worker (reminders at due times). Rules in the decider;
 * this class finds what a command needs (the workshop's request, new ids, new links).
 */
@Injectable()
export class CounterpartCommands {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly writer: CounterpartWriter,
    @Inject(COUNTERPARTS_CONFIG) private readonly config: CounterpartsConfig,
    @Optional() @Inject(REMINDER_SCHEDULER) private readonly reminders?: ReminderScheduler,
  ) {}

  /** Drafts a request from a workshop's info request addressed to a counterpart. */
  async draft(input: DraftInput, meta: CounterpartCommandMeta): Promise<CounterpartWriteResult> {
    const source = await this.infoRequest(input.workshopId, input.infoRequestId);
    if (!canManageRequest(meta.actor, source)) {
      throw new CounterpartNotFoundError('Workshop', input.workshopId);
    }
    const requestId =
      meta.idempotencySeed === undefined
        ? randomUUID()
        : derivedUuid(meta.idempotencySeed, 'counterparts:request');
    // One open request per info request; the same request again under its Idempotency-Key
    // (a retry after a crash) is not another one: the writer returns what it wrote.
    const open = await this.pool.query(
      `SELECT id FROM counterpart_requests
        WHERE info_request_id = $1 AND status <> 'closed' AND id <> $2`,
      [input.infoRequestId, requestId],
    );
    if (open.rows.length > 0) {
      throw new CounterpartStateError(
        'open',
        `Info request ${input.infoRequestId} already has an open counterpart request ${open.rows[0].id}`,
      );
    }
    const dueAt = input.dueAt ?? defaultDueAt(source.dueDate);
    return this.writer.write(
      requestId,
      {
        kind: 'Draft',
        requestId,
        ...withoutDueDate(source),
        ...(input.message !== undefined && { message: input.message }),
        ...(dueAt !== undefined && { dueAt }),
      },
      meta,
    );
  }

  async send(
    requestId: string,
    input: { dueAt?: string },
    meta: CounterpartCommandMeta,
  ): Promise<CounterpartWriteResult & { link: IssuedLink }> {
    const link = this.newLink(meta, 'send');
    const result = await this.writer.write(
      requestId,
      { kind: 'Send', ...(input.dueAt !== undefined && { dueAt: input.dueAt }), link },
      meta,
    );
    await this.scheduleReminder(result);
    return { ...result, link: this.issued(requestId, this.linkOf(result, link)) };
  }

  async acknowledge(requestId: string, input: { note?: string }, meta: CounterpartCommandMeta) {
    return this.writer.write(requestId, { kind: 'Acknowledge', via: 'bureau', ...input }, meta);
  }

  async chase(
    requestId: string,
    input: { dueAt?: string; note?: string },
    meta: CounterpartCommandMeta,
  ): Promise<CounterpartWriteResult & { link: IssuedLink }> {
    const link = this.newLink(meta, 'chase');
    const result = await this.writer.write(
      requestId,
      { kind: 'Chase', trigger: 'bureau', ...input, link },
      meta,
    );
    await this.scheduleReminder(result);
    return { ...result, link: this.issued(requestId, this.linkOf(result, link)) };
  }

  async close(
    requestId: string,
    input: { outcome: CloseOutcome; reason?: string },
    meta: CounterpartCommandMeta,
  ) {
    return this.writer.write(requestId, { kind: 'Close', ...input }, meta);
  }

  /**
   * The reminder at a due time: one per due time, whoever calls it how often (the delayed job,
   * a second delivery of it, the sweep). The link and the event id derive from the request and
   * the due time, so two racing timers decide the very same event.
   */
  async remind(requestId: string, forDueAt: string, now = new Date()) {
    const seed = `${requestId}\n${forDueAt}`;
    const link = {
      linkId: derivedUuid(seed, 'counterparts:reminder-link'),
      expiresAt: linkExpiry(now, this.config.linkTtlMs),
    };
    return this.writer.write(
      requestId,
      { kind: 'Chase', trigger: 'due_time', forDueAt, link },
      {
        actor: { id: 'system:counterpart-reminders', role: 'system' },
        correlationId: `reminder:${seed}`,
      },
      { eventIds: [derivedUuid(seed, 'counterparts:reminder-event')], now },
    );
  }

  /** Checks a token against its signature and the log; refuses with the reason to show. */
  async openLink(token: string, now = new Date()): Promise<LinkOpened> {
    const claims = verifyLink(this.config.linkSecret, token);
    if (!claims) throw new LinkRefusedError('invalid');
    const { state } = await this.writer.load(claims.requestId);
    const standing = linkStanding(state, claims.link, now);
    if (standing !== 'ok') throw new LinkRefusedError(standing);
    return { requestId: claims.requestId, link: claims.link, state };
  }

  async acknowledgeByLink(token: string) {
    const opened = await this.openLink(token);
    return this.writer.write(
      opened.requestId,
      { kind: 'Acknowledge', via: 'link', link: opened.link },
      linkMeta(opened),
    );
  }

  /** The answer through a link: the link is burnt in the same transaction as the answer. */
  async answerByLink(
    opened: LinkOpened,
    input: { text: string; files: SharedFile[]; complete: boolean },
  ) {
    return this.writer.write(
      opened.requestId,
      { kind: 'Answer', answerId: randomUUID(), link: opened.link, ...input },
      linkMeta(opened),
    );
  }

  /** The address of a link's page: the bureau passes it on to the counterpart. */
  linkUrl(requestId: string, link: LinkIssued): string {
    return `${this.config.publicBaseUrl}/respond/${signLink(this.config.linkSecret, requestId, link)}`;
  }

  private issued(requestId: string, link: LinkIssued): IssuedLink {
    return { ...link, url: this.linkUrl(requestId, link) };
  }

  /** An Idempotency-Key's repeat returns the link of the first attempt. */
  private linkOf(result: CounterpartWriteResult, fallback: LinkIssued): LinkIssued {
    const live = Object.entries(result.state.links).find(([, l]) => l.status === 'live');
    return live ? { linkId: live[0], expiresAt: live[1].expiresAt } : fallback;
  }

  private newLink(meta: CounterpartCommandMeta, label: string): LinkIssued {
    const linkId =
      meta.idempotencySeed === undefined
        ? randomUUID()
        : derivedUuid(meta.idempotencySeed, `counterparts:link:${label}`);
    return { linkId, expiresAt: linkExpiry(new Date(), this.config.linkTtlMs) };
  }

  private async scheduleReminder(result: CounterpartWriteResult): Promise<void> {
    const dueAt = result.state.dueAt;
    if (!dueAt || !this.reminders) return;
    // Best effort: the sweep finds a reminder Redis never got.
    await this.reminders.schedule(result.id, dueAt).catch(() => undefined);
  }

  private async infoRequest(workshopId: string, infoRequestId: string) {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (!uuid.test(workshopId)) throw new CounterpartNotFoundError('Workshop', workshopId);
    const events = await this.store.readStream(`workshop-${workshopId}`);
    const held = events.find((e) => e.type === 'WorkshopHeld')?.data as
      { hostAgency: string } | undefined;
    if (!held) throw new CounterpartNotFoundError('Workshop', workshopId);
    const asked = events.find(
      (e) => e.type === 'InfoRequested' && e.data.requestId === infoRequestId,
    )?.data as
      { subject: string; requestedBy: string; requestedFrom: string; dueDate?: string } | undefined;
    if (!asked) throw new CounterpartNotFoundError('Info request', infoRequestId);
    const { rows } = await this.pool.query<{ kind: string; liaison_agency: string | null }>(
      'SELECT kind, liaison_agency FROM agencies WHERE code = $1',
      [asked.requestedFrom],
    );
    if (rows[0]?.kind !== 'counterpart') {
      throw new CounterpartInputError(
        'infoRequestId',
        `is addressed to ${asked.requestedFrom}, an agency, not an outside counterpart`,
      );
    }
    return {
      ...(asked.dueDate !== undefined && { dueDate: asked.dueDate }),
      workshopId,
      infoRequestId,
      counterpart: asked.requestedFrom,
      subject: asked.subject,
      requestedBy: asked.requestedBy,
      hostAgency: held.hostAgency,
      liaisonAgency: rows[0].liaison_agency ?? held.hostAgency,
    };
  }
}

/** The counterpart acts through its link: the link is who it is in the log. */
function linkMeta(opened: LinkOpened): CounterpartCommandMeta {
  return {
    actor: {
      id: `counterpart-link:${opened.link.linkId}`,
      role: 'counterpart',
      ...(opened.state.counterpart && { agency: opened.state.counterpart }),
    },
    correlationId: `counterpart-link:${opened.link.linkId}`,
  };
}

/** The workshop's due date, as the end of that working day in Seoul (18:00 KST), if still ahead. */
function defaultDueAt(dueDate: string | undefined): string | undefined {
  if (dueDate === undefined) return undefined;
  const at = Date.parse(`${dueDate}T09:00:00.000Z`);
  return Number.isNaN(at) || at <= Date.now() ? undefined : new Date(at).toISOString();
}

function withoutDueDate<T extends { dueDate?: string }>(source: T): Omit<T, 'dueDate'> {
  const { dueDate: _ignored, ...rest } = source;
  return rest;
}
