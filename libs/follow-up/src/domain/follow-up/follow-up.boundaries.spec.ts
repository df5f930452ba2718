/** What a refusal says, and the edges of each rule: the text of a 403 or 422 is the caller's
 * only clue, and a boundary moved by one (a due time equal to the current one, attempts of
 * 1.5) would otherwise pass unnoticed. */
import { Actor } from '../context';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../domain.errors';
import { admin, as, auditor, kisaOfficer, msitHead, system } from '../testing/actors.fixture';
import {
  assigned,
  DUE_AT,
  FOLLOW_UP_ID,
  HISTORY_TO,
  routed,
  routingFailed,
} from '../testing/follow-up.fixture';
import { DeciderSpecification } from '@liaison/platform/decider/testing';
import { ACTION_ID, heldWorkshop } from '../testing/workshop.fixture';
import { initialWorkshopState } from '../workshop/workshop.state';
import { workshopDecider } from '../workshop/workshop.decider';
import { AssignFollowUp, FollowUpCommand } from './follow-up.commands';
import { followUpDecider } from './follow-up.decider';

const { given } = DeciderSpecification.for(followUpDecider, as(msitHead));
const followUpId = FOLLOW_UP_ID;

const assign = (overrides: Partial<AssignFollowUp> = {}): AssignFollowUp => ({
  kind: 'AssignFollowUp',
  followUpId,
  workshop: heldWorkshop(),
  sourceId: ACTION_ID,
  assigneeAgency: 'KISA',
  title: 'Draft the red-teaming protocol',
  dueAt: DUE_AT,
  ...overrides,
});

describe('what a refusal says', () => {
  it('given an officer, when assigning, then Forbidden says only a bureau head may assign', () => {
    given()
      .when(assign(), as(kisaOfficer))
      .thenThrows(ForbiddenError, 'Only a bureau head may assign follow-ups');
  });

  it('given a workshop never held, when assigning, then NotFound names no id', () => {
    const error = given()
      .when(assign({ workshop: initialWorkshopState }))
      .thenThrows(NotFoundError);
    expect(error.message).toBe('Workshop not found');
    expect(error.id).toBeUndefined();
  });

  it.each<[Actor, FollowUpCommand, string]>([
    [
      auditor,
      { kind: 'AcknowledgeFollowUp', followUpId },
      'Role auditor may not acknowledge a follow-up',
    ],
    [admin, { kind: 'StartFollowUp', followUpId }, 'Role admin may not start a follow-up'],
    [
      system,
      { kind: 'ReportProgress', followUpId, note: 'x' },
      'Role system may not report progress a follow-up',
    ],
    [
      auditor,
      { kind: 'SubmitFollowUp', followUpId, response: 'x' },
      'Role auditor may not submit a follow-up',
    ],
    [
      auditor,
      { kind: 'DeclineFollowUp', followUpId, reason: 'x' },
      'Role auditor may not decline a follow-up',
    ],
    [auditor, { kind: 'AcceptFollowUp', followUpId }, 'Role auditor may not accept a follow-up'],
    [
      auditor,
      { kind: 'RejectFollowUp', followUpId, reason: 'x' },
      'Role auditor may not reject a follow-up',
    ],
    [
      auditor,
      { kind: 'ReassignFollowUp', followUpId, assigneeAgency: 'NIS', reason: 'x' },
      'Role auditor may not reassign a follow-up',
    ],
    [
      auditor,
      { kind: 'ExtendDueDate', followUpId, dueAt: DUE_AT, reason: 'x' },
      'Role auditor may not extend the due date a follow-up',
    ],
    [
      auditor,
      { kind: 'CancelFollowUp', followUpId, reason: 'x' },
      'Role auditor may not cancel a follow-up',
    ],
  ])(
    'given %p, when it tries a verb, then Forbidden names the role and the verb',
    (actor, command, message) => {
      const error = given(assigned()).when(command, as(actor)).thenThrows(ForbiddenError);
      expect(error.message).toBe(message);
    },
  );

  it.each<[string, FollowUpCommand, string]>([
    [
      'the assignee',
      { kind: 'AcceptFollowUp', followUpId },
      'Only a bureau head of MSIT may accept this follow-up',
    ],
    [
      'the host',
      { kind: 'StartFollowUp', followUpId },
      'Only an officer of KISA may start this follow-up',
    ],
  ])(
    'given %s side acting for the other, then Forbidden names the side',
    (who, command, message) => {
      const actor = who === 'the assignee' ? kisaOfficer : msitHead;
      const error = given(...HISTORY_TO.submitted())
        .when(command, as(actor))
        .thenThrows(ForbiddenError);
      expect(error.message).toBe(message);
    },
  );

  it('given a person, when sending a system command, then Forbidden says only the system may', () => {
    given(assigned())
      .when({ kind: 'MarkOverdue', followUpId, dueAt: DUE_AT }, as(msitHead))
      .thenThrows(ForbiddenError, 'Only the system records routing, delivery and timers');
  });

  it('given a counterpart, when assigning to it, then the refusal names its liaison agency', () => {
    const error = given()
      .when(assign({ assigneeAgency: 'OPENAI' }))
      .thenThrows(InvalidInputError);
    expect(error.message).toBe(
      'assigneeAgency OPENAI is an outside counterpart and cannot work follow-ups; assign its liaison agency MSIT',
    );
  });

  it('given a source in no list, then the refusal names the source and the workshop', () => {
    const error = given()
      .when(assign({ sourceId: 'a-9' }))
      .thenThrows(InvalidInputError);
    expect(error.message).toBe('sourceId a-9 is not an action or info request of workshop w-1');
  });

  it('given an unknown priority, then the refusal lists the priorities', () => {
    const error = given()
      .when(assign({ priority: 'critical' as AssignFollowUp['priority'] }))
      .thenThrows(InvalidInputError);
    expect(error.message).toBe('priority must be one of low, normal, high, urgent');
  });

  it.each(['low', 'normal', 'high', 'urgent'] as const)(
    'given priority %s, then it is accepted',
    (priority) => {
      given()
        .when(assign({ priority }))
        .then([assigned({ priority })]);
    },
  );

  it('given a dueAt of now, then the refusal says it must be after now', () => {
    const error = given()
      .when(assign({ dueAt: '2025-03-10T00:00:00Z' }))
      .thenThrows(InvalidInputError);
    expect(error.message).toBe('dueAt must be after now (2025-03-10T00:00:00.000Z)');
  });

  it('given a dueAt a millisecond after now, then it is accepted', () => {
    given()
      .when(assign({ dueAt: '2025-03-10T00:00:00.001Z' }))
      .then([assigned({ dueAt: '2025-03-10T00:00:00.001Z' })]);
  });
});

describe('the edges of the rules', () => {
  it('given the current due time, when extending to the same instant in another zone, then refused', () => {
    const error = given(assigned())
      .when({ kind: 'ExtendDueDate', followUpId, dueAt: '2025-03-20T18:00:00+09:00', reason: 'x' })
      .thenThrows(InvalidInputError);
    expect(error.message).toBe(`dueAt must be later than the current due time ${DUE_AT}`);
  });

  it('given a reassignment to the current assignee, then refused naming it', () => {
    const error = given(assigned())
      .when({ kind: 'ReassignFollowUp', followUpId, assigneeAgency: 'KISA', reason: 'x' })
      .thenThrows(InvalidInputError);
    expect(error.message).toBe('assigneeAgency is already KISA');
  });

  it.each([0, -1, 1.5, Number.NaN])(
    'given %p delivery attempts, then refused: a whole number of at least 1',
    (attempts) => {
      const error = given(assigned(), routed())
        .when(
          { kind: 'RecordDelivery', followUpId, agency: 'KISA', channel: 'inbox', attempts },
          as(system),
        )
        .thenThrows(InvalidInputError);
      expect(error.message).toBe('attempts must be a whole number of at least 1');
    },
  );

  it('given a routing failure, then the escalation says where and why', () => {
    given(assigned(), routed())
      .when(
        {
          kind: 'RecordRoutingFailure',
          followUpId,
          agency: 'KISA',
          reason: 'webhook answered 500',
        },
        as(system),
      )
      .then([
        routingFailed(),
        {
          type: 'FollowUpEscalated',
          data: {
            followUpId,
            toAgency: 'MSIT',
            reason: 'Routing to KISA failed: webhook answered 500',
          },
        },
      ]);
  });

  it('given a timer whose dueAt is not a time, then it is stale, not an error', () => {
    given(assigned())
      .when({ kind: 'SendReminder', followUpId, dueAt: 'not a time' }, as(system))
      .thenNothingHappens();
  });
});

describe('workshop refusals', () => {
  const { given: givenWorkshop } = DeciderSpecification.for(workshopDecider, as(msitHead));

  it('given an officer, when recording a workshop, then Forbidden says only bureau heads record', () => {
    givenWorkshop()
      .when(
        {
          kind: 'HoldWorkshop',
          workshopId: 'w-1',
          title: 't',
          heldOn: '2025-03-04',
          hostAgency: 'MSIT',
          counterparts: [],
          attendingAgencies: [],
          topics: [],
        },
        as(kisaOfficer),
      )
      .thenThrows(ForbiddenError, 'Only a bureau head may record workshops, actions and requests');
  });
});
