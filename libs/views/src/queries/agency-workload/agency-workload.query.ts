import { Query } from '@nestjs/cqrs';
import { Actor } from '@liaison/follow-up';
import { ReadYourWrites } from '../fresh-read';
import { StatusCounts } from '../status-counts';

export interface AgencyWorkload {
  agency: string;
  /** Tasks not accepted or cancelled. */
  open: number;
  /** Open tasks flagged overdue. */
  overdue: number;
  total: number;
  byStatus: StatusCounts;
}

/** Per assignee agency, counted over the tasks the actor may see (so an officer sees only
 * their own agency's line; a bureau head the agencies working on what they host). */
export class AgencyWorkloadQuery extends Query<{ items: AgencyWorkload[]; stale: boolean }> {
  constructor(
    readonly actor: Actor,
    readonly params: { agency?: string } & ReadYourWrites = {},
  ) {
    super();
  }
}
