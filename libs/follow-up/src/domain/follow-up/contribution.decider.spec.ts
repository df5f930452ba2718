import { Actor } from '../context';
import { foldEvents } from '../decider';
import {
  ForbiddenError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
} from '../domain.errors';
import { FollowUpEvent } from '../events';
import { as, kisaOfficer, msitHead, nisOfficer, system } from '../testing/actors.fixture';
import {
  contributionAssigned,
  contributionReceived,
  contributionReopened,
  contributionRequested,
  contributionWaived,
  CONTRIBUTION_DUE_AT,
  CONTRIBUTION_ID,
} from '../testing/contribution.fixture';
import {
  acknowledged,
  assigned,
  cancelled,
  DUE_AT,
  FOLLOW_UP_ID,
  started,
  submitted,
} from '../testing/follow-up.fixture';
import { DeciderSpecification } from '@liaison/platform/decider/testing';
import { ACTION_ID, heldWorkshop } from '../testing/workshop.fixture';
import { FollowUpCommand } from './follow-up.commands';
import { followUpDecider } from './follow-up.decider';
import { canSeeFollowUp } from './follow-up.policy';

const fsiOfficer: Actor = { id: 'u-fsi-officer', role: 'agency_officer', agency: 'FSI' };
const { given } = DeciderSpecification.for(followUpDecider, as(msitHead));

const ask = (
  agency = 'FSI',
  dueAt?: string,
  contributionId = CONTRIBUTION_ID,
): FollowUpCommand => ({
  kind: 'RequestContribution',
  followUpId: FOLLOW_UP_ID,
  contributionId,
  agency,
  ...(dueAt !== undefined && { dueAt }),
  instructions: 'The financial sector part',
});
const waive = (agency = 'FSI', reason = 'Covered by KISA'): FollowUpCommand => ({
  kind: 'WaiveContribution',
  followUpId: FOLLOW_UP_ID,
  agency,
  reason,
});
const submit: FollowUpCommand = {
  kind: 'SubmitFollowUp',
  followUpId: FOLLOW_UP_ID,
  response: 'Joint answer',
};
const recordOf = (
  outcome: 'submitted' | 'accepted' | 'returned' | 'cancelled',
  contributionVersion: number,
  extra: { response?: string; reason?: string } = {},
): FollowUpCommand => ({
  kind: 'RecordContribution',
  followUpId: FOLLOW_UP_ID,
  contributionId: CONTRIBUTION_ID,
  outcome,
  contributionVersion,
  ...extra,
});
const lead = (...events: FollowUpEvent[]) => foldEvents(followUpDecider, [assigned(), ...events]);
const openIt = (...leadEvents: FollowUpEvent[]): FollowUpCommand => ({
  kind: 'OpenContribution',
  followUpId: CONTRIBUTION_ID,
  lead: lead(...leadEvents),
});
const inProgress = [acknowledged(), started()];

describe('joint tasks: asking for a contribution', () => {
  it('the host bureau head asks FSI; the due time defaults to the lead’s', () => {
    given(assigned())
      .when(ask('FSI'))
      .then([
        {
          type: 'FollowUpContributionRequested',
          data: {
            followUpId: FOLLOW_UP_ID,
            contributionId: CONTRIBUTION_ID,
            agency: 'FSI',
            dueAt: DUE_AT,
            instructions: 'The financial sector part',
          },
        },
      ]);
  });

  it('only the host bureau head asks (the lead’s officer: 403; another agency: 404)', () => {
    given(assigned()).when(ask(), as(kisaOfficer)).thenThrows(ForbiddenError, 'bureau head');
    given(assigned()).when(ask(), as(nisOfficer)).thenThrows(NotFoundError);
    given(assigned()).when(ask(), as(system)).thenThrows(ForbiddenError);
  });

  it('refuses the lead agency itself, a counterpart, an agency already asked, a late due time', () => {
    given(assigned()).when(ask('KISA')).thenThrows(InvalidInputError, 'lead agency');
    given(assigned()).when(ask('OPENAI')).thenThrows(InvalidInputError, 'counterpart');
    given(assigned(), contributionRequested())
      .when(ask('FSI', undefined, 'c-2'))
      .thenThrows(InvalidInputError, 'already asked');
    given(assigned())
      .when(ask('FSI', '2025-04-01T00:00:00.000Z'))
      .thenThrows(InvalidInputError, 'due time');
  });

  it('an agency whose contribution was waived may be asked again', () => {
    given(assigned(), contributionRequested(), contributionWaived())
      .when(ask('FSI', CONTRIBUTION_DUE_AT, 'c-2'))
      .then([expect.objectContaining({ type: 'FollowUpContributionRequested' }) as FollowUpEvent]);
  });

  it('not once the lead is submitted, and never on a contribution', () => {
    given(assigned(), ...inProgress, submitted())
      .when(ask())
      .thenThrows(InvalidStateError, 'submitted');
    given(contributionAssigned())
      .when({ ...ask('NIS'), followUpId: CONTRIBUTION_ID })
      .thenThrows(InvalidStateError, 'a contribution');
  });
});

describe('joint tasks: the lead’s submit waits for its contributions', () => {
  it('409 naming each agency still missing', () => {
    given(assigned(), contributionRequested(), contributionRequested('NIS', 'c-2'), ...inProgress)
      .when(submit, as(kisaOfficer))
      .thenThrows(InvalidStateError, 'waiting for contributions from FSI, NIS');
  });

  it('submits once each contribution is in or waived', () => {
    given(
      assigned(),
      contributionRequested(),
      contributionRequested('NIS', 'c-2'),
      ...inProgress,
      contributionReceived(5),
      contributionWaived('Not needed', 'NIS', 'c-2'),
    )
      .when(submit, as(kisaOfficer))
      .then([
        {
          type: 'FollowUpSubmitted',
          data: { followUpId: FOLLOW_UP_ID, agency: 'KISA', response: 'Joint answer' },
        },
      ]);
  });

  it('a returned contribution is missing again', () => {
    given(assigned(), contributionRequested(), ...inProgress, contributionReceived(5))
      .when(recordOf('returned', 6, { reason: 'Thin' }), as(system))
      .then([
        {
          type: 'FollowUpContributionReopened',
          data: {
            followUpId: FOLLOW_UP_ID,
            contributionId: CONTRIBUTION_ID,
            agency: 'FSI',
            reason: 'Thin',
            contributionVersion: 6,
          },
        },
      ]);
    given(
      assigned(),
      contributionRequested(),
      ...inProgress,
      contributionReceived(5),
      contributionReopened(6),
    )
      .when(submit, as(kisaOfficer))
      .thenThrows(InvalidStateError, 'FSI');
  });
});

describe('joint tasks: waiving', () => {
  it('the host bureau head waives an open contribution, with a reason', () => {
    given(assigned(), contributionRequested())
      .when(waive())
      .then([
        {
          type: 'FollowUpContributionWaived',
          data: {
            followUpId: FOLLOW_UP_ID,
            contributionId: CONTRIBUTION_ID,
            agency: 'FSI',
            reason: 'Covered by KISA',
          },
        },
      ]);
    given(assigned(), contributionRequested())
      .when(waive('FSI', ' '))
      .thenThrows(InvalidInputError, 'reason');
  });

  it('the lead’s officer may not waive (403); an agency never asked: 404; one in: 409', () => {
    given(assigned(), contributionRequested())
      .when(waive(), as(kisaOfficer))
      .thenThrows(ForbiddenError);
    given(assigned(), contributionRequested()).when(waive('NIS')).thenThrows(NotFoundError, 'NIS');
    given(assigned(), contributionRequested(), contributionReceived(5))
      .when(waive())
      .thenThrows(InvalidStateError, 'submitted');
  });
});

describe('joint tasks: the contribution process (system)', () => {
  it('opens the contribution task on FSI’s side, linked to its lead', () => {
    given().when(openIt(contributionRequested()), as(system)).then([contributionAssigned()]);
  });

  it('opens nothing twice, nothing for a waived contribution or a cancelled lead', () => {
    given(contributionAssigned())
      .when(openIt(contributionRequested()), as(system))
      .thenNothingHappens();
    given()
      .when(openIt(contributionRequested(), contributionWaived()), as(system))
      .thenNothingHappens();
    given().when(openIt(contributionRequested(), cancelled()), as(system)).thenNothingHappens();
    given().when(openIt(), as(system)).thenThrows(NotFoundError);
  });

  it('records a contribution that came in once, however often the fact is replayed', () => {
    const received = contributionReceived(5);
    given(assigned(), contributionRequested())
      .when(recordOf('submitted', 5, { response: 'FSI part attached' }), as(system))
      .then([received]);
    given(assigned(), contributionRequested(), received)
      .when(recordOf('submitted', 5, { response: 'FSI part attached' }), as(system))
      .thenNothingHappens();
  });

  it('records the acceptance with the answer it has', () => {
    given(assigned(), contributionRequested(), contributionReceived(5))
      .when(recordOf('accepted', 6), as(system))
      .then([contributionReceived(6, 'accepted')]);
  });

  it('a cancelled contribution task is waived on the lead, once', () => {
    given(assigned(), contributionRequested())
      .when(recordOf('cancelled', 4, { reason: 'Moot' }), as(system))
      .then([contributionWaived('Its task was cancelled: Moot')]);
    given(assigned(), contributionRequested(), contributionWaived())
      .when(recordOf('cancelled', 4, { reason: 'Moot' }), as(system))
      .thenNothingHappens();
  });

  it('records nothing on a closed lead; people may not send its commands', () => {
    given(assigned(), contributionRequested(), cancelled())
      .when(recordOf('submitted', 5, { response: 'x' }), as(system))
      .thenNothingHappens();
    given(assigned(), contributionRequested())
      .when(recordOf('submitted', 5, { response: 'x' }), as(msitHead))
      .thenThrows(ForbiddenError);
  });

  it('cancels an open contribution task (the lead was cancelled), never an ordinary task', () => {
    const cancelIt: FollowUpCommand = {
      kind: 'CancelContribution',
      followUpId: CONTRIBUTION_ID,
      reason: 'The lead task was cancelled',
    };
    given(contributionAssigned())
      .when(cancelIt, as(system))
      .then([
        {
          type: 'FollowUpCancelled',
          data: { followUpId: CONTRIBUTION_ID, reason: 'The lead task was cancelled' },
        },
      ]);
    given(contributionAssigned(), {
      type: 'FollowUpCancelled',
      data: { followUpId: CONTRIBUTION_ID, reason: 'x' },
    })
      .when(cancelIt, as(system))
      .thenNothingHappens();
    given(assigned({ followUpId: CONTRIBUTION_ID }))
      .when(cancelIt, as(system))
      .thenThrows(ForbiddenError);
  });

  it('a contribution is not reassigned: waived and asked of another agency instead', () => {
    given(contributionAssigned())
      .when(
        {
          kind: 'ReassignFollowUp',
          followUpId: CONTRIBUTION_ID,
          assigneeAgency: 'NIS',
          reason: 'x',
        },
        as(msitHead),
      )
      .thenThrows(InvalidStateError, 'a contribution');
  });

  it('a lead does not go to an agency asked to contribute to it, unless that was waived', () => {
    const reassign: FollowUpCommand = {
      kind: 'ReassignFollowUp',
      followUpId: FOLLOW_UP_ID,
      assigneeAgency: 'FSI',
      reason: 'FSI is better placed',
    };
    given(assigned(), contributionRequested())
      .when(reassign)
      .thenThrows(InvalidInputError, 'FSI is asked to contribute');
    given(assigned(), contributionRequested(), contributionWaived())
      .when(reassign)
      .then([
        {
          type: 'FollowUpReassigned',
          data: {
            followUpId: FOLLOW_UP_ID,
            fromAgency: 'KISA',
            assigneeAgency: 'FSI',
            reason: 'FSI is better placed',
          },
        },
      ]);
  });
});

describe('joint tasks: who sees the lead', () => {
  it('the supporting agency’s officers read the lead they contribute to; others do not', () => {
    const state = lead(contributionRequested());
    expect(canSeeFollowUp(fsiOfficer, state)).toBe(true);
    expect(canSeeFollowUp(nisOfficer, state)).toBe(false);
    expect(canSeeFollowUp(fsiOfficer, lead())).toBe(false);
  });

  it('the lead agency’s officers read each contribution to their task; others do not', () => {
    const contribution = foldEvents(followUpDecider, [contributionAssigned()]);
    expect(canSeeFollowUp(kisaOfficer, contribution)).toBe(true);
    expect(canSeeFollowUp(fsiOfficer, contribution)).toBe(true);
    expect(canSeeFollowUp(nisOfficer, contribution)).toBe(false);
    given(contributionAssigned())
      .when({ kind: 'AcknowledgeFollowUp', followUpId: CONTRIBUTION_ID }, as(kisaOfficer))
      .thenThrows(ForbiddenError, 'FSI');
  });

  it('seeing the lead does not make the supporting agency its assignee', () => {
    given(assigned(), contributionRequested(), ...inProgress)
      .when(submit, as(fsiOfficer))
      .thenThrows(ForbiddenError, 'KISA');
  });
});

describe('joint tasks: supporting agencies named with the assignment', () => {
  const assignWith = (supportingAgencies: unknown): FollowUpCommand =>
    ({
      kind: 'AssignFollowUp',
      followUpId: FOLLOW_UP_ID,
      workshop: heldWorkshop(),
      sourceId: ACTION_ID,
      assigneeAgency: 'KISA',
      title: 'Draft the red-teaming protocol',
      dueAt: DUE_AT,
      supportingAgencies,
    }) as FollowUpCommand;

  it('the assignment and each request in one decision', () => {
    given()
      .when(
        assignWith([
          {
            agency: 'FSI',
            contributionId: CONTRIBUTION_ID,
            dueAt: CONTRIBUTION_DUE_AT,
            instructions: 'The financial sector part',
          },
          { agency: 'NIS', contributionId: 'c-2' },
        ]),
      )
      .then([
        assigned(),
        contributionRequested(),
        {
          type: 'FollowUpContributionRequested',
          data: { followUpId: FOLLOW_UP_ID, contributionId: 'c-2', agency: 'NIS', dueAt: DUE_AT },
        },
      ]);
  });

  it('names the entry at fault; the same agency twice is refused; at most ten', () => {
    given()
      .when(
        assignWith([
          { agency: 'FSI', contributionId: 'c-1' },
          { agency: 'KISA', contributionId: 'c-2' },
        ]),
      )
      .thenThrows(InvalidInputError, 'supportingAgencies[1].agency KISA is the lead agency');
    given()
      .when(
        assignWith([
          { agency: 'FSI', contributionId: 'c-1' },
          { agency: 'FSI', contributionId: 'c-2' },
        ]),
      )
      .thenThrows(InvalidInputError, 'supportingAgencies[1].agency FSI was already asked');
    const many = Array.from({ length: 11 }, (_, i) => ({
      agency: 'FSI',
      contributionId: `c-${i}`,
    }));
    given().when(assignWith(many)).thenThrows(InvalidInputError, 'supportingAgencies');
  });
});
