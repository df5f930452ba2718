import { Actor, AgencyInfo } from '../context';
import { foldEvents } from '../decider';
import {
  AlreadyExistsError,
  ForbiddenError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
} from '../domain.errors';
import { FollowUpEvent, FollowUpStatus } from '../events';
import {
  admin,
  aisiOfficer,
  as,
  auditor,
  kisaOfficer,
  mofaHead,
  msitHead,
  msitOfficer,
  nisOfficer,
  system,
} from '../testing/actors.fixture';
import { deactivated, directoryWith, AGENCY_DIRECTORY } from '../testing/agencies.fixture';
import {
  accepted,
  acknowledged,
  assigned,
  cancelled,
  claimed,
  declined,
  DUE_AT,
  handedOver,
  dueDateExtended,
  FOLLOW_UP_ID,
  HISTORY_TO,
  LATER_DUE_AT,
  progressReported,
  reassigned,
  rejected,
  started,
  submitted,
} from '../testing/follow-up.fixture';
import { DeciderSpecification } from '@liaison/platform/decider/testing';
import { ACTION_ID, heldWorkshop, REQUEST_ID } from '../testing/workshop.fixture';
import { initialWorkshopState } from '../workshop/workshop.state';
import {
  AssigneeCommand,
  AssignFollowUp,
  FollowUpCommand,
  HostCommand,
} from './follow-up.commands';
import { followUpDecider } from './follow-up.decider';
import { ALL_FOLLOW_UP_STATUSES } from './follow-up.state';

const { given } = DeciderSpecification.for(followUpDecider, as(msitHead));
const followUpId = FOLLOW_UP_ID;

describe('AssignFollowUp', () => {
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

  it('assigns an agreed action, at normal priority by default', () => {
    given().when(assign()).then([assigned()]);
  });

  it('assigns an info request with its priority, instructions and dueAt in UTC', () => {
    given()
      .when(
        assign({
          sourceId: REQUEST_ID,
          assigneeAgency: 'MSIT',
          title: ' Ask OpenAI for its channels ',
          instructions: ' Use the liaison desk ',
          dueAt: '2025-03-20T18:00:00+09:00',
          priority: 'urgent',
        }),
      )
      .then([
        assigned({
          sourceId: REQUEST_ID,
          sourceKind: 'info_request',
          assigneeAgency: 'MSIT',
          title: 'Ask OpenAI for its channels',
          instructions: 'Use the liaison desk',
          priority: 'urgent',
        }),
      ]);
  });

  it.each<[string, Actor]>([
    ['agency_officer', kisaOfficer],
    ['auditor', auditor],
    ['admin', admin],
    ['system', system],
  ])('is forbidden to a %s', (_role, actor) => {
    given().when(assign(), as(actor)).thenThrows(ForbiddenError);
  });

  it('finds no workshop that was never held', () => {
    given()
      .when(assign({ workshop: initialWorkshopState }))
      .thenThrows(NotFoundError, 'Workshop');
  });

  it("does not reveal another agency's workshop to its bureau head", () => {
    given().when(assign(), as(mofaHead)).thenThrows(NotFoundError, 'Workshop w-1');
  });

  it('refuses a follow-up id already used', () => {
    given(assigned()).when(assign()).thenThrows(AlreadyExistsError, followUpId);
  });

  it.each<[string, Partial<AssignFollowUp>, string]>([
    ['a source that is not in the workshop', { sourceId: 'a-9' }, 'sourceId'],
    ['a source id that only Object.prototype has', { sourceId: 'constructor' }, 'sourceId'],
    ['an unknown assignee', { assigneeAgency: 'XYZ' }, 'assigneeAgency'],
    ['a blank title', { title: ' ' }, 'title'],
    ['blank instructions', { instructions: '' }, 'instructions'],
    ['a dueAt without a zone', { dueAt: '2025-03-20T09:00:00' }, 'dueAt'],
    ['a dueAt that is only a date', { dueAt: '2025-03-20' }, 'dueAt'],
    ['a dueAt on a day that does not exist', { dueAt: '2025-02-30T09:00:00Z' }, 'dueAt'],
    ['a dueAt in the past', { dueAt: '2025-03-01T00:00:00Z' }, 'dueAt'],
    ['a dueAt of exactly now', { dueAt: '2025-03-10T00:00:00Z' }, 'dueAt'],
    ['an unknown priority', { priority: 'critical' as AssignFollowUp['priority'] }, 'priority'],
  ])('refuses %s', (_case, overrides, field) => {
    const error = given().when(assign(overrides)).thenThrows(InvalidInputError, field);
    expect(error.field).toBe(field);
  });

  it('refuses an inactive assignee', () => {
    given()
      .when(assign(), as(msitHead, { agencies: directoryWith(deactivated('KISA')) }))
      .thenThrows(InvalidInputError, 'assigneeAgency KISA is not active');
  });

  it('refuses a counterpart and names the host as the liaison to assign instead', () => {
    const error = given()
      .when(assign({ assigneeAgency: 'OPENAI' }))
      .thenThrows(InvalidInputError, 'OPENAI is an outside counterpart');
    expect(error.message).toContain('assign its liaison agency MSIT');
  });

  it("names the counterpart's configured liaison agency", () => {
    const anthropic = {
      ...(AGENCY_DIRECTORY.get('ANTHROPIC') as AgencyInfo),
      liaisonAgency: 'MOFA',
    };
    const error = given()
      .when(
        assign({ assigneeAgency: 'ANTHROPIC' }),
        as(msitHead, { agencies: directoryWith(anthropic) }),
      )
      .thenThrows(InvalidInputError, 'assigneeAgency');
    expect(error.message).toContain('assign its liaison agency MOFA');
  });
});

// ── The people's verbs: one row per verb, the state machine generated from it ────────────────
type VerbCommand = Exclude<HostCommand | AssigneeCommand, AssignFollowUp>;
interface VerbCase {
  command: FollowUpCommand;
  actor: Actor;
  /** The other side, who can see the task but may not do this verb. */
  otherParty: Actor;
  allowedFrom: FollowUpStatus[];
  event: FollowUpEvent;
  /** The status afterwards; absent when it stays as it was. */
  becomes?: FollowUpStatus;
}
const OPEN: FollowUpStatus[] = ALL_FOLLOW_UP_STATUSES.filter(
  (s) => s !== 'accepted' && s !== 'cancelled',
);
const CLAIMABLE = OPEN.filter((s) => s !== 'declined');
const byAssignee = { actor: kisaOfficer, otherParty: msitHead };
const byHost = { actor: msitHead, otherParty: kisaOfficer };

const VERBS: Record<VerbCommand['kind'], VerbCase> = {
  AcknowledgeFollowUp: {
    ...byAssignee,
    command: { kind: 'AcknowledgeFollowUp', followUpId },
    allowedFrom: ['assigned', 'routed', 'reassigned'],
    event: acknowledged(),
    becomes: 'acknowledged',
  },
  StartFollowUp: {
    ...byAssignee,
    command: { kind: 'StartFollowUp', followUpId },
    allowedFrom: ['acknowledged', 'rejected'],
    event: started(),
    becomes: 'in_progress',
  },
  ReportProgress: {
    ...byAssignee,
    command: { kind: 'ReportProgress', followUpId, note: ' Draft 2 out ' },
    allowedFrom: ['in_progress'],
    event: progressReported('Draft 2 out'),
    becomes: 'in_progress',
  },
  SubmitFollowUp: {
    ...byAssignee,
    command: { kind: 'SubmitFollowUp', followUpId, response: 'Protocol attached' },
    allowedFrom: ['in_progress'],
    event: submitted('Protocol attached'),
    becomes: 'submitted',
  },
  DeclineFollowUp: {
    ...byAssignee,
    command: { kind: 'DeclineFollowUp', followUpId, reason: 'Not our remit' },
    allowedFrom: ['assigned', 'routed', 'reassigned', 'acknowledged', 'in_progress'],
    event: declined('KISA', 'Not our remit'),
    becomes: 'declined',
  },
  ClaimFollowUp: {
    ...byAssignee,
    command: { kind: 'ClaimFollowUp', followUpId },
    allowedFrom: CLAIMABLE,
    event: claimed(),
  },
  HandOverFollowUp: {
    ...byAssignee,
    command: {
      kind: 'HandOverFollowUp',
      followUpId,
      officerId: 'u-kisa-colleague',
      reason: ' Leave ',
    },
    allowedFrom: CLAIMABLE,
    event: handedOver('u-kisa-colleague', undefined, 'Leave'),
  },
  AcceptFollowUp: {
    ...byHost,
    command: { kind: 'AcceptFollowUp', followUpId },
    allowedFrom: ['submitted'],
    event: accepted(),
    becomes: 'accepted',
  },
  RejectFollowUp: {
    ...byHost,
    command: { kind: 'RejectFollowUp', followUpId, reason: 'Missing the scope' },
    allowedFrom: ['submitted'],
    event: rejected('Missing the scope'),
    becomes: 'rejected',
  },
  ReassignFollowUp: {
    ...byHost,
    command: { kind: 'ReassignFollowUp', followUpId, assigneeAgency: 'NIS', reason: 'Remit' },
    allowedFrom: ['declined', 'assigned', 'routed', 'reassigned', 'acknowledged', 'in_progress'],
    event: reassigned('NIS', 'KISA', 'Remit'),
    becomes: 'reassigned',
  },
  ExtendDueDate: {
    ...byHost,
    command: { kind: 'ExtendDueDate', followUpId, dueAt: LATER_DUE_AT, reason: 'Waiting' },
    allowedFrom: OPEN,
    event: dueDateExtended(LATER_DUE_AT, DUE_AT, 'Waiting'),
  },
  CancelFollowUp: {
    ...byHost,
    command: { kind: 'CancelFollowUp', followUpId, reason: 'Superseded' },
    allowedFrom: OPEN,
    event: cancelled('Superseded'),
    becomes: 'cancelled',
  },
};

describe.each(Object.entries(VERBS))('%s', (_kind, verb) => {
  const { command, actor, otherParty, allowedFrom, event, becomes } = verb;
  const refusedFrom = ALL_FOLLOW_UP_STATUSES.filter((s) => !allowedFrom.includes(s));

  it.each(allowedFrom)('is recorded from %s', (status) => {
    const history = HISTORY_TO[status]();
    given(...history)
      .when(command, as(actor))
      .then([event]);
    expect(foldEvents(followUpDecider, [...history, event]).status).toBe(becomes ?? status);
  });

  it.each(refusedFrom)('is refused from %s, naming the state', (status) => {
    const error = given(...HISTORY_TO[status]())
      .when(command, as(actor))
      .thenThrows(InvalidStateError, `Follow-up is ${status}; cannot`);
    expect(error.state).toBe(status);
  });

  // Who may do it, checked in order: role gate, visibility, party, then state.
  const [from] = allowedFrom;

  it.each<[string, Actor]>([
    ['an auditor', auditor],
    ['an admin', admin],
    ['the system', system],
  ])('is forbidden to %s, whatever the task', (_who, who) => {
    given(...HISTORY_TO[from]())
      .when(command, as(who))
      .thenThrows(ForbiddenError);
    given().when(command, as(who)).thenThrows(ForbiddenError);
  });

  it('is not found when the follow-up does not exist', () => {
    given().when(command, as(actor)).thenThrows(NotFoundError, followUpId);
  });

  it('is not found when the command names another follow-up', () => {
    given(...HISTORY_TO[from]())
      .when({ ...command, followUpId: 'f-2' }, as(actor))
      .thenThrows(NotFoundError, 'f-2');
  });

  it.each<[string, Actor]>([
    ["another agency's bureau head", mofaHead],
    ["another agency's officer", nisOfficer],
    ["the host agency's officer", msitOfficer],
  ])('is not found by %s, even from a state that would refuse it', (_who, who) => {
    given(...HISTORY_TO[from]())
      .when(command, as(who))
      .thenThrows(NotFoundError);
    given(...HISTORY_TO.cancelled())
      .when(command, as(who))
      .thenThrows(NotFoundError);
  });

  it('is not found by the former assignee once reassigned', () => {
    given(...HISTORY_TO.reassigned())
      .when(command, as(aisiOfficer))
      .thenThrows(NotFoundError);
  });

  it('is forbidden to the other side, before the state is checked', () => {
    given(...HISTORY_TO[from]())
      .when(command, as(otherParty))
      .thenThrows(ForbiddenError, 'Only');
    given(...HISTORY_TO.cancelled())
      .when(command, as(otherParty))
      .thenThrows(ForbiddenError, 'Only');
  });
});

describe('inputs of the verbs', () => {
  const assignee = as(kisaOfficer);
  const inProgress = HISTORY_TO.in_progress;

  it.each<[string, FollowUpEvent[], FollowUpCommand, string]>([
    ['a blank note', inProgress(), { kind: 'ReportProgress', followUpId, note: ' ' }, 'note'],
    [
      'a blank response',
      inProgress(),
      { kind: 'SubmitFollowUp', followUpId, response: '' },
      'response',
    ],
    [
      'a blank decline reason',
      inProgress(),
      { kind: 'DeclineFollowUp', followUpId, reason: '' },
      'reason',
    ],
  ])("refuses the assignee's %s", (_case, history, command, field) => {
    const error = given(...history)
      .when(command, assignee)
      .thenThrows(InvalidInputError, field);
    expect(error.field).toBe(field);
  });

  const submittedTask = HISTORY_TO.submitted;
  it.each<[string, FollowUpEvent[], FollowUpCommand, string]>([
    [
      'a blank reject reason',
      submittedTask(),
      { kind: 'RejectFollowUp', followUpId, reason: ' ' },
      'reason',
    ],
    [
      'a blank cancel reason',
      inProgress(),
      { kind: 'CancelFollowUp', followUpId, reason: '' },
      'reason',
    ],
    [
      'a blank reassign reason',
      inProgress(),
      { kind: 'ReassignFollowUp', followUpId, assigneeAgency: 'NIS', reason: '' },
      'reason',
    ],
    [
      'a reassignment to the current assignee',
      inProgress(),
      { kind: 'ReassignFollowUp', followUpId, assigneeAgency: 'KISA', reason: 'x' },
      'assigneeAgency',
    ],
    [
      'a reassignment to an unknown agency',
      inProgress(),
      { kind: 'ReassignFollowUp', followUpId, assigneeAgency: 'XYZ', reason: 'x' },
      'assigneeAgency',
    ],
    [
      'a blank extension reason',
      inProgress(),
      { kind: 'ExtendDueDate', followUpId, dueAt: LATER_DUE_AT, reason: '' },
      'reason',
    ],
    [
      'an extension to a malformed dueAt',
      inProgress(),
      { kind: 'ExtendDueDate', followUpId, dueAt: 'next week', reason: 'x' },
      'dueAt',
    ],
    [
      'an extension to the same dueAt',
      inProgress(),
      { kind: 'ExtendDueDate', followUpId, dueAt: '2025-03-20T18:00:00+09:00', reason: 'x' },
      'dueAt',
    ],
    [
      'an extension to an earlier dueAt',
      inProgress(),
      { kind: 'ExtendDueDate', followUpId, dueAt: '2025-03-15T00:00:00Z', reason: 'x' },
      'dueAt',
    ],
    [
      'an extension still in the past',
      [assigned({ dueAt: '2025-03-01T00:00:00.000Z' })],
      { kind: 'ExtendDueDate', followUpId, dueAt: '2025-03-05T00:00:00Z', reason: 'x' },
      'dueAt',
    ],
  ])("refuses the host's %s", (_case, history, command, field) => {
    const error = given(...history)
      .when(command)
      .thenThrows(InvalidInputError, field);
    expect(error.field).toBe(field);
  });

  it('checks the state before the inputs', () => {
    given(...HISTORY_TO.routed())
      .when({ kind: 'RejectFollowUp', followUpId, reason: '' })
      .thenThrows(InvalidStateError, 'Follow-up is routed; cannot reject');
  });

  it('stores an extended dueAt in UTC', () => {
    given(assigned())
      .when({ kind: 'ExtendDueDate', followUpId, dueAt: '2025-03-31T18:00:00+09:00', reason: 'x' })
      .then([dueDateExtended(LATER_DUE_AT, DUE_AT, 'x')]);
  });

  it('extends an overdue task to a time after now', () => {
    given(assigned({ dueAt: '2025-03-01T00:00:00.000Z' }))
      .when({ kind: 'ExtendDueDate', followUpId, dueAt: '2025-03-12T00:00:00Z', reason: 'x' })
      .then([dueDateExtended('2025-03-12T00:00:00.000Z', '2025-03-01T00:00:00.000Z', 'x')]);
  });

  it('refuses to reassign to a counterpart, naming its liaison agency', () => {
    const error = given(assigned())
      .when({ kind: 'ReassignFollowUp', followUpId, assigneeAgency: 'OPENAI', reason: 'x' })
      .thenThrows(InvalidInputError, 'OPENAI is an outside counterpart');
    expect(error.message).toContain('assign its liaison agency MSIT');
  });

  it('refuses to reassign to an inactive agency', () => {
    given(assigned())
      .when(
        { kind: 'ReassignFollowUp', followUpId, assigneeAgency: 'NIS', reason: 'x' },
        as(msitHead, { agencies: directoryWith(deactivated('NIS')) }),
      )
      .thenThrows(InvalidInputError, 'assigneeAgency NIS is not active');
  });

  it('lets the new assignee work the task after a reassignment', () => {
    given(assigned(), declined(), reassigned('NIS'))
      .when({ kind: 'AcknowledgeFollowUp', followUpId }, as(nisOfficer))
      .then([acknowledged('NIS')]);
  });
});
