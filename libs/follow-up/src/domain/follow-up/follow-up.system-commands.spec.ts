/** Router, delivery and timer commands: they re-check the state and do nothing, without an
 * error, when the fact is already recorded or no longer applies (late or repeated jobs). */
import { Actor } from '../context';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../domain.errors';
import { FollowUpStatus } from '../events';
import { admin, as, auditor, kisaOfficer, msitHead, NOW, system } from '../testing/actors.fixture';
import {
  acknowledged,
  assigned,
  declined,
  delivered,
  DUE_AT,
  dueDateExtended,
  escalated,
  FOLLOW_UP_ID,
  HISTORY_TO,
  LATER_DUE_AT,
  overdue,
  reassigned,
  reminderSent,
  routed,
  routingFailed,
} from '../testing/follow-up.fixture';
import { DeciderSpecification } from '@liaison/platform/decider/testing';
import { SystemCommand } from './follow-up.commands';
import { followUpDecider } from './follow-up.decider';
import { ALL_FOLLOW_UP_STATUSES } from './follow-up.state';

const { given } = DeciderSpecification.for(followUpDecider, as(system));
const followUpId = FOLLOW_UP_ID;
const atDueTime = as(system, { now: new Date(DUE_AT) });
const afterDueTime = as(system, { now: new Date('2025-03-21T00:00:00Z') });

const route = (agency = 'KISA'): SystemCommand => ({
  kind: 'RecordRouting',
  followUpId,
  agency,
  queue: `agency-${agency}`,
});
const deliver = (agency = 'KISA', attempts = 1): SystemCommand => ({
  kind: 'RecordDelivery',
  followUpId,
  agency,
  channel: 'inbox',
  attempts,
});
const failRouting = (agency = 'KISA', reason = 'webhook answered 500'): SystemCommand => ({
  kind: 'RecordRoutingFailure',
  followUpId,
  agency,
  reason,
});
const remind = (dueAt = DUE_AT): SystemCommand => ({ kind: 'SendReminder', followUpId, dueAt });
const markOverdue = (dueAt = DUE_AT): SystemCommand => ({ kind: 'MarkOverdue', followUpId, dueAt });
const escalate = (dueAt = DUE_AT, reason = 'Overdue'): SystemCommand => ({
  kind: 'Escalate',
  followUpId,
  dueAt,
  reason,
});

const CLOSED: FollowUpStatus[] = ['accepted', 'cancelled'];

describe('who may run system commands', () => {
  const commands = [route(), deliver(), failRouting(), remind(), markOverdue(), escalate()];

  it.each<[string, Actor]>([
    ['a bureau head', msitHead],
    ['an officer', kisaOfficer],
    ['an auditor', auditor],
    ['an admin', admin],
  ])('none is allowed to %s', (_who, actor) => {
    for (const command of commands) {
      given(assigned()).when(command, as(actor)).thenThrows(ForbiddenError);
    }
  });

  it.each(commands.map((c) => [c.kind, c] as const))(
    '%s is not found for a follow-up that does not exist',
    (_kind, command) => {
      given().when(command).thenThrows(NotFoundError, followUpId);
    },
  );
});

describe('RecordRouting', () => {
  it('records the route of a new task', () => {
    given(assigned()).when(route()).then([routed()]);
  });

  it('records the route to the new assignee after a reassignment', () => {
    given(assigned(), routed(), declined(), reassigned('NIS'))
      .when(route('NIS'))
      .then([routed('NIS')]);
  });

  it.each(ALL_FOLLOW_UP_STATUSES.filter((s) => s !== 'assigned' && s !== 'reassigned'))(
    'does nothing once the task is %s',
    (status) => {
      given(...HISTORY_TO[status]())
        .when(route())
        .thenNothingHappens();
    },
  );

  it('does nothing for a former assignee', () => {
    given(assigned(), declined(), reassigned('NIS')).when(route('KISA')).thenNothingHappens();
  });

  it('refuses a blank queue', () => {
    given(assigned())
      .when({ kind: 'RecordRouting', followUpId, agency: 'KISA', queue: ' ' })
      .thenThrows(InvalidInputError, 'queue');
  });
});

describe('RecordDelivery', () => {
  it('records the delivery of a routed task', () => {
    given(assigned(), routed()).when(deliver()).then([delivered()]);
  });

  it('records a delivery that arrives after the officer acknowledged from the inbox', () => {
    given(assigned(), acknowledged()).when(deliver()).then([delivered()]);
  });

  it('does nothing when already delivered to that agency', () => {
    given(assigned(), routed(), delivered()).when(deliver()).thenNothingHappens();
  });

  it('records the delivery to the new assignee after a reassignment', () => {
    given(assigned(), routed(), delivered(), declined(), reassigned('NIS'), routed('NIS'))
      .when(deliver('NIS'))
      .then([delivered('NIS')]);
  });

  it('does nothing for a former assignee', () => {
    given(assigned(), declined(), reassigned('NIS')).when(deliver('KISA')).thenNothingHappens();
  });

  it.each(CLOSED)('does nothing once the task is %s', (status) => {
    given(...HISTORY_TO[status]())
      .when(deliver())
      .thenNothingHappens();
  });

  it('refuses a count of attempts below one', () => {
    given(assigned(), routed()).when(deliver('KISA', 0)).thenThrows(InvalidInputError, 'attempts');
  });
});

const routingEscalated = () => escalated('Routing to KISA failed: webhook answered 500');

describe('RecordRoutingFailure', () => {
  it('records the failure and escalates it to the host agency', () => {
    given(assigned(), routed()).when(failRouting()).then([routingFailed(), routingEscalated()]);
  });

  it('leaves the deadline escalation to come: the task is escalated again once overdue', () => {
    given(assigned(), routed(), routingFailed(), routingEscalated(), overdue())
      .when(escalate())
      .then([escalated()]);
  });

  it('does nothing when the failure is already recorded', () => {
    given(assigned(), routed(), routingFailed()).when(failRouting()).thenNothingHappens();
  });

  it('records a new failure after a later successful delivery', () => {
    given(assigned(), routed(), routingFailed(), delivered())
      .when(failRouting())
      .then([routingFailed(), routingEscalated()]);
  });

  it('does nothing for a former assignee', () => {
    given(assigned(), declined(), reassigned('NIS')).when(failRouting('KISA')).thenNothingHappens();
  });

  it.each(CLOSED)('does nothing once the task is %s', (status) => {
    given(...HISTORY_TO[status]())
      .when(failRouting())
      .thenNothingHappens();
  });

  it('refuses a blank reason', () => {
    given(assigned(), routed())
      .when(failRouting('KISA', ''))
      .thenThrows(InvalidInputError, 'reason');
  });
});

describe('SendReminder', () => {
  it('reminds the current assignee of the due time', () => {
    given(assigned(), routed()).when(remind()).then([reminderSent()]);
  });

  it('recognises the due time written in another zone', () => {
    given(assigned()).when(remind('2025-03-20T18:00:00+09:00')).then([reminderSent()]);
  });

  it('does nothing when the reminder for this due time was sent', () => {
    given(assigned(), reminderSent()).when(remind()).thenNothingHappens();
  });

  it('does nothing for a due time that has since been extended', () => {
    given(assigned(), dueDateExtended()).when(remind(DUE_AT)).thenNothingHappens();
  });

  it('reminds again for the extended due time', () => {
    given(assigned(), reminderSent(), dueDateExtended())
      .when(remind(LATER_DUE_AT))
      .then([reminderSent(LATER_DUE_AT)]);
  });

  it('reminds the new assignee after a reassignment', () => {
    given(assigned(), reminderSent(), declined(), reassigned('NIS'))
      .when(remind())
      .then([reminderSent(DUE_AT, 'NIS')]);
  });

  it('does nothing once the task is overdue', () => {
    given(assigned(), overdue()).when(remind()).thenNothingHappens();
  });

  it.each(CLOSED)('does nothing once the task is %s', (status) => {
    given(...HISTORY_TO[status]())
      .when(remind())
      .thenNothingHappens();
  });
});

describe('MarkOverdue', () => {
  it('marks the task overdue at its due time', () => {
    given(assigned()).when(markOverdue(), atDueTime).then([overdue()]);
  });

  it('marks the task overdue after its due time', () => {
    given(assigned(), routed()).when(markOverdue(), afterDueTime).then([overdue()]);
  });

  it('does nothing before the due time', () => {
    given(assigned())
      .when(markOverdue(), as(system, { now: NOW }))
      .thenNothingHappens();
  });

  it('does nothing when already overdue', () => {
    given(assigned(), overdue()).when(markOverdue(), afterDueTime).thenNothingHappens();
  });

  it('does nothing for a due time that has since been extended', () => {
    given(assigned(), dueDateExtended())
      .when(markOverdue(DUE_AT), afterDueTime)
      .thenNothingHappens();
  });

  it('marks the task overdue again once the extended due time passes', () => {
    given(assigned(), overdue(), dueDateExtended())
      .when(markOverdue(LATER_DUE_AT), as(system, { now: new Date(LATER_DUE_AT) }))
      .then([overdue(LATER_DUE_AT)]);
  });

  it.each(CLOSED)('does nothing once the task is %s', (status) => {
    given(...HISTORY_TO[status]())
      .when(markOverdue(), afterDueTime)
      .thenNothingHappens();
  });
});

describe('Escalate', () => {
  it('escalates an overdue task to the host agency', () => {
    given(assigned(), overdue()).when(escalate()).then([escalated()]);
  });

  it('does nothing when the task is not overdue', () => {
    given(assigned()).when(escalate()).thenNothingHappens();
  });

  it('does nothing when already escalated', () => {
    given(assigned(), overdue(), escalated()).when(escalate()).thenNothingHappens();
  });

  it('does nothing for a due time that has since been extended', () => {
    given(assigned(), overdue(), dueDateExtended()).when(escalate(DUE_AT)).thenNothingHappens();
  });

  it.each(CLOSED)('does nothing once the task is %s', (status) => {
    given(...HISTORY_TO[status](), overdue())
      .when(escalate())
      .thenNothingHappens();
  });

  it('escalates a submitted task the host has not reviewed in time', () => {
    given(...HISTORY_TO.submitted(), overdue())
      .when(escalate())
      .then([escalated()]);
  });

  it('refuses a blank reason', () => {
    given(assigned(), overdue()).when(escalate(DUE_AT, '')).thenThrows(InvalidInputError, 'reason');
  });
});
