/** One follow-up's history, one factory per fact: action a-1 of MSIT's workshop, given to KISA. */
import { FollowUpAssigned, FollowUpEvent, FollowUpStatus } from '../events';
import { ACTION_ID, WORKSHOP_ID } from './workshop.fixture';

export const FOLLOW_UP_ID = 'f-1';
export const DUE_AT = '2025-03-20T09:00:00.000Z';
export const LATER_DUE_AT = '2025-03-31T09:00:00.000Z';

const followUpId = FOLLOW_UP_ID;

export const assigned = (overrides: Partial<FollowUpAssigned> = {}): FollowUpEvent => ({
  type: 'FollowUpAssigned',
  data: {
    followUpId,
    workshopId: WORKSHOP_ID,
    hostAgency: 'MSIT',
    sourceId: ACTION_ID,
    sourceKind: 'action',
    assigneeAgency: 'KISA',
    title: 'Draft the red-teaming protocol',
    dueAt: DUE_AT,
    priority: 'normal',
    ...overrides,
  },
});
export const routed = (agency = 'KISA'): FollowUpEvent => ({
  type: 'FollowUpRouted',
  data: { followUpId, agency, queue: `agency-${agency}` },
});
export const delivered = (agency = 'KISA'): FollowUpEvent => ({
  type: 'FollowUpDelivered',
  data: { followUpId, agency, channel: 'inbox', attempts: 1 },
});
export const routingFailed = (agency = 'KISA'): FollowUpEvent => ({
  type: 'FollowUpRoutingFailed',
  data: { followUpId, agency, reason: 'webhook answered 500' },
});
export const acknowledged = (agency = 'KISA'): FollowUpEvent => ({
  type: 'FollowUpAcknowledged',
  data: { followUpId, agency },
});
export const started = (agency = 'KISA'): FollowUpEvent => ({
  type: 'FollowUpStarted',
  data: { followUpId, agency },
});
export const progressReported = (note = 'First draft circulated'): FollowUpEvent => ({
  type: 'FollowUpProgressReported',
  data: { followUpId, agency: 'KISA', note },
});
export const submitted = (response = 'Protocol attached'): FollowUpEvent => ({
  type: 'FollowUpSubmitted',
  data: { followUpId, agency: 'KISA', response },
});
export const accepted = (): FollowUpEvent => ({ type: 'FollowUpAccepted', data: { followUpId } });
export const rejected = (reason = 'Missing the scope'): FollowUpEvent => ({
  type: 'FollowUpRejected',
  data: { followUpId, reason },
});
export const declined = (agency = 'KISA', reason = 'Not our remit'): FollowUpEvent => ({
  type: 'FollowUpDeclined',
  data: { followUpId, agency, reason },
});
export const reassigned = (
  assigneeAgency: string,
  fromAgency = 'KISA',
  reason = 'Better placed',
  officerId?: string,
): FollowUpEvent => ({
  type: 'FollowUpReassigned',
  data: {
    followUpId,
    fromAgency,
    assigneeAgency,
    reason,
    ...(officerId !== undefined && { officerId }),
  },
});
export const claimed = (officerId = 'u-kisa-officer', agency = 'KISA'): FollowUpEvent => ({
  type: 'FollowUpClaimed',
  data: { followUpId, agency, officerId },
});
export const handedOver = (
  officerId: string,
  fromOfficerId?: string,
  reason?: string,
): FollowUpEvent => ({
  type: 'FollowUpHandedOver',
  data: {
    followUpId,
    agency: 'KISA',
    ...(fromOfficerId !== undefined && { fromOfficerId }),
    officerId,
    ...(reason !== undefined && { reason }),
  },
});
export const dueDateExtended = (
  dueAt = LATER_DUE_AT,
  previousDueAt = DUE_AT,
  reason = 'Waiting on OpenAI',
): FollowUpEvent => ({
  type: 'FollowUpDueDateExtended',
  data: { followUpId, previousDueAt, dueAt, reason },
});
export const reminderSent = (dueAt = DUE_AT, agency = 'KISA'): FollowUpEvent => ({
  type: 'FollowUpReminderSent',
  data: { followUpId, agency, dueAt },
});
export const overdue = (dueAt = DUE_AT, agency = 'KISA'): FollowUpEvent => ({
  type: 'FollowUpOverdue',
  data: { followUpId, agency, dueAt },
});
export const escalated = (reason = 'Overdue'): FollowUpEvent => ({
  type: 'FollowUpEscalated',
  data: { followUpId, toAgency: 'MSIT', reason },
});
export const cancelled = (reason = 'Superseded'): FollowUpEvent => ({
  type: 'FollowUpCancelled',
  data: { followUpId, reason },
});

/** A history that leaves the follow-up in each status with KISA as the current assignee (the
 * reassigned one starts at AISI and is moved to KISA). */
export const HISTORY_TO: Record<FollowUpStatus, () => FollowUpEvent[]> = {
  assigned: () => [assigned()],
  routed: () => [assigned(), routed()],
  acknowledged: () => [assigned(), routed(), acknowledged()],
  in_progress: () => [assigned(), routed(), acknowledged(), started()],
  submitted: () => [assigned(), routed(), acknowledged(), started(), submitted()],
  accepted: () => [assigned(), routed(), acknowledged(), started(), submitted(), accepted()],
  rejected: () => [assigned(), routed(), acknowledged(), started(), submitted(), rejected()],
  declined: () => [assigned(), routed(), declined()],
  reassigned: () => [
    assigned({ assigneeAgency: 'AISI' }),
    routed('AISI'),
    declined('AISI'),
    reassigned('KISA', 'AISI'),
  ],
  cancelled: () => [assigned(), cancelled()],
};
