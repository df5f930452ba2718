import { foldEvents } from '../decider';
import { FollowUpEvent } from '../events';
import {
  accepted,
  acknowledged,
  assigned,
  cancelled,
  claimed,
  declined,
  handedOver,
  delivered,
  DUE_AT,
  dueDateExtended,
  FOLLOW_UP_ID,
  escalated,
  LATER_DUE_AT,
  overdue,
  progressReported,
  reassigned,
  rejected,
  reminderSent,
  routed,
  routingFailed,
  started,
  submitted,
} from '../testing/follow-up.fixture';
import { commented, fileAttached } from '../testing/collaboration.fixture';
import {
  contributionReceived,
  contributionReopened,
  contributionRequested,
  contributionWaived,
  CONTRIBUTION_DUE_AT,
} from '../testing/contribution.fixture';
import { followUpDecider } from './follow-up.decider';
import { FollowUpState, initialFollowUpState } from './follow-up.state';

const fold = (...events: FollowUpEvent[]) => foldEvents(followUpDecider, events);

describe('evolveFollowUp', () => {
  it('starts as a follow-up that does not exist', () => {
    expect(fold()).toBe(initialFollowUpState);
    expect(initialFollowUpState.exists).toBe(false);
  });

  it('FollowUpAssigned: the task exists, assigned, with no flags raised', () => {
    expect(fold(assigned({ instructions: 'Use the template', priority: 'high' }))).toEqual({
      exists: true,
      followUpId: 'f-1',
      workshopId: 'w-1',
      hostAgency: 'MSIT',
      sourceId: 'a-1',
      sourceKind: 'action',
      assigneeAgency: 'KISA',
      title: 'Draft the red-teaming protocol',
      instructions: 'Use the template',
      dueAt: DUE_AT,
      priority: 'high',
      status: 'assigned',
      overdue: false,
      escalated: false,
      routingFailed: false,
      notes: 0,
    });
  });

  // One row per event type: what came before, the event, what it must change.
  const cases: Record<
    FollowUpEvent['type'],
    [FollowUpEvent[], FollowUpEvent, Partial<FollowUpState>]
  > = {
    FollowUpAssigned: [
      [],
      assigned({ assigneeAgency: 'NIS' }),
      {
        exists: true,
        followUpId: 'f-1',
        workshopId: 'w-1',
        hostAgency: 'MSIT',
        sourceId: 'a-1',
        assigneeAgency: 'NIS',
        title: 'Draft the red-teaming protocol',
        dueAt: DUE_AT,
        status: 'assigned',
      },
    ],
    FollowUpRouted: [[assigned()], routed(), { status: 'routed', routedTo: 'KISA' }],
    FollowUpDelivered: [
      [assigned(), routed(), routingFailed()],
      delivered(),
      { deliveredTo: 'KISA', routingFailed: false },
    ],
    FollowUpRoutingFailed: [[assigned(), routed()], routingFailed(), { routingFailed: true }],
    FollowUpAcknowledged: [[assigned()], acknowledged(), { status: 'acknowledged' }],
    FollowUpStarted: [[assigned(), acknowledged()], started(), { status: 'in_progress' }],
    FollowUpProgressReported: [
      [assigned(), acknowledged(), started(), progressReported('one')],
      progressReported('two'),
      { status: 'in_progress', notes: 2, lastNote: 'two' },
    ],
    FollowUpSubmitted: [
      [assigned(), acknowledged(), started()],
      submitted('Done'),
      { status: 'submitted', response: 'Done' },
    ],
    FollowUpAccepted: [
      [assigned(), acknowledged(), started(), submitted()],
      accepted(),
      { status: 'accepted' },
    ],
    FollowUpRejected: [
      [assigned(), acknowledged(), started(), submitted('Done')],
      rejected('Thin'),
      { status: 'rejected', lastReason: 'Thin', response: 'Done' },
    ],
    FollowUpDeclined: [
      [assigned()],
      declined('KISA', 'No'),
      { status: 'declined', lastReason: 'No' },
    ],
    FollowUpReassigned: [
      [assigned(), routed(), delivered(), routingFailed(), reminderSent(), overdue(), declined()],
      reassigned('NIS', 'KISA', 'Remit'),
      {
        status: 'reassigned',
        assigneeAgency: 'NIS',
        lastReason: 'Remit',
        routedTo: undefined,
        deliveredTo: undefined,
        routingFailed: false,
        reminderSentFor: undefined,
        overdue: true,
      },
    ],
    FollowUpClaimed: [
      [assigned(), acknowledged()],
      claimed('u-kisa-officer'),
      { status: 'acknowledged', officerId: 'u-kisa-officer' },
    ],
    FollowUpHandedOver: [
      [assigned(), acknowledged(), started(), claimed('u-kisa-officer')],
      handedOver('u-kisa-colleague', 'u-kisa-officer', 'Leave'),
      { status: 'in_progress', officerId: 'u-kisa-colleague' },
    ],
    FollowUpDueDateExtended: [
      [assigned(), acknowledged(), reminderSent(), overdue(), escalated()],
      dueDateExtended(LATER_DUE_AT, DUE_AT, 'Later'),
      {
        status: 'acknowledged',
        dueAt: LATER_DUE_AT,
        overdue: false,
        escalated: false,
        reminderSentFor: DUE_AT,
        lastReason: 'Later',
      },
    ],
    FollowUpReminderSent: [[assigned()], reminderSent(), { reminderSentFor: DUE_AT }],
    FollowUpOverdue: [[assigned()], overdue(), { overdue: true, status: 'assigned' }],
    FollowUpEscalated: [
      [assigned(), declined('KISA', 'No'), overdue()],
      escalated('Late'),
      { escalated: true, lastReason: 'No' },
    ],
    FollowUpCancelled: [
      [assigned()],
      cancelled('Moot'),
      { status: 'cancelled', lastReason: 'Moot' },
    ],
    FollowUpCommented: [[assigned(), acknowledged()], commented(), {}],
    FollowUpFileAttached: [[assigned()], fileAttached(), {}],
    FollowUpClassificationChanged: [
      [assigned()],
      {
        type: 'FollowUpClassificationChanged',
        data: {
          followUpId: FOLLOW_UP_ID,
          classification: { level: 'restricted', agencies: ['KISA'] },
          previous: { level: 'public' },
        },
      },
      { classification: { level: 'restricted', agencies: ['KISA'] } },
    ],
    ...contributionCases(),
  };

  it.each(Object.entries(cases))('%s', (_type, [before, event, changes]) => {
    const previous = fold(...before);
    const next = followUpDecider.evolve(previous, event);
    expect(next).toEqual({ ...previous, ...changes });
    expect(next).not.toBe(previous);
  });
});

/** The lead's record of its contributions (contribution.state.ts), one row per event type. */
function contributionCases() {
  const fsi = {
    contributionId: 'c-1',
    agency: 'FSI',
    dueAt: CONTRIBUTION_DUE_AT,
    instructions: 'The financial sector part',
  };
  const rows: Record<
    | 'FollowUpContributionRequested'
    | 'FollowUpContributionReceived'
    | 'FollowUpContributionReopened'
    | 'FollowUpContributionWaived',
    [FollowUpEvent[], FollowUpEvent, Partial<FollowUpState>]
  > = {
    FollowUpContributionRequested: [
      [assigned()],
      contributionRequested(),
      { contributions: [{ ...fsi, status: 'requested', recordedVersion: 0 }] },
    ],
    FollowUpContributionReceived: [
      [assigned(), contributionRequested()],
      contributionReceived(5),
      {
        contributions: [
          { ...fsi, status: 'submitted', response: 'FSI part attached', recordedVersion: 5 },
        ],
      },
    ],
    FollowUpContributionReopened: [
      [assigned(), contributionRequested(), contributionReceived(5)],
      contributionReopened(6),
      {
        contributions: [
          {
            ...fsi,
            status: 'requested',
            response: 'FSI part attached',
            reason: 'Thin',
            recordedVersion: 6,
          },
        ],
      },
    ],
    FollowUpContributionWaived: [
      [assigned(), contributionRequested()],
      contributionWaived('Covered'),
      { contributions: [{ ...fsi, status: 'waived', reason: 'Covered', recordedVersion: 0 }] },
    ],
  };
  return rows;
}
