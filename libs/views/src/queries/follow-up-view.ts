export type { FollowUpView } from '../board/follow-up-board.table';

/** Every list answer: a page, the cursor of the next one, and whether the view lagged behind
 * the requested `minPosition` when the wait ran out (the lead maps it to a header). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  stale: boolean;
}

export interface Single<T> {
  /** null: it does not exist or the actor may not see it (answer 404 either way). */
  item: T | null;
  stale: boolean;
}
