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

export interface FollowUpRecord {
  follow_up_id: string;
  workshop_id: string;
  host_agency: string;
  source_id: string;
  source_kind: SourceKind;
  assignee_agency: string;
  title: string;
  status: FollowUpStatus;
  priority: FollowUpPriority;
  due_at: Date;
  overdue: boolean;
  escalated: boolean;
  version: number;
  last_position: string;
  last_event_type: string;
  last_changed_at: Date;
  created_at: Date;
}

export const FOLLOW_UP_COLUMNS = `follow_up_id, workshop_id, host_agency, source_id, source_kind,
  assignee_agency, title, status, priority, due_at, overdue, escalated, version, last_position,
  last_event_type, last_changed_at, created_at`;

export function toFollowUpView(r: FollowUpRecord): FollowUpView {
  return {
    followUpId: r.follow_up_id,
    workshopId: r.workshop_id,
    hostAgency: r.host_agency,
    sourceId: r.source_id,
    sourceKind: r.source_kind,
    assigneeAgency: r.assignee_agency,
    title: r.title,
    status: r.status,
    priority: r.priority,
    dueAt: r.due_at.toISOString(),
    overdue: r.overdue,
    escalated: r.escalated,
    version: r.version,
    lastPosition: Number(r.last_position),
    lastEventType: r.last_event_type,
    lastChangedAt: r.last_changed_at.toISOString(),
    createdAt: r.created_at.toISOString(),
  };
}
