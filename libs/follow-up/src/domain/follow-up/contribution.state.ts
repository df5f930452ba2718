/** Joint tasks (주관/협조): what a lead task knows of the contributions it asked for. */
import { assertNever } from '../decider';
import {
  FollowUpContributionReceived,
  FollowUpContributionReopened,
  FollowUpContributionRequested,
  FollowUpContributionWaived,
} from '../events';

/** requested: asked for, not in yet (also after a return); submitted, accepted: in; waived: no
 * longer needed (by the bureau head's waiver or because its task was cancelled). */
export type ContributionStatus = 'requested' | 'submitted' | 'accepted' | 'waived';

export interface ContributionEntry {
  contributionId: string;
  agency: string;
  dueAt: string;
  status: ContributionStatus;
  instructions?: string;
  /** The supporting agency's answer, once it came in. */
  response?: string;
  /** Why it was returned or waived. */
  reason?: string;
  /** The contribution's stream version last recorded here: older facts are not recorded again. */
  recordedVersion: number;
}

export type ContributionEvent =
  | { type: 'FollowUpContributionRequested'; data: FollowUpContributionRequested }
  | { type: 'FollowUpContributionReceived'; data: FollowUpContributionReceived }
  | { type: 'FollowUpContributionReopened'; data: FollowUpContributionReopened }
  | { type: 'FollowUpContributionWaived'; data: FollowUpContributionWaived };

export function evolveContributions(
  entries: readonly ContributionEntry[],
  event: ContributionEvent,
): readonly ContributionEntry[] {
  const { contributionId } = event.data;
  const update = (changes: Partial<ContributionEntry>) =>
    entries.map((e) => (e.contributionId === contributionId ? { ...e, ...changes } : e));
  switch (event.type) {
    case 'FollowUpContributionRequested': {
      const { agency, dueAt, instructions } = event.data;
      const entry: ContributionEntry = {
        contributionId,
        agency,
        dueAt,
        status: 'requested',
        recordedVersion: 0,
      };
      return [...entries, { ...entry, ...(instructions !== undefined && { instructions }) }];
    }
    case 'FollowUpContributionReceived': {
      const { status, response, contributionVersion } = event.data;
      return update({ status, response, recordedVersion: contributionVersion });
    }
    case 'FollowUpContributionReopened': {
      const { reason, contributionVersion } = event.data;
      return update({ status: 'requested', reason, recordedVersion: contributionVersion });
    }
    case 'FollowUpContributionWaived':
      return update({ status: 'waived', reason: event.data.reason });
    default:
      return assertNever(event);
  }
}
