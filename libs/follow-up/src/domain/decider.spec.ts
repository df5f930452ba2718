/** The shape every aggregate shares: folding from a given state, and the `never` check that
 * refuses a command or event no rule knows (only reachable past the type checker, e.g. from
 * a stored event of a newer release). */
import { assertNever, foldEvents } from './decider';
import { FollowUpCommand } from './follow-up/follow-up.commands';
import { followUpDecider } from './follow-up/follow-up.decider';
import { FollowUpEvent, WorkshopEvent } from './events';
import { as, msitHead } from './testing/actors.fixture';
import { assigned, routed } from './testing/follow-up.fixture';
import { workshopDecider } from './workshop/workshop.decider';
import { WorkshopCommand } from './workshop/workshop.commands';

describe('foldEvents', () => {
  it('given no starting state, then it folds from the initial state', () => {
    expect(foldEvents(followUpDecider, [])).toBe(followUpDecider.initialState);
  });

  it('given a starting state, then it folds on from there', () => {
    const afterAssigned = foldEvents(followUpDecider, [assigned()]);
    const state = foldEvents(followUpDecider, [routed()], afterAssigned);
    expect(state).toEqual(foldEvents(followUpDecider, [assigned(), routed()]));
  });
});

describe('assertNever', () => {
  it('given a value no case handled, then it throws naming the value', () => {
    expect(() => assertNever({ kind: 'Nope' } as never)).toThrow('Unhandled case: {"kind":"Nope"}');
  });

  it('given an unknown follow-up command, then the decider refuses it', () => {
    const command = { kind: 'Teleport', followUpId: 'f-1' } as unknown as FollowUpCommand;
    expect(() =>
      followUpDecider.decide(command, followUpDecider.initialState, as(msitHead)),
    ).toThrow('Unhandled case: {"kind":"Teleport","followUpId":"f-1"}');
  });

  it('given an unknown follow-up event, then the fold refuses it', () => {
    const event = { type: 'FollowUpVanished', data: {} } as unknown as FollowUpEvent;
    expect(() => followUpDecider.evolve(followUpDecider.initialState, event)).toThrow(
      'Unhandled case: {"type":"FollowUpVanished","data":{}}',
    );
  });

  it('given an unknown workshop command or event, then the workshop rules refuse it', () => {
    const command = { kind: 'Cancel', workshopId: 'w-1' } as unknown as WorkshopCommand;
    expect(() =>
      workshopDecider.decide(command, workshopDecider.initialState, as(msitHead)),
    ).toThrow('Unhandled case');
    const event = { type: 'WorkshopMoved', data: {} } as unknown as WorkshopEvent;
    expect(() => workshopDecider.evolve(workshopDecider.initialState, event)).toThrow(
      'Unhandled case',
    );
  });
});
