import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionFreshness } from '../../read-your-writes/projection-freshness';
import { BoardReader } from '../board.reader';
import { BOARD_SUBSCRIPTIONS, waitUntilFresh } from '../fresh-read';
import { FollowUpView, Page } from '../follow-up-view';
import { followUpScope } from '../read-scope';
import { ReadForbiddenError } from '../read.errors';
import { Actor } from '@liaison/follow-up';
import { BoardFilter } from '../board-query';
import { InvalidReadQueryError } from '../read.errors';
import { AgencyInboxQuery, INBOX_SCOPES, InboxScope } from './agency-inbox.query';

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
    const { minPosition, scope: inboxScope = 'agency', ...page } = params;
    const filter: BoardFilter = { agency, open: true, ...scopeFilter(inboxScope, actor) };
    const { stale } = await waitUntilFresh(this.freshness, BOARD_SUBSCRIPTIONS, minPosition);
    return { ...(await this.board.page(actor, filter, page)), stale };
  }
}

function scopeFilter(scope: InboxScope, actor: Actor): BoardFilter {
  switch (scope) {
    case 'agency':
      return {};
    case 'mine':
      // Acting for an absent colleague, "mine" is theirs: the work the caller stands in for.
      return { officerId: actor.onBehalfOf?.id ?? actor.id };
    case 'unclaimed':
      return { unclaimed: true };
    default:
      throw new InvalidReadQueryError('scope', `must be one of ${INBOX_SCOPES.join(', ')}`);
  }
}
