/**
 * Which events tell whom about what: a pure decision over the event and the task as it stood
 * once the event applied. Who the people are (the directory) and whether each may see the task
 * (the follow-up policy) are settled afterwards by the planner.
 */
import type { FollowUpState } from '@liaison/follow-up';
import { NotificationKind } from './notification-kinds';

/** The people an audience names, resolved from the directory. */
export type Audience =
  /** The task's named officer (담당자) when it has one, else every active officer of the agency. */
  | { to: 'officer-or-agency'; agency: string; officerId?: string }
  | { to: 'bureau-heads'; agency: string }
  | { to: 'people'; ids: readonly string[] };

export interface Notice {
  kind: NotificationKind;
  audience: Audience;
}

/** The event as the planner hands it over (a stored event's type, data and who acted). */
export interface EventFacts {
  type: string;
  data: Record<string, unknown>;
  /** Who acted, and for whom under a delegation: never told about their own act. */
  actors: readonly string[];
}

/** The wave-B comment event (H7's contract), read defensively: it may not be stored yet. */
interface Commented {
  side?: unknown;
  mentions?: unknown;
}

export function noticesFor(event: EventFacts, task: FollowUpState): Notice[] {
  const toWorkers: Audience = {
    to: 'officer-or-agency',
    agency: task.assigneeAgency,
    officerId: task.officerId,
  };
  switch (event.type) {
    case 'FollowUpAssigned':
    case 'FollowUpReassigned':
      return [{ kind: 'assignment', audience: toWorkers }];
    case 'FollowUpClaimed':
    case 'FollowUpHandedOver': {
      // "to you": the person who became the officer, unless they took it themselves.
      const officerId = String(event.data.officerId ?? '');
      return officerId
        ? [{ kind: 'assignment', audience: { to: 'people', ids: [officerId] } }]
        : [];
    }
    case 'FollowUpReminderSent':
      return [{ kind: 'reminder', audience: toWorkers }];
    case 'FollowUpOverdue':
      return [{ kind: 'overdue', audience: toWorkers }];
    case 'FollowUpEscalated':
      return [
        {
          kind: 'escalation',
          audience: { to: 'bureau-heads', agency: String(event.data.toAgency ?? task.hostAgency) },
        },
      ];
    case 'FollowUpRejected':
      return [{ kind: 'rejection', audience: toWorkers }];
    case 'FollowUpCommented': {
      const data = event.data as Commented;
      const mentions = Array.isArray(data.mentions)
        ? data.mentions.filter((m): m is string => typeof m === 'string')
        : [];
      const otherSide: Audience =
        data.side === 'assignee' ? { to: 'bureau-heads', agency: task.hostAgency } : toWorkers;
      // Mention first: a person both mentioned and on the other side is told once, as mentioned.
      return [
        ...(mentions.length
          ? [{ kind: 'mention' as const, audience: { to: 'people' as const, ids: mentions } }]
          : []),
        { kind: 'comment', audience: otherSide },
      ];
    }
    default:
      return [];
  }
}

/** The event types that may notify: the planner folds and resolves only for these. */
export const NOTIFYING_EVENTS: ReadonlySet<string> = new Set([
  'FollowUpAssigned',
  'FollowUpReassigned',
  'FollowUpClaimed',
  'FollowUpHandedOver',
  'FollowUpReminderSent',
  'FollowUpOverdue',
  'FollowUpEscalated',
  'FollowUpRejected',
  'FollowUpCommented',
]);
