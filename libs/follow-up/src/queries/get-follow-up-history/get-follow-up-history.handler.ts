import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DecisionRunner } from '../../commands/decision-runner';
import { canSeeFollowUp, followUpDecider, followUpStreamId, NotFoundError } from '../../domain';
import {
  FollowUpHistory,
  FollowUpHistoryEntry,
  GetFollowUpHistoryQuery,
} from './get-follow-up-history.query';

@QueryHandler(GetFollowUpHistoryQuery)
export class GetFollowUpHistoryHandler implements IQueryHandler<GetFollowUpHistoryQuery> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ followUpId, actor }: GetFollowUpHistoryQuery): Promise<FollowUpHistory> {
    const { state, version, events } = await this.runner.load(
      followUpDecider,
      followUpStreamId(followUpId),
    );
    // Seen by the task's current parties only; another agency's answers like a missing one.
    if (!canSeeFollowUp(actor, state)) throw new NotFoundError('follow-up', followUpId);
    const items = events.map((e): FollowUpHistoryEntry => {
      const m = e.metadata;
      return {
        version: e.version,
        type: e.type,
        data: e.data,
        recordedAt: e.recordedAt.toISOString(),
        actor: {
          id: m.actor,
          role: m.role,
          ...(typeof m.agency === 'string' && { agency: m.agency }),
        },
        ...(typeof m.on_behalf_of === 'string' && { onBehalfOf: m.on_behalf_of }),
      };
    });
    return { id: followUpId, version, items };
  }
}
