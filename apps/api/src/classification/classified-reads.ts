import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { AccessLog } from '@liaison/audit';
import { Classification, levelOf } from '@liaison/follow-up';
import { AuthenticatedUser, PG_POOL } from '@liaison/platform';

import { auditReasonOf, auditReasonRequired, HeaderCarrier } from '../common/audit-reason-header';

export type { HeaderCarrier } from '../common/audit-reason-header';

/**
 * An auditor reads a restricted or confidential task through the ordinary routes (one task, its
 * history) only with a reason (X-Audit-Reason), and the read goes into the access log with it,
 * as on the audit routes. Everyone else is already held to the read policy; nothing is logged
 * for a public task.
 */
@Injectable()
export class ClassifiedReads {
  private readonly log: AccessLog;

  constructor(@Inject(PG_POOL) pool: Pool) {
    this.log = new AccessLog(pool);
  }

  async check(
    user: AuthenticatedUser,
    followUpId: string,
    classification: Classification | undefined,
    request: HeaderCarrier,
    route: string,
  ): Promise<void> {
    if (user.role !== 'auditor' || levelOf(classification) === 'public') return;
    const reason = auditReasonOf(request);
    if (!reason) throw auditReasonRequired();
    await this.log.record(
      { actor: user.id, role: user.role, reason },
      'read_stream',
      `follow-up-${followUpId}`,
      {
        route,
        level: levelOf(classification),
      },
    );
  }
}
