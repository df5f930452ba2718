/** Given follow-up events, then exactly this state (toStrictEqual: an optional key present as
 * undefined is a difference), and which statuses count as open. */
import { foldEvents } from '../decider';
import { FollowUpStatus } from '../events';
import { assigned } from '../testing/follow-up.fixture';
import { followUpDecider } from './follow-up.decider';
import { ALL_FOLLOW_UP_STATUSES, initialFollowUpState, isOpen } from './follow-up.state';

describe('the follow-up state', () => {
  it('given no events, then an empty, frozen follow-up that does not exist', () => {
    expect(initialFollowUpState).toStrictEqual({
      exists: false,
      followUpId: '',
      workshopId: '',
      hostAgency: '',
      sourceId: '',
      sourceKind: 'action',
      assigneeAgency: '',
      title: '',
      dueAt: '',
      priority: 'normal',
      status: 'assigned',
      overdue: false,
      escalated: false,
      routingFailed: false,
      notes: 0,
    });
    expect(Object.isFrozen(initialFollowUpState)).toBe(true);
  });

  it('given an assignment without instructions, then the state has no instructions key', () => {
    const state = foldEvents(followUpDecider, [assigned()]);
    expect('instructions' in state).toBe(false);
  });
});

describe('isOpen', () => {
  const closed: FollowUpStatus[] = ['accepted', 'cancelled'];

  it.each(ALL_FOLLOW_UP_STATUSES.map((s) => [s, !closed.includes(s)] as const))(
    'given %s, then open is %s',
    (status, open) => {
      expect(isOpen(status)).toBe(open);
    },
  );

  it('lists every status once', () => {
    expect(new Set(ALL_FOLLOW_UP_STATUSES).size).toBe(10);
  });
});
