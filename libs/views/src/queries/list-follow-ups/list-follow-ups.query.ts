import { Query } from '@nestjs/cqrs';
import { Actor } from '@liaison/follow-up';
import { BoardFilter, PageRequest } from '../board-query';
import { ReadYourWrites } from '../fresh-read';
import { FollowUpView, Page } from '../follow-up-view';

export type ListFollowUpsParams = BoardFilter & PageRequest & ReadYourWrites;

/** The board (GET /follow-ups): filters agency, status, open, overdue, workshopId; sorted by
 * dueAt (default), lastChangedAt or priority, asc (default) or desc; keyset pages. */
export class ListFollowUpsQuery extends Query<Page<FollowUpView>> {
  constructor(
    readonly actor: Actor,
    readonly params: ListFollowUpsParams = {},
  ) {
    super();
  }
}
