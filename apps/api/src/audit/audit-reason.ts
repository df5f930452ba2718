import { BadRequestException, Injectable } from '@nestjs/common';
import { EventStore } from '@liaison/event-store';
import { levelOf } from '@liaison/follow-up';
import { AuthenticatedUser } from '@liaison/platform';

export const AUDIT_REASON_HEADER = 'x-audit-reason';

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
    header: string | string[] | undefined,
  ): Promise<{ actor: string; role: string; reason?: string }> {
    const reason = (Array.isArray(header) ? header[0] : header)?.trim() || undefined;
    const who = { actor: user.id, role: user.role, ...(reason && { reason }) };
    if (reason || !(await this.classified(streamId))) return who;
    throw new BadRequestException({
      message:
        'X-Audit-Reason is required to read a restricted or confidential item: say why you read it',
      details: [{ field: 'X-Audit-Reason', problems: ['must not be empty'] }],
    });
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
