import { tombstoneData } from '@liaison/audit';
import { UNDETERMINED } from '@liaison/follow-up';
import { foldTask, personMaySee } from './visibility';

const assigned = (extra: Record<string, unknown> = {}) => ({
  type: 'FollowUpAssigned',
  data: {
    followUpId: 'f1',
    workshopId: 'w1',
    hostAgency: 'MSIT',
    sourceId: 's1',
    sourceKind: 'action',
    assigneeAgency: 'KISA',
    title: 'Set up a channel',
    dueAt: '2026-12-01T09:00:00Z',
    priority: 'normal',
    ...extra,
  },
});
const officer = { id: 'kim', agency: 'KISA', roles: ['agency_officer'], active: true };
const hostHead = { id: 'lee', agency: 'MSIT', roles: ['bureau_head'], active: true };

/**
 * Notifications fold a task from its stream to ask who may be told: where its classification
 * cannot be determined the fold fails closed (UNDETERMINED: the host's bureau heads and
 * auditors only, and the e-mail withholds the title), never open as public.
 */
describe('foldTask: the classification fails closed', () => {
  it('a readable stream folds as it is (public, the assignee’s officer is told)', () => {
    const task = foldTask([assigned(), { type: 'SomeOtherLibsFact', data: {} }]);
    expect(task.classification).toBeUndefined();
    expect(personMaySee(officer, task)).toBe(true);
  });

  it.each([
    [
      'a classification change of a shape the policy cannot read',
      [assigned(), { type: 'FollowUpClassificationChanged', data: { classification: 'secret' } }],
    ],
    [
      'a classification level it does not know',
      [assigned({ classification: { level: 'top-secret', people: ['kim'] } })],
    ],
    [
      'a disposed (tombstoned) event in the stream',
      [
        assigned(),
        {
          type: 'FollowUpClassificationChanged',
          data: tombstoneData('follow-up-f1', 'd1'),
        },
      ],
    ],
    ['a known event that does not fold', [assigned(), { type: 'FollowUpReassigned', data: null }]],
  ])('%s: UNDETERMINED, the officer is not told, the host head is', (_, events) => {
    const task = foldTask(events);
    expect(task.classification).toEqual(UNDETERMINED);
    expect(personMaySee(officer, task)).toBe(false);
    expect(personMaySee(hostHead, task)).toBe(true);
  });
});
