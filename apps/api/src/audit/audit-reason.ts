import { Injectable } from '@nestjs/common';
import { EventStore } from '@liaison/event-store';
import { levelOf } from '@liaison/follow-up';
import { AuthenticatedUser } from '@liaison/platform';
import { auditReasonOf, auditReasonRequired, HeaderCarrier } from '../common/audit-reason-header';

/** Events that carry a stream's classification (absent: public). */
const CLASSIFYING = new Set([
  'WorkshopHeld',
  'WorkshopClassificationChanged',
  'FollowUpAssigned',
  'FollowUpClassificationChanged',
]);

/**
 * Auditors read everything, but a restricted or confidential workshop or task only with a
 * reason (X-Audit-Reason), which the access log keeps with the read. A stream that was ever
 * classified counts, so reading it "as of" a time before it was classified needs one too.
 * Without one: 400 naming the header, before anything is read or logged.
 */
@Injectable()
export class AuditReasons {
  constructor(private readonly store: EventStore) {}

  async accessor(
    user: AuthenticatedUser,
    streamId: string,
    request: HeaderCarrier,
  ): Promise<{ actor: string; role: string; reason?: string }> {
    const reason = auditReasonOf(request);
    const who = { actor: user.id, role: user.role, ...(reason && { reason }) };
    if (reason || !(await this.classified(streamId))) return who;
    throw auditReasonRequired();
  }

  private async classified(streamId: string): Promise<boolean> {
    if (!streamId.startsWith('follow-up-') && !streamId.startsWith('workshop-')) return false;
    const events = await this.store.readStream(streamId, { raw: true });
    return events.some((e) => {
      if (!CLASSIFYING.has(e.type)) return false;
      const c = (e.data as { classification?: { level: 'public' } }).classification;
      return levelOf(c) !== 'public';
    });
  }
}
