import { Query } from '@nestjs/cqrs';
import { Actor } from '@liaison/follow-up';
import { PageRequest } from '../board-query';
import { ReadYourWrites } from '../fresh-read';
import { FollowUpView, Page } from '../follow-up-view';

/**
 * Which of the agency's open tasks (GET /agencies/:code/inbox?scope=):
 * - `agency` (the default): all of them, claimed or not (기관 과제);
 * - `mine`: those whose officer (담당자) is the caller, or, under a delegation (대결), the person
 *   the caller acts for (내 과제). Strictly theirs: an unclaimed task is not anyone's yet, and
 *   mixing them in would make "mine" grow whenever the agency gets work;
 * - `unclaimed`: those nobody has claimed yet, the pool an officer picks from.
 * Every scope sorts due soon first; an overdue task carries `overdue: true`.
 */
export type InboxScope = 'agency' | 'mine' | 'unclaimed';
export const INBOX_SCOPES: readonly InboxScope[] = ['agency', 'mine', 'unclaimed'];

/**
 * An agency's open tasks (GET /agencies/:code/inbox), due first. An officer asking for another
 * agency's inbox is refused (ReadForbiddenError, 403): the route names that agency's data. A
 * bureau head gets the tasks of workshops their agency hosts that sit with that agency.
 */
export class AgencyInboxQuery extends Query<Page<FollowUpView>> {
  constructor(
    readonly actor: Actor,
    readonly agency: string,
    readonly params: PageRequest & ReadYourWrites & { scope?: InboxScope } = {},
  ) {
    super();
  }
}
