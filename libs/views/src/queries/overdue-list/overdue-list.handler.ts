import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionFreshness } from '../../read-your-writes/projection-freshness';
import { BoardReader } from '../board.reader';
import { BOARD_SUBSCRIPTIONS, waitUntilFresh } from '../fresh-read';
import { FollowUpView, Page } from '../follow-up-view';
import { followUpScope } from '../read-scope';
import { OverdueListQuery } from './overdue-list.query';

@QueryHandler(OverdueListQuery)
export class OverdueListHandler implements IQueryHandler<OverdueListQuery> {
  constructor(
    private readonly board: BoardReader,
    private readonly freshness: ProjectionFreshness,
  ) {}

  async execute({ actor, params }: OverdueListQuery): Promise<Page<FollowUpView>> {
    followUpScope(actor);
    const { minPosition, agency, workshopId, ...page } = params;
    const { stale } = await waitUntilFresh(this.freshness, BOARD_SUBSCRIPTIONS, minPosition);
    const found = await this.board.page(actor, { agency, workshopId, overdue: true }, page);
    return { ...found, stale };
  }
}
