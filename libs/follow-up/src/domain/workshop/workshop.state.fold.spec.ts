/** Given workshop events, then the state they fold to: exactly, with no key that was not
 * recorded (toStrictEqual, so an optional field present as undefined is a difference). */
import { foldEvents } from '../decider';
import { WorkshopEvent } from '../events';
import { actionAgreed, infoRequested, workshopHeld } from '../testing/workshop.fixture';
import { workshopDecider } from './workshop.decider';
import { evolveWorkshop, hasAction, hasRequest, initialWorkshopState } from './workshop.state';

const given = (...events: WorkshopEvent[]) => foldEvents(workshopDecider, events);

describe('the workshop state', () => {
  it('given no events, then an empty, frozen workshop that does not exist', () => {
    expect(initialWorkshopState).toStrictEqual({
      exists: false,
      workshopId: '',
      title: '',
      heldOn: '',
      hostAgency: '',
      counterparts: [],
      attendingAgencies: [],
      topics: [],
      actions: {},
      requests: {},
    });
    expect(Object.isFrozen(initialWorkshopState)).toBe(true);
  });

  it('given a workshop held without a summary, then the state has no summary key', () => {
    const state = given(workshopHeld());
    expect(state).toStrictEqual({
      exists: true,
      workshopId: 'w-1',
      title: 'AI security with OpenAI',
      heldOn: '2025-03-04',
      hostAgency: 'MSIT',
      counterparts: ['OPENAI'],
      attendingAgencies: ['KISA', 'AISI'],
      topics: ['model evaluations'],
      actions: {},
      requests: {},
    });
    expect('summary' in state).toBe(false);
  });

  it('given a workshop held again, then it starts afresh: earlier actions and requests go', () => {
    const state = given(workshopHeld(), actionAgreed(), infoRequested(), workshopHeld());
    expect(state.actions).toStrictEqual({});
    expect(state.requests).toStrictEqual({});
  });

  it("given the event's lists, then the state holds copies, not the event's arrays", () => {
    const held = workshopHeld();
    const state = evolveWorkshop(initialWorkshopState, held);
    const data = held.type === 'WorkshopHeld' ? held.data : undefined;
    expect(state.counterparts).not.toBe(data?.counterparts);
    expect(state.attendingAgencies).not.toBe(data?.attendingAgencies);
    expect(state.topics).not.toBe(data?.topics);
  });

  it('given an action without a due date, then it has no dueDate key', () => {
    const state = given(
      workshopHeld(),
      actionAgreed({ dueDate: undefined, supportingAgencies: [] }),
    );
    expect(state.actions['a-1']).toStrictEqual({
      description: 'Draft a red-teaming protocol',
      ownerAgency: 'KISA',
      supportingAgencies: [],
    });
  });

  it("given an action, then its supporting agencies are a copy of the event's", () => {
    const agreed = actionAgreed();
    const state = evolveWorkshop(given(workshopHeld()), agreed);
    const data = agreed.type === 'ActionAgreed' ? agreed.data : undefined;
    expect(state.actions['a-1'].supportingAgencies).toStrictEqual(['AISI']);
    expect(state.actions['a-1'].supportingAgencies).not.toBe(data?.supportingAgencies);
  });

  it('given a request with a due date, then the date is kept; without one, no key', () => {
    const state = given(
      workshopHeld(),
      infoRequested({ dueDate: '2025-04-15' }),
      infoRequested({ requestId: 'r-2' }),
    );
    expect(state.requests).toStrictEqual({
      'r-1': {
        subject: 'Incident reporting channels',
        requestedBy: 'MSIT',
        requestedFrom: 'OPENAI',
        dueDate: '2025-04-15',
      },
      'r-2': {
        subject: 'Incident reporting channels',
        requestedBy: 'MSIT',
        requestedFrom: 'OPENAI',
      },
    });
  });

  it('given a request, then the actions stay as they were, and the other way round', () => {
    const withAction = given(workshopHeld(), actionAgreed());
    const withBoth = evolveWorkshop(withAction, infoRequested());
    expect(withBoth.actions).toBe(withAction.actions);
    expect(evolveWorkshop(withBoth, actionAgreed({ actionId: 'a-2' })).requests).toBe(
      withBoth.requests,
    );
  });
});

describe('hasAction / hasRequest', () => {
  const state = given(workshopHeld(), actionAgreed(), infoRequested());

  it('given recorded ids, then each is found in its own namespace only', () => {
    expect(hasAction(state, 'a-1')).toBe(true);
    expect(hasRequest(state, 'r-1')).toBe(true);
    expect(hasAction(state, 'r-1')).toBe(false);
    expect(hasRequest(state, 'a-1')).toBe(false);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'given the id %s, then Object.prototype does not make it a known one',
    (id) => {
      expect(hasAction(state, id)).toBe(false);
      expect(hasRequest(state, id)).toBe(false);
    },
  );
});
