import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionFreshness } from '../../read-your-writes/projection-freshness';
import { BoardReader } from '../board.reader';
import { BOARD_SUBSCRIPTIONS, waitUntilFresh } from '../fresh-read';
import { FollowUpView, Page } from '../follow-up-view';
import { followUpScope } from '../read-scope';
import { ListFollowUpsQuery } from './list-follow-ups.query';

@QueryHandler(ListFollowUpsQuery)
export class ListFollowUpsHandler implements IQueryHandler<ListFollowUpsQuery> {
  constructor(
    private readonly board: BoardReader,
    private readonly freshness: ProjectionFreshness,
  ) {}

  async execute({ actor, params }: ListFollowUpsQuery): Promise<Page<FollowUpView>> {
    followUpScope(actor); // refuse before waiting
    const { minPosition, sort, order, cursor, limit, ...filter } = params;
    const { stale } = await waitUntilFresh(this.freshness, BOARD_SUBSCRIPTIONS, minPosition);
    const page = await this.board.page(actor, filter, { sort, order, cursor, limit });
    return { ...page, stale };
  }
}
