/**
 * Separation of duties, and commands that name another follow-up. A host bureau head may assign
 * a task to its own agency, but the one who assigns and accepts must not also do the work: the
 * assignee's verbs belong to the agency's officers alone, and the host's verbs to the host's
 * bureau heads alone, even when both sides are the same agency.
 */
import { Actor } from '../context';
import { ForbiddenError, NotFoundError } from '../domain.errors';
import { as, auditor, msitHead, msitOfficer, system } from '../testing/actors.fixture';
import {
  acknowledged,
  assigned,
  DUE_AT,
  FOLLOW_UP_ID,
  routed,
  started,
  submitted,
} from '../testing/follow-up.fixture';
import { DeciderSpecification } from '@liaison/platform/decider/testing';
import { heldWorkshop, ACTION_ID } from '../testing/workshop.fixture';
import { AssigneeCommand, FollowUpCommand, HostCommand, SystemCommand } from './follow-up.commands';
import { followUpDecider } from './follow-up.decider';

const { given } = DeciderSpecification.for(followUpDecider, as(msitHead));
const followUpId = FOLLOW_UP_ID;

/** MSIT's own task, given to MSIT, at each step of its work. */
const toMsit = () => assigned({ assigneeAgency: 'MSIT' });
const assigneeSteps: [AssigneeCommand, ReturnType<typeof assigned>[]][] = [
  [{ kind: 'AcknowledgeFollowUp', followUpId }, [toMsit(), routed('MSIT')]],
  [{ kind: 'StartFollowUp', followUpId }, [toMsit(), routed('MSIT'), acknowledged('MSIT')]],
  [
    { kind: 'ReportProgress', followUpId, note: 'Halfway' },
    [toMsit(), routed('MSIT'), acknowledged('MSIT'), started('MSIT')],
  ],
  [
    { kind: 'SubmitFollowUp', followUpId, response: 'Done' },
    [toMsit(), routed('MSIT'), acknowledged('MSIT'), started('MSIT')],
  ],
  [{ kind: 'DeclineFollowUp', followUpId, reason: 'Not ours' }, [toMsit(), routed('MSIT')]],
];

describe('separation of duties: a host bureau head assigning to its own agency', () => {
  it('given the workshop of MSIT, when its bureau head assigns to MSIT, then the task is assigned', () => {
    given()
      .when({
        kind: 'AssignFollowUp',
        followUpId,
        workshop: heldWorkshop(),
        sourceId: ACTION_ID,
        assigneeAgency: 'MSIT',
        title: 'Draft the red-teaming protocol',
        dueAt: DUE_AT,
      })
      .then([assigned({ assigneeAgency: 'MSIT' })]);
  });

  it.each(assigneeSteps)(
    "given the task is MSIT's own, when the bureau head tries %p, then Forbidden: only officers work it",
    (command, history) => {
      given(...history)
        .when(command, as(msitHead))
        .thenThrows(ForbiddenError, 'Only an officer of MSIT');
    },
  );

  it.each(assigneeSteps)(
    "given the task is MSIT's own, when an MSIT officer does %p, then it is done",
    (command, history) => {
      expect(() =>
        followUpDecider.decide(command, foldHistory(history), as(msitOfficer)),
      ).not.toThrow();
    },
  );

  it.each<[HostCommand, ReturnType<typeof assigned>[]]>([
    [
      { kind: 'AcceptFollowUp', followUpId },
      [toMsit(), routed('MSIT'), acknowledged('MSIT'), started('MSIT'), submitted()],
    ],
    [
      { kind: 'RejectFollowUp', followUpId, reason: 'No' },
      [toMsit(), routed('MSIT'), acknowledged('MSIT'), started('MSIT'), submitted()],
    ],
    [{ kind: 'CancelFollowUp', followUpId, reason: 'No' }, [toMsit()]],
  ])(
    "given the task is MSIT's own, when an MSIT officer tries the host's %p, then Forbidden",
    (command, history) => {
      given(...history)
        .when(command, as(msitOfficer))
        .thenThrows(ForbiddenError, 'Only a bureau head of MSIT');
    },
  );
});

describe('a command naming another follow-up', () => {
  const systemCommands: SystemCommand[] = [
    { kind: 'RecordRouting', followUpId: 'f-2', agency: 'KISA', queue: 'agency-KISA' },
    { kind: 'RecordDelivery', followUpId: 'f-2', agency: 'KISA', channel: 'inbox', attempts: 1 },
    { kind: 'RecordRoutingFailure', followUpId: 'f-2', agency: 'KISA', reason: 'down' },
    { kind: 'SendReminder', followUpId: 'f-2', dueAt: DUE_AT },
    { kind: 'MarkOverdue', followUpId: 'f-2', dueAt: DUE_AT },
    { kind: 'Escalate', followUpId: 'f-2', dueAt: DUE_AT, reason: 'Overdue' },
  ];

  it.each(systemCommands)(
    'given follow-up f-1, when the system sends %p for f-2, then NotFound naming f-2',
    (command) => {
      given(assigned()).when(command, as(system)).thenThrows(NotFoundError, 'f-2');
    },
  );

  it.each(systemCommands)(
    'given no follow-up at all, when the system sends %p, then NotFound',
    (command) => {
      given()
        .when({ ...command, followUpId }, as(system))
        .thenThrows(NotFoundError, followUpId);
    },
  );

  it.each<[Actor, FollowUpCommand]>([
    [msitHead, { kind: 'CancelFollowUp', followUpId: 'f-2', reason: 'No' }],
    [auditor, { kind: 'RecordRouting', followUpId, agency: 'KISA', queue: 'agency-KISA' }],
  ])('given %p, the order of checks holds: role before visibility', (actor, command) => {
    const error = given(assigned()).when(command, as(actor));
    if (actor.role === 'auditor') error.thenThrows(ForbiddenError, 'Only the system');
    else error.thenThrows(NotFoundError, 'f-2');
  });
});

function foldHistory(events: ReturnType<typeof assigned>[]) {
  return events.reduce(followUpDecider.evolve, followUpDecider.initialState);
}
