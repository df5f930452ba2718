import { FollowUpPriority, FollowUpStatus, SourceKind } from '@liaison/follow-up';

/** One task as the board shows it. Times are ISO-8601 strings in UTC. */
export interface FollowUpView {
  followUpId: string;
  workshopId: string;
  hostAgency: string;
  sourceId: string;
  sourceKind: SourceKind;
  assigneeAgency: string;
  title: string;
  status: FollowUpStatus;
  priority: FollowUpPriority;
  dueAt: string;
  /** The overdue flag as the timers set it (cleared by an extension, kept once closed). */
  overdue: boolean;
  escalated: boolean;
  /** The stream version the view reflects: the value for `If-Match`. */
  version: number;
  lastPosition: number;
  lastEventType: string;
  lastChangedAt: string;
  createdAt: string;
}

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
