/** foldForReading: the fold behind who may read a task, which fails closed. */
import { Classification, UNDETERMINED } from '../classification';
import { foldEvents } from '../decider';
import { FollowUpEvent } from '../events';
import { assigned, FOLLOW_UP_ID, routed, submitted } from '../testing/follow-up.fixture';
import { followUpDecider } from './follow-up.decider';
import { foldForReading } from './readable-fold';

const TOMBSTONE = { disposed: true };
const isDisposed = (data: unknown) => data === TOMBSTONE;
const restricted: Classification = { level: 'restricted', agencies: ['KISA'] };
const other = (type: string) => ({ type, data: { followUpId: FOLLOW_UP_ID } });

describe('foldForReading', () => {
  it('given a history the domain folds, then the state is the decider’s own', () => {
    const history: FollowUpEvent[] = [assigned({ classification: restricted }), routed()];
    const state = foldForReading(history, isDisposed);
    expect(state).toEqual(foldEvents(followUpDecider, history));
    expect(state.classification).toEqual(restricted);
  });

  it('given an unclassified history, then it stays public (no classification), not undetermined', () => {
    expect(foldForReading([assigned()], isDisposed).classification).toBeUndefined();
  });

  it.each(['MeetingScheduled', 'RecordDisposedFollowUp'])(
    'steps over %s (another lib’s fact), and the classification stays determined',
    (type) => {
      const state = foldForReading([assigned(), other(type), routed()], isDisposed);
      expect(state.classification).toBeUndefined();
      expect(state.status).toBe('routed');
    },
  );

  it('given a follow-up event it cannot fold, then undetermined, the rest folded as far as it goes', () => {
    const state = foldForReading([assigned(), other('FollowUpSplit'), routed()], isDisposed);
    expect(state.classification).toBe(UNDETERMINED);
    expect(state.status).toBe('routed');
  });

  it('given a disposed event, then undetermined, and its tombstone is not folded', () => {
    const state = foldForReading(
      [assigned(), routed(), { type: 'FollowUpSubmitted', data: TOMBSTONE }],
      isDisposed,
    );
    expect(state.classification).toBe(UNDETERMINED);
    expect(state.status).toBe('routed');
    expect(state.exists).toBe(true);
  });

  it('given a classification of a shape the policy cannot read, then undetermined', () => {
    const secret = { level: 'secret' } as unknown as Classification;
    const state = foldForReading([assigned({ classification: secret }), submitted()], isDisposed);
    expect(state.classification).toBe(UNDETERMINED);
    expect(state.status).toBe('submitted');
  });

  it('given nothing, then the initial state, determined', () => {
    const state = foldForReading([], isDisposed);
    expect(state.exists).toBe(false);
    expect(state.classification).toBeUndefined();
  });
});
