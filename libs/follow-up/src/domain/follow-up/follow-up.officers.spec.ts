/** Named officers (담당자) and delegation (대결): assign with an officer, claim, hand over,
 * reassign, and who may work a task once it has an officer. */
import { PersonInfo } from '../context';
import { foldEvents } from '../decider';
import {
  ForbiddenError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
} from '../domain.errors';
import {
  actingForKisaOfficer,
  aisiOfficer,
  as,
  kisaColleague,
  kisaOfficer,
  msitHead,
  nisOfficer,
  PEOPLE,
} from '../testing/actors.fixture';
import {
  acknowledged,
  assigned,
  claimed,
  declined,
  FOLLOW_UP_ID,
  handedOver,
  HISTORY_TO,
  reassigned,
  routed,
  started,
} from '../testing/follow-up.fixture';
import { DeciderSpecification } from '@liaison/platform/decider/testing';
import { heldWorkshop, ACTION_ID } from '../testing/workshop.fixture';
import { AssignFollowUp, FollowUpCommand } from './follow-up.commands';
import { followUpDecider } from './follow-up.decider';

const { given } = DeciderSpecification.for(followUpDecider, as(kisaOfficer));
const followUpId = FOLLOW_UP_ID;
const claim: FollowUpCommand = { kind: 'ClaimFollowUp', followUpId };
const handOver = (officerId: string, reason?: string): FollowUpCommand => ({
  kind: 'HandOverFollowUp',
  followUpId,
  officerId,
  ...(reason !== undefined && { reason }),
});
const reassign = (assigneeAgency: string, officerId?: string): FollowUpCommand => ({
  kind: 'ReassignFollowUp',
  followUpId,
  assigneeAgency,
  reason: 'Remit',
  ...(officerId !== undefined && { officerId }),
});

describe('AssignFollowUp with an officer', () => {
  const assign = (officerId?: string): AssignFollowUp => ({
    kind: 'AssignFollowUp',
    followUpId,
    workshop: heldWorkshop(),
    sourceId: ACTION_ID,
    assigneeAgency: 'KISA',
    title: 'Draft the red-teaming protocol',
    dueAt: '2025-03-20T09:00:00.000Z',
    ...(officerId !== undefined && { officerId }),
  });

  it('names an active officer of the assignee agency', () => {
    given()
      .when(assign('u-kisa-officer'), as(msitHead))
      .then([assigned({ officerId: 'u-kisa-officer' })]);
    expect(foldEvents(followUpDecider, [assigned({ officerId: 'u-kisa-officer' })]).officerId).toBe(
      'u-kisa-officer',
    );
  });

  it('leaves the task unclaimed without one', () => {
    given().when(assign(), as(msitHead)).then([assigned()]);
  });

  it.each<[string, string, string]>([
    ['an unknown person', 'u-nobody', 'u-nobody is not a person of the directory'],
    ["another agency's officer", 'u-nis-officer', 'is not an officer of KISA'],
    ['a bureau head', 'u-msit-head', 'is not an officer of KISA'],
    ['a deactivated officer', 'u-kisa-gone', 'is deactivated'],
  ])('refuses %s, naming officerId', (_who, officerId, problem) => {
    const error = given()
      .when(assign(officerId), as(msitHead))
      .thenThrows(InvalidInputError, problem);
    expect(error.field).toBe('officerId');
  });

  it('refuses an officer when the handler found nobody (no people in the context)', () => {
    const ctx = { ...as(msitHead), people: undefined };
    given().when(assign('u-kisa-officer'), ctx).thenThrows(InvalidInputError, 'officerId');
  });
});

describe('ClaimFollowUp', () => {
  it('makes the claiming officer the officer, without moving the status', () => {
    given(assigned(), routed())
      .when(claim)
      .then([claimed('u-kisa-officer')]);
    const after = foldEvents(followUpDecider, [assigned(), routed(), claimed('u-kisa-officer')]);
    expect(after.status).toBe('routed');
  });

  it('is 409 when the task is already claimed, by anyone', () => {
    const error = given(assigned(), claimed('u-kisa-colleague'))
      .when(claim)
      .thenThrows(InvalidStateError, 'Follow-up is claimed; cannot claim');
    expect(error.state).toBe('claimed');
    given(assigned({ officerId: 'u-kisa-officer' }))
      .when(claim)
      .thenThrows(InvalidStateError, 'claimed');
  });

  it("is not found by another agency's officer", () => {
    given(assigned()).when(claim, as(nisOfficer)).thenThrows(NotFoundError);
  });

  it('is forbidden to the host bureau head', () => {
    given(assigned()).when(claim, as(msitHead)).thenThrows(ForbiddenError);
  });

  it('is refused on a declined task, which waits for the host', () => {
    given(...HISTORY_TO.declined())
      .when(claim)
      .thenThrows(InvalidStateError, 'declined');
  });

  it('under a delegation, claims for the person acted for', () => {
    given(assigned())
      .when(claim, as(actingForKisaOfficer))
      .then([claimed('u-kisa-officer')]);
  });
});

describe('HandOverFollowUp', () => {
  it("passes the officer's task to a colleague of the same agency, with the reason", () => {
    given(assigned(), claimed('u-kisa-officer'))
      .when(handOver('u-kisa-colleague', 'On leave from Monday'))
      .then([handedOver('u-kisa-colleague', 'u-kisa-officer', 'On leave from Monday')]);
  });

  it('hands out an unclaimed task (any officer of the agency may)', () => {
    given(assigned())
      .when(handOver('u-kisa-officer'), as(kisaColleague))
      .then([handedOver('u-kisa-officer')]);
  });

  it("refuses another agency's officer, naming officerId", () => {
    const error = given(assigned(), claimed('u-kisa-officer'))
      .when(handOver('u-aisi-officer'))
      .thenThrows(InvalidInputError, 'u-aisi-officer is not an officer of KISA');
    expect(error.field).toBe('officerId');
  });

  it.each<[string, string, string]>([
    ['an unknown person', 'u-nobody', 'is not a person of the directory'],
    ['a deactivated colleague', 'u-kisa-gone', 'is deactivated'],
    ['the officer themselves', 'u-kisa-officer', 'is already the officer'],
    ['an empty id', ' ', 'officerId'],
  ])('refuses %s', (_who, officerId, problem) => {
    given(assigned(), claimed('u-kisa-officer'))
      .when(handOver(officerId))
      .thenThrows(InvalidInputError, problem);
  });

  it("is forbidden to a colleague: the task is the officer's", () => {
    given(assigned(), claimed('u-kisa-officer'))
      .when(handOver('u-kisa-colleague'), as(kisaColleague))
      .thenThrows(ForbiddenError, 'Only the officer of this follow-up, u-kisa-officer');
  });

  it('is allowed to a colleague acting for the officer (대결)', () => {
    given(assigned(), claimed('u-kisa-officer'))
      .when(handOver('u-kisa-colleague'), as(actingForKisaOfficer))
      .then([handedOver('u-kisa-colleague', 'u-kisa-officer')]);
  });

  it('makes the new officer the one who works the task', () => {
    const history = [
      assigned(),
      acknowledged(),
      claimed('u-kisa-officer'),
      handedOver('u-kisa-colleague', 'u-kisa-officer'),
    ];
    given(...history)
      .when({ kind: 'StartFollowUp', followUpId }, as(kisaColleague))
      .then([started()]);
    given(...history)
      .when({ kind: 'StartFollowUp', followUpId }, as(kisaOfficer))
      .thenThrows(ForbiddenError, 'u-kisa-colleague');
  });
});

describe('working a claimed task', () => {
  const claimedTask = [assigned(), routed(), claimed('u-kisa-officer')];
  const acknowledge: FollowUpCommand = { kind: 'AcknowledgeFollowUp', followUpId };

  it('is for its officer', () => {
    given(...claimedTask)
      .when(acknowledge)
      .then([acknowledged()]);
  });

  it('is forbidden to a colleague, before the state is checked', () => {
    given(...claimedTask)
      .when({ kind: 'SubmitFollowUp', followUpId, response: 'x' }, as(kisaColleague))
      .thenThrows(ForbiddenError, 'or someone acting for them');
  });

  it('is allowed to a colleague acting for the officer (대결)', () => {
    given(...claimedTask)
      .when(acknowledge, as(actingForKisaOfficer))
      .then([acknowledged()]);
  });

  it('stays open to every officer of the agency while unclaimed', () => {
    given(assigned(), routed()).when(acknowledge, as(kisaColleague)).then([acknowledged()]);
  });
});

describe('ReassignFollowUp and the officer', () => {
  const host = as(msitHead);

  it('clears the officer when it names none', () => {
    const history = [assigned({ officerId: 'u-kisa-officer' }), routed(), declined()];
    given(...history)
      .when(reassign('NIS'), host)
      .then([reassigned('NIS', 'KISA', 'Remit')]);
    const after = foldEvents(followUpDecider, [...history, reassigned('NIS', 'KISA', 'Remit')]);
    expect(after.officerId).toBeUndefined();
  });

  it("names the new agency's officer", () => {
    const withOfficer = reassigned('NIS', 'KISA', 'Remit', 'u-nis-officer');
    given(assigned(), claimed()).when(reassign('NIS', 'u-nis-officer'), host).then([withOfficer]);
    expect(foldEvents(followUpDecider, [assigned(), claimed(), withOfficer]).officerId).toBe(
      'u-nis-officer',
    );
  });

  it('names a new officer within the same agency (the former one is gone)', () => {
    given(assigned(), claimed('u-kisa-gone'))
      .when(reassign('KISA', 'u-kisa-colleague'), host)
      .then([reassigned('KISA', 'KISA', 'Remit', 'u-kisa-colleague')]);
  });

  it.each<[string, FollowUpCommand, string]>([
    ['the same agency without an officer', reassign('KISA'), 'assigneeAgency is already KISA'],
    ['the same agency and officer', reassign('KISA', 'u-kisa-officer'), 'is already the officer'],
    ['an officer of another agency', reassign('NIS', 'u-kisa-officer'), 'is not an officer of NIS'],
  ])('refuses %s', (_what, command, problem) => {
    given(assigned(), claimed('u-kisa-officer'))
      .when(command, host)
      .thenThrows(InvalidInputError, problem);
  });

  it('the former agency officer loses the task, the new one may claim it', () => {
    const history = [assigned(), claimed(), reassigned('AISI')];
    given(...history)
      .when(claim, as(kisaOfficer))
      .thenThrows(NotFoundError);
    given(...history)
      .when(claim, as(aisiOfficer))
      .then([claimed('u-aisi-officer', 'AISI')]);
  });
});

it('the people fixture has each officer the specs name', () => {
  const ids: PersonInfo['id'][] = ['u-kisa-officer', 'u-kisa-colleague', 'u-nis-officer'];
  expect(ids.every((id) => PEOPLE.has(id))).toBe(true);
});
