import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionFreshness } from '../../read-your-writes/projection-freshness';
import { BoardReader } from '../board.reader';
import { BOARD_SUBSCRIPTIONS, waitUntilFresh } from '../fresh-read';
import { FollowUpView, Single } from '../follow-up-view';
import { followUpScope } from '../read-scope';
import { GetFollowUpViewQuery } from './get-follow-up-view.query';

@QueryHandler(GetFollowUpViewQuery)
export class GetFollowUpViewHandler implements IQueryHandler<GetFollowUpViewQuery> {
  constructor(
    private readonly board: BoardReader,
    private readonly freshness: ProjectionFreshness,
  ) {}

  async execute({
    actor,
    followUpId,
    params,
  }: GetFollowUpViewQuery): Promise<Single<FollowUpView>> {
    followUpScope(actor);
    const { stale } = await waitUntilFresh(this.freshness, BOARD_SUBSCRIPTIONS, params.minPosition);
    return { item: await this.board.one(actor, followUpId), stale };
  }
}
