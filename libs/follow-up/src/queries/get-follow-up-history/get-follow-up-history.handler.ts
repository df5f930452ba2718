import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DecisionRunner } from '../../commands/decision-runner';
import { PersonalText } from '../../commands/personal-text';
import { canSeeFollowUp, followUpDecider, followUpStreamId, NotFoundError } from '../../domain';
import { PersonNames } from '../person-names';
import {
  FollowUpHistory,
  FollowUpHistoryEntry,
  GetFollowUpHistoryQuery,
} from './get-follow-up-history.query';

@QueryHandler(GetFollowUpHistoryQuery)
export class GetFollowUpHistoryHandler implements IQueryHandler<GetFollowUpHistoryQuery> {
  constructor(
    private readonly runner: DecisionRunner,
    private readonly names: PersonNames,
    private readonly personalText: PersonalText,
  ) {}

  async execute({ followUpId, actor }: GetFollowUpHistoryQuery): Promise<FollowUpHistory> {
    const { state, version, events } = await this.runner.load(
      followUpDecider,
      followUpStreamId(followUpId),
    );
    // Seen by the task's current parties only; another agency's answers like a missing one.
    if (!canSeeFollowUp(actor, state)) throw new NotFoundError('follow-up', followUpId);
    // Texts marked personal (comments, progress notes) opened for a reader the task let in, all
    // their keys in one read; "(erased)" once their author is erased.
    const opened = await this.personalText.open(events.map((e) => e.data));
    const items = events.map((e, i): FollowUpHistoryEntry => {
      const m = e.metadata;
      return {
        version: e.version,
        type: e.type,
        data: opened[i],
        recordedAt: e.recordedAt.toISOString(),
        actor: {
          id: m.actor,
          role: m.role,
          ...(typeof m.agency === 'string' && { agency: m.agency }),
        },
        ...(typeof m.on_behalf_of === 'string' && { onBehalfOf: m.on_behalf_of }),
      };
    });
    const named = items.flatMap((i) => [
      i.actor.id,
      i.onBehalfOf,
      ...['officerId', 'fromOfficerId'].map((k) =>
        typeof i.data[k] === 'string' ? (i.data[k] as string) : undefined,
      ),
    ]);
    return { id: followUpId, version, items, people: await this.names.of(named) };
  }
}
