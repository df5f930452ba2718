import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { AccessLog, Accessor, AuditEvent } from '@liaison/audit';
import { EventStore } from '@liaison/event-store';
import { levelOf } from '@liaison/follow-up';
import { AuthenticatedUser, PG_POOL } from '@liaison/platform';
import { auditReasonOf, auditReasonRequired, HeaderCarrier } from '../common/audit-reason-header';

/** Events that carry a stream's classification (absent: public). */
const CLASSIFYING = new Set([
  'WorkshopHeld',
  'WorkshopClassificationChanged',
  'FollowUpAssigned',
  'FollowUpClassificationChanged',
]);

const mayBeClassified = (streamId: string) =>
  streamId.startsWith('follow-up-') || streamId.startsWith('workshop-');

/**
 * Auditors read everything, but a restricted or confidential workshop or task only with a
 * reason (X-Audit-Reason), which the access log keeps with the read. A stream that was ever
 * classified counts, so reading it "as of" a time before it was classified needs one too.
 * Without one: 400 naming the header, before anything is returned.
 */
@Injectable()
export class AuditReasons {
  private readonly log: AccessLog;

  constructor(
    private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    this.log = new AccessLog(pool);
  }

  /** Who reads one stream; refused before anything is read or logged. */
  async accessor(user: AuthenticatedUser, streamId: string, request: HeaderCarrier) {
    const who = this.who(user, request);
    if (who.reason || !(await this.classifiedAmong([streamId])).has(streamId)) return who;
    throw auditReasonRequired();
  }

  /** The caller with the reason they gave, if any (an over-long reason is refused here). */
  who(user: AuthenticatedUser, request: HeaderCarrier): Accessor {
    const reason = auditReasonOf(request);
    return { actor: user.id, role: user.role, ...(reason && { reason }) };
  }

  /**
   * A page of the global history, already read: when it holds events of restricted or
   * confidential items, it is answered only with a reason, and each such item gets its own
   * access-log entry (once per page, with how many of its events the page held), so the log
   * answers "who read this task, and why" whichever route the read came by. A page filtered to
   * one stream is already logged under that stream by the history read itself.
   */
  async checkPage(who: Accessor, events: AuditEvent[], after: string, filterStream?: string) {
    const counts = new Map<string, number>();
    for (const e of events) counts.set(e.streamId, (counts.get(e.streamId) ?? 0) + 1);
    const classified = await this.classifiedAmong([...counts.keys()]);
    if (classified.size === 0) return;
    if (!who.reason) {
      throw auditReasonRequired(
        `this page of the history holds events of ${classified.size} restricted or ` +
          'confidential item(s): say why you read them, or filter to other streams',
      );
    }
    const reads = [...classified]
      .filter((streamId) => streamId !== filterStream)
      .map((streamId) => ({ target: streamId, params: { after, events: counts.get(streamId) } }));
    await this.log.recordEach(who, 'replay', reads);
  }

  /**
   * The whole log's export holds every item: when some were ever restricted or confidential, it
   * is given only with a reason, and each of those items gets its own access-log entry (one
   * statement), as a page of the history does.
   */
  async checkExport(who: Accessor): Promise<void> {
    const { rows } = await this.pool.query<{ stream_id: string }>(
      `SELECT DISTINCT stream_id FROM events
        WHERE type = ANY($1) AND data->'classification'->>'level' IN ('restricted', 'confidential')`,
      [[...CLASSIFYING]],
    );
    if (rows.length === 0) return;
    if (!who.reason) {
      throw auditReasonRequired(
        `to export the log: it holds ${rows.length} restricted or confidential item(s); say why ` +
          'you export them',
      );
    }
    await this.log.recordEach(
      who,
      'export',
      rows.map((r) => ({ target: r.stream_id, params: { whole: 'log' } })),
    );
  }

  /** The streams among these that were ever restricted or confidential: one query. */
  private async classifiedAmong(streamIds: string[]): Promise<Set<string>> {
    const streams = await this.store.readStreams(streamIds.filter(mayBeClassified));
    const classified = new Set<string>();
    for (const [streamId, events] of streams) {
      const ever = events.some((e) => {
        if (!CLASSIFYING.has(e.type)) return false;
        const c = (e.data as { classification?: { level: 'public' } }).classification;
        return levelOf(c) !== 'public';
      });
      if (ever) classified.add(streamId);
    }
    return classified;
  }
}
