import { foldEvents, followUpDecider, FollowUpEvent } from '@liaison/follow-up';
import { planDeadlines } from './deadline-plan';

const followUpId = '6f1c1a52-4a8e-4e0e-9d0b-0a3e5d7f0c11';
const DUE = '2026-03-20T09:00:00.000Z';
const HOUR = 3_600_000;
const settings = { reminderLeadMs: 24 * HOUR, escalationGraceMs: 2 * HOUR };

const assigned: FollowUpEvent = {
  type: 'FollowUpAssigned',
  data: {
    followUpId,
    workshopId: '6f1c1a52-4a8e-4e0e-9d0b-0a3e5d7f0c12',
    hostAgency: 'MSIT',
    sourceId: '6f1c1a52-4a8e-4e0e-9d0b-0a3e5d7f0c13',
    sourceKind: 'action',
    assigneeAgency: 'KISA',
    title: 'Draft',
    dueAt: DUE,
    priority: 'normal',
  },
};
const state = (...events: FollowUpEvent[]) => foldEvents(followUpDecider, [assigned, ...events]);
const plan = (...events: FollowUpEvent[]) =>
  planDeadlines(state(...events), settings, 'corr-1').map((j) => ({
    name: j.name,
    id: j.id,
    at: j.runAt.toISOString(),
  }));

describe('planDeadlines', () => {
  it('plans a reminder before, overdue at and escalation after the due time', () => {
    const epoch = Date.parse(DUE);
    expect(plan()).toEqual([
      {
        name: 'send-reminder',
        id: `reminder-${followUpId}-KISA-${epoch}`,
        at: '2026-03-19T09:00:00.000Z',
      },
      { name: 'mark-overdue', id: `overdue-${followUpId}-${epoch}`, at: DUE },
      {
        name: 'escalate-overdue',
        id: `escalate-${followUpId}-${epoch}`,
        at: '2026-03-20T11:00:00.000Z',
      },
    ]);
  });

  it('plans nothing for a closed task', () => {
    expect(plan({ type: 'FollowUpCancelled', data: { followUpId, reason: 'moot' } })).toEqual([]);
  });

  it('gives an extended due time timers of its own', () => {
    const later = '2026-04-01T09:00:00.000Z';
    const ids = plan({
      type: 'FollowUpDueDateExtended',
      data: { followUpId, previousDueAt: DUE, dueAt: later, reason: 'waiting' },
    }).map((j) => j.id);
    expect(ids).toEqual([
      `reminder-${followUpId}-KISA-${Date.parse(later)}`,
      `overdue-${followUpId}-${Date.parse(later)}`,
      `escalate-${followUpId}-${Date.parse(later)}`,
    ]);
  });

  it('gives a new assignee a reminder of its own', () => {
    const ids = plan({
      type: 'FollowUpReassigned',
      data: { followUpId, fromAgency: 'KISA', assigneeAgency: 'NIS', reason: 'better placed' },
    }).map((j) => j.id);
    expect(ids[0]).toBe(`reminder-${followUpId}-NIS-${Date.parse(DUE)}`);
  });

  it('plans only the escalation once the task is overdue', () => {
    const names = plan({
      type: 'FollowUpOverdue',
      data: { followUpId, agency: 'KISA', dueAt: DUE },
    }).map((j) => j.name);
    expect(names).toEqual(['escalate-overdue']);
  });
});
