import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DecisionRunner } from '../../commands/decision-runner';
import { PersonalText } from '../../commands/personal-text';
import { canSeeFollowUp, followUpDecider, followUpStreamId, NotFoundError } from '../../domain';
import { PersonNames } from '../person-names';
import { FollowUpStateView, GetFollowUpQuery } from './get-follow-up.query';

@QueryHandler(GetFollowUpQuery)
export class GetFollowUpHandler implements IQueryHandler<GetFollowUpQuery> {
  constructor(
    private readonly runner: DecisionRunner,
    private readonly names: PersonNames,
    private readonly personalText: PersonalText,
  ) {}

  async execute({ followUpId, actor }: GetFollowUpQuery): Promise<FollowUpStateView> {
    const { state, version } = await this.runner.load(
      followUpDecider,
      followUpStreamId(followUpId),
    );
    // Another agency's task answers exactly like a missing one.
    if (!canSeeFollowUp(actor, state)) throw new NotFoundError('follow-up', followUpId);
    const officerName =
      state.officerId && (await this.names.of([state.officerId]))[state.officerId];
    // A progress note marked personal is opened here, for a reader the task let in.
    const lastNote = state.lastNote && (await this.personalText.open(state.lastNote));
    return {
      id: followUpId,
      version,
      state: { ...state, ...(lastNote !== undefined && { lastNote }) },
      ...(officerName && { officerName }),
    };
  }
}
