import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionFreshness } from '../../read-your-writes/projection-freshness';
import { BoardReader } from '../board.reader';
import { BOARD_SUBSCRIPTIONS, waitUntilFresh } from '../fresh-read';
import { FollowUpView, Page } from '../follow-up-view';
import { followUpScope } from '../read-scope';
import { ReadForbiddenError } from '../read.errors';
import { AgencyInboxQuery } from './agency-inbox.query';

@QueryHandler(AgencyInboxQuery)
export class AgencyInboxHandler implements IQueryHandler<AgencyInboxQuery> {
  constructor(
    private readonly board: BoardReader,
    private readonly freshness: ProjectionFreshness,
  ) {}

  async execute({ actor, agency, params }: AgencyInboxQuery): Promise<Page<FollowUpView>> {
    const scope = followUpScope(actor);
    if (scope.kind === 'agency' && scope.column === 'assignee_agency' && scope.agency !== agency) {
      throw new ReadForbiddenError(actor.role, `the inbox of ${agency}`);
    }
    const { minPosition, ...page } = params;
    const { stale } = await waitUntilFresh(this.freshness, BOARD_SUBSCRIPTIONS, minPosition);
    return { ...(await this.board.page(actor, { agency, open: true }, page)), stale };
  }
}
