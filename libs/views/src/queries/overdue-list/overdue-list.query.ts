import { Query } from '@nestjs/cqrs';
import { Actor } from '@liaison/follow-up';
import { PageRequest } from '../board-query';
import { ReadYourWrites } from '../fresh-read';
import { FollowUpView, Page } from '../follow-up-view';

export interface OverdueListParams extends PageRequest, ReadYourWrites {
  agency?: string;
  workshopId?: string;
}

/** Open tasks flagged overdue, the longest overdue first unless sorted otherwise. */
export class OverdueListQuery extends Query<Page<FollowUpView>> {
  constructor(
    readonly actor: Actor,
    readonly params: OverdueListParams = {},
  ) {
    super();
  }
}
