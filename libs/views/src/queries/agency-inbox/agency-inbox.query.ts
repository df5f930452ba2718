import { Query } from '@nestjs/cqrs';
import { Actor } from '@liaison/follow-up';
import { PageRequest } from '../board-query';
import { ReadYourWrites } from '../fresh-read';
import { FollowUpView, Page } from '../follow-up-view';

/**
 * An agency's open tasks (GET /agencies/:code/inbox), due first. An officer asking for another
 * agency's inbox is refused (ReadForbiddenError, 403): the route names that agency's data. A
 * bureau head gets the tasks of workshops their agency hosts that sit with that agency.
 */
export class AgencyInboxQuery extends Query<Page<FollowUpView>> {
  constructor(
    readonly actor: Actor,
    readonly agency: string,
    readonly params: PageRequest & ReadYourWrites = {},
  ) {
    super();
  }
}
