import { evolveFollowUp, FollowUpAssigned, initialFollowUpState } from '@liaison/follow-up';
import { parsePayload } from '../queues/job-payloads';
import { taskSnapshot } from './task-snapshot';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const assigned = (changes: Partial<FollowUpAssigned> = {}) =>
  evolveFollowUp(initialFollowUpState, {
    type: 'FollowUpAssigned',
    data: {
      followUpId: id(1),
      workshopId: id(2),
      hostAgency: 'MSIT',
      sourceId: id(3),
      sourceKind: 'action',
      assigneeAgency: 'KISA',
      title: 'Set up a working-level channel',
      dueAt: '2026-03-20T09:00:00.000Z',
      priority: 'normal',
      ...changes,
    },
  });

describe('taskSnapshot', () => {
  it('names the officer (담당자) the task was assigned to, in a payload the worker accepts', () => {
    const task = taskSnapshot(assigned({ officerId: id(9) }));
    expect(task.officerId).toBe(id(9));
    const payload = { eventId: id(4), agency: 'KISA', correlationId: 'c', task };
    expect(parsePayload('deliver-task', payload)).toEqual(payload);
  });

  it('has no officer key for an unclaimed task (payloads as before officers existed)', () => {
    expect(taskSnapshot(assigned())).not.toHaveProperty('officerId');
  });
});
