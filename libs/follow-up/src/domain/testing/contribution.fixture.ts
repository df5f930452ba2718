/** A joint task: follow-up f-1 (KISA leads) asks FSI for contribution c-1. */
import { FollowUpEvent } from '../events';
import { assigned, DUE_AT, FOLLOW_UP_ID } from './follow-up.fixture';

export const CONTRIBUTION_ID = 'c-1';
export const CONTRIBUTION_DUE_AT = '2025-03-18T09:00:00.000Z';

const followUpId = FOLLOW_UP_ID;

export const contributionRequested = (
  agency = 'FSI',
  contributionId = CONTRIBUTION_ID,
  dueAt = CONTRIBUTION_DUE_AT,
): FollowUpEvent => ({
  type: 'FollowUpContributionRequested',
  data: { followUpId, contributionId, agency, dueAt, instructions: 'The financial sector part' },
});
export const contributionReceived = (
  contributionVersion = 5,
  status: 'submitted' | 'accepted' = 'submitted',
  agency = 'FSI',
  contributionId = CONTRIBUTION_ID,
): FollowUpEvent => ({
  type: 'FollowUpContributionReceived',
  data: {
    followUpId,
    contributionId,
    agency,
    status,
    response: 'FSI part attached',
    contributionVersion,
  },
});
export const contributionReopened = (contributionVersion = 6, agency = 'FSI'): FollowUpEvent => ({
  type: 'FollowUpContributionReopened',
  data: {
    followUpId,
    contributionId: CONTRIBUTION_ID,
    agency,
    reason: 'Thin',
    contributionVersion,
  },
});
export const contributionWaived = (
  reason = 'Covered by KISA',
  agency = 'FSI',
  contributionId = CONTRIBUTION_ID,
): FollowUpEvent => ({
  type: 'FollowUpContributionWaived',
  data: { followUpId, contributionId, agency, reason },
});

/** The contribution's own task, as the process opens it from the lead's request. */
export const contributionAssigned = (): FollowUpEvent =>
  assigned({
    followUpId: CONTRIBUTION_ID,
    assigneeAgency: 'FSI',
    dueAt: CONTRIBUTION_DUE_AT,
    instructions: 'The financial sector part',
    kind: 'contribution',
    leadFollowUpId: FOLLOW_UP_ID,
    leadAgency: 'KISA',
  });

export { DUE_AT };
