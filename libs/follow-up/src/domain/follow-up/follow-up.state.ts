import { assertNever } from '../decider';
import {
  CLOSED_STATUSES,
  FollowUpAssigned,
  FollowUpEvent,
  FollowUpStatus,
  SealedText,
} from '../events';
import { ContributionEntry, evolveContributions } from './contribution.state';

/**
 * The task as its assignment declared it (every field of FollowUpAssigned, declared once in
 * events.ts; a reassignment, a claim or an extension changes them since) and its life since.
 * The named officer (`officerId`) is absent while the task is unclaimed; `kind`,
 * `leadFollowUpId` and `leadAgency` only on a contribution task (협조 요청); `classification`
 * absent means public (see classification.ts for who reads a classified task).
 */
export interface FollowUpState extends FollowUpAssigned {
  exists: boolean;
  status: FollowUpStatus;
  overdue: boolean;
  escalated: boolean;
  /** The dueAt the last reminder was sent for; a new due date earns a new reminder. */
  reminderSentFor?: string;
  /** Routing and delivery facts since the last (re)assignment. */
  routedTo?: string;
  deliveredTo?: string;
  routingFailed: boolean;
  /** The last reason a person gave (reject, decline, reassign, extend, cancel). */
  lastReason?: string;
  response?: string;
  notes: number;
  /** Sealed when it was marked personal: the reading side opens it (or reads "(erased)"). */
  lastNote?: string | SealedText;
  /** On a lead task: the contributions it asked for (absent until the first is asked). */
  contributions?: readonly ContributionEntry[];
}

export const ALL_FOLLOW_UP_STATUSES = [
  'assigned',
  'routed',
  'acknowledged',
  'in_progress',
  'submitted',
  'accepted',
  'rejected',
  'declined',
  'reassigned',
  'cancelled',
] as const satisfies readonly FollowUpStatus[];
// Fails to compile if events.ts gains a status this list lacks.
const _everyStatusListed: Exclude<
  FollowUpStatus,
  (typeof ALL_FOLLOW_UP_STATUSES)[number]
> extends never
  ? true
  : never = true;

export const isOpen = (status: FollowUpStatus): boolean => !CLOSED_STATUSES.includes(status);

export const initialFollowUpState: FollowUpState = Object.freeze({
  exists: false,
  followUpId: '',
  workshopId: '',
  hostAgency: '',
  sourceId: '',
  sourceKind: 'action',
  assigneeAgency: '',
  title: '',
  dueAt: '',
  priority: 'normal',
  status: 'assigned',
  overdue: false,
  escalated: false,
  routingFailed: false,
  notes: 0,
});

/** Applies facts as they are: every rule was checked by the decider before they were stored. */
export function evolveFollowUp(state: FollowUpState, event: FollowUpEvent): FollowUpState {
  switch (event.type) {
    case 'FollowUpAssigned': {
      const { instructions, officerId, ...data } = event.data;
      return {
        ...initialFollowUpState,
        ...data,
        ...(instructions !== undefined && { instructions }),
        ...(officerId !== undefined && { officerId }),
        exists: true,
        status: 'assigned',
      };
    }
    case 'FollowUpRouted':
      return { ...state, status: 'routed', routedTo: event.data.agency };
    case 'FollowUpDelivered':
      return { ...state, deliveredTo: event.data.agency, routingFailed: false };
    case 'FollowUpRoutingFailed':
      return { ...state, routingFailed: true };
    case 'FollowUpAcknowledged':
      return { ...state, status: 'acknowledged' };
    case 'FollowUpStarted':
      return { ...state, status: 'in_progress' };
    case 'FollowUpProgressReported':
      return { ...state, notes: state.notes + 1, lastNote: event.data.note };
    case 'FollowUpSubmitted':
      return { ...state, status: 'submitted', response: event.data.response };
    case 'FollowUpAccepted':
      return { ...state, status: 'accepted' };
    case 'FollowUpRejected':
      return { ...state, status: 'rejected', lastReason: event.data.reason };
    case 'FollowUpDeclined':
      return { ...state, status: 'declined', lastReason: event.data.reason };
    case 'FollowUpReassigned':
      // The new agency starts afresh: it must be routed, delivered and reminded again.
      return {
        ...state,
        status: 'reassigned',
        assigneeAgency: event.data.assigneeAgency,
        lastReason: event.data.reason,
        officerId: event.data.officerId,
        routedTo: undefined,
        deliveredTo: undefined,
        routingFailed: false,
        reminderSentFor: undefined,
      };
    case 'FollowUpClaimed':
    case 'FollowUpHandedOver':
      return { ...state, officerId: event.data.officerId };
    case 'FollowUpDueDateExtended':
      return {
        ...state,
        dueAt: event.data.dueAt,
        overdue: false,
        escalated: false,
        lastReason: event.data.reason,
      };
    case 'FollowUpReminderSent':
      return { ...state, reminderSentFor: event.data.dueAt };
    case 'FollowUpOverdue':
      return { ...state, overdue: true };
    case 'FollowUpEscalated':
      // Only an overdue task's escalation settles its deadline: one raised with a routing
      // failure, before the due time, must not stop the deadline's own escalation later.
      return { ...state, escalated: state.escalated || state.overdue };
    case 'FollowUpCancelled':
      return { ...state, status: 'cancelled', lastReason: event.data.reason };
    case 'FollowUpContributionRequested':
    case 'FollowUpContributionReceived':
    case 'FollowUpContributionReopened':
    case 'FollowUpContributionWaived':
      return { ...state, contributions: evolveContributions(state.contributions ?? [], event) };
    // Comments and files are read from the stream itself; they change nothing a rule asks.
    case 'FollowUpCommented':
    case 'FollowUpFileAttached':
      return { ...state };
    case 'FollowUpClassificationChanged':
      return { ...state, classification: event.data.classification };
    default:
      return assertNever(event);
  }
}
