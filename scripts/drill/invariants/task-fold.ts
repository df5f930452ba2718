/**
 * The drill's own fold of a follow-up stream, kept to the facts the checks need: who holds the
 * task since when (a segment per assignment or reassignment, with its routings and deliveries),
 * whether it is open, and its deadline facts. Written apart from the product's evolve so that a
 * fault in that code cannot hide itself.
 */
import { LoggedEvent } from './log-reader';

export interface Segment {
  agency: string;
  at: number;
  /** Agencies a FollowUpRouted named, with when. */
  routed: { agency: string; at: number }[];
  delivered: string[];
  failed: boolean;
}

export interface TaskFold {
  streamId: string;
  open: boolean;
  segments: Segment[];
  dueAt: string;
  /** When the current due time or assignee was set: timers are planned from then. */
  since: number;
  reminderFor?: string;
  overdue: boolean;
  escalated: boolean;
  /** How many times each timer fired, keyed by what makes it one timer. */
  reminders: Map<string, number>;
  overdues: Map<string, number>;
  escalations: Map<string, number>;
}

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
const str = (v: unknown) => String(v);

function apply(t: TaskFold, e: LoggedEvent): void {
  const d = e.data;
  const current = t.segments[t.segments.length - 1];
  switch (e.type) {
    case 'FollowUpAssigned':
    case 'FollowUpReassigned':
      t.segments.push({
        agency: str(d.assigneeAgency),
        at: e.recordedAt,
        routed: [],
        delivered: [],
        failed: false,
      });
      if (d.dueAt !== undefined) t.dueAt = str(d.dueAt);
      t.since = e.recordedAt;
      t.reminderFor = undefined;
      return;
    case 'FollowUpRouted':
      current?.routed.push({ agency: str(d.agency), at: e.recordedAt });
      return;
    case 'FollowUpDelivered':
      current?.delivered.push(str(d.agency));
      return;
    case 'FollowUpRoutingFailed':
      if (current) current.failed = true;
      return;
    case 'FollowUpDueDateExtended':
      t.dueAt = str(d.dueAt);
      t.since = e.recordedAt;
      t.overdue = false;
      t.escalated = false;
      return;
    case 'FollowUpReminderSent':
      bump(t.reminders, `${d.agency} ${d.dueAt}`);
      t.reminderFor = str(d.dueAt);
      return;
    case 'FollowUpOverdue':
      bump(t.overdues, str(d.dueAt));
      t.overdue = true;
      return;
    case 'FollowUpEscalated':
      // A routing failure escalates at once; only an overdue task's escalation is a timer's.
      if (t.overdue && !str(d.reason).startsWith('Routing to')) {
        bump(t.escalations, t.dueAt);
        t.escalated = true;
      }
      return;
    case 'FollowUpAccepted':
    case 'FollowUpCancelled':
      t.open = false;
      return;
  }
}

/** Folds events sorted by stream and version into one fold per stream. */
export function foldTasks(events: readonly LoggedEvent[]): TaskFold[] {
  const folds: TaskFold[] = [];
  let t: TaskFold | undefined;
  for (const e of events) {
    if (t?.streamId !== e.streamId) {
      t = {
        streamId: e.streamId,
        open: true,
        segments: [],
        dueAt: '',
        since: e.recordedAt,
        overdue: false,
        escalated: false,
        reminders: new Map(),
        overdues: new Map(),
        escalations: new Map(),
      };
      folds.push(t);
    }
    apply(t, e);
  }
  return folds;
}

/** The segment that must reach its agency: the last one of a task still open. */
export function currentSegment(t: TaskFold): Segment | undefined {
  return t.open ? t.segments[t.segments.length - 1] : undefined;
}
