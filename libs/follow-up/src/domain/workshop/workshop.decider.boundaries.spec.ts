/** What the workshop rules say when they refuse, and events with no optional key left as
 * undefined (checked with toStrictEqual: `then` compares loosely). */
import { AlreadyExistsError, InvalidInputError, NotFoundError } from '../domain.errors';
import { as, auditor, msitHead } from '../testing/actors.fixture';
import { DeciderSpecification } from '@liaison/platform/decider/testing';
import {
  actionAgreed,
  infoRequested,
  WORKSHOP_ID,
  workshopHeld,
} from '../testing/workshop.fixture';
import { AgreeAction, HoldWorkshop, RequestInfo } from './workshop.commands';
import { workshopDecider } from './workshop.decider';

const { given } = DeciderSpecification.for(workshopDecider, as(msitHead));
const decide = (
  command: Parameters<typeof workshopDecider.decide>[0],
  ...history: Parameters<typeof workshopDecider.evolve>[1][]
) =>
  workshopDecider.decide(
    command,
    history.reduce(workshopDecider.evolve, workshopDecider.initialState),
    as(msitHead),
  );

const hold = (overrides: Partial<HoldWorkshop> = {}): HoldWorkshop => ({
  kind: 'HoldWorkshop',
  workshopId: WORKSHOP_ID,
  title: 'AI security with OpenAI',
  heldOn: '2025-03-04',
  hostAgency: 'MSIT',
  counterparts: ['OPENAI'],
  attendingAgencies: ['KISA', 'AISI'],
  topics: ['model evaluations'],
  ...overrides,
});
const agree = (overrides: Partial<AgreeAction> = {}): AgreeAction => ({
  kind: 'AgreeAction',
  workshopId: WORKSHOP_ID,
  actionId: 'a-1',
  description: 'Draft a red-teaming protocol',
  ownerAgency: 'KISA',
  ...overrides,
});
const request = (overrides: Partial<RequestInfo> = {}): RequestInfo => ({
  kind: 'RequestInfo',
  workshopId: WORKSHOP_ID,
  requestId: 'r-1',
  subject: 'Incident reporting channels',
  requestedBy: 'MSIT',
  requestedFrom: 'OPENAI',
  ...overrides,
});

describe('workshop events carry no optional key left undefined', () => {
  it('given no summary, when holding, then the event has no summary key', () => {
    const [event] = decide(hold());
    expect('summary' in event.data).toBe(false);
  });

  it('given no due date, when agreeing an action, then the event has no dueDate key', () => {
    const [event] = decide(agree(), workshopHeld());
    expect(event.data).toStrictEqual({
      workshopId: WORKSHOP_ID,
      actionId: 'a-1',
      description: 'Draft a red-teaming protocol',
      ownerAgency: 'KISA',
      supportingAgencies: [],
    });
  });

  it('given no due date, when requesting information, then the event has no dueDate key', () => {
    const [event] = decide(request(), workshopHeld());
    expect('dueDate' in event.data).toBe(false);
  });

  it("given the command's lists, then the event holds copies", () => {
    const command = hold();
    const [event] = decide(command);
    const data = event.data as { counterparts: unknown; attendingAgencies: unknown };
    expect(data.counterparts).not.toBe(command.counterparts);
    expect(data.attendingAgencies).not.toBe(command.attendingAgencies);
  });
});

describe('what a workshop refusal says', () => {
  it('given a repeated workshop id, then AlreadyExists names it', () => {
    const error = given(workshopHeld()).when(hold()).thenThrows(AlreadyExistsError);
    expect(error.message).toBe('Workshop w-1 already exists');
  });

  it('given an action id used by a request, then AlreadyExists: one namespace', () => {
    const error = given(workshopHeld(), infoRequested())
      .when(agree({ actionId: 'r-1' }))
      .thenThrows(AlreadyExistsError);
    expect(error.message).toBe('Action r-1 already exists');
  });

  it('given a request id used by an action, then AlreadyExists: one namespace', () => {
    const error = given(workshopHeld(), actionAgreed())
      .when(request({ requestId: 'a-1' }))
      .thenThrows(AlreadyExistsError);
    expect(error.message).toBe('Info request a-1 already exists');
  });

  it('given another workshop id, then NotFound names the id asked for', () => {
    given(workshopHeld())
      .when(agree({ workshopId: 'w-2' }))
      .thenThrows(NotFoundError, 'Workshop w-2 not found');
  });

  it('given an auditor, who may see the workshop, then still Forbidden: only bureau heads record', () => {
    given(workshopHeld()).when(agree(), as(auditor)).thenThrows(Error, 'Only a bureau head');
  });

  it.each<[string, () => unknown, string]>([
    [
      'the owner among the supporters',
      () => decide(agree({ supportingAgencies: ['AISI', 'KISA'] }), workshopHeld()),
      'supportingAgencies[1] KISA is already the owner agency',
    ],
    [
      'a repeated supporter',
      () => decide(agree({ supportingAgencies: ['AISI', 'AISI'] }), workshopHeld()),
      'supportingAgencies[1] repeats AISI',
    ],
    [
      'a request to the requester',
      () => decide(request({ requestedFrom: 'MSIT' }), workshopHeld()),
      'requestedFrom must differ from requestedBy',
    ],
    [
      'a due date before the workshop',
      () => decide(agree({ dueDate: '2025-03-03' }), workshopHeld()),
      'dueDate must not be before the workshop date 2025-03-04',
    ],
    ['a repeated topic', () => decide(hold({ topics: ['a', ' a '] })), 'topics[1] repeats a'],
    ['a blank topic', () => decide(hold({ topics: ['a', ' '] })), 'topics[1] must not be empty'],
    [
      'a counterpart among the attendees',
      () => decide(hold({ attendingAgencies: ['OPENAI'] })),
      'attendingAgencies[0] OPENAI is an outside counterpart, not an agency',
    ],
    [
      'an unknown counterpart',
      () => decide(hold({ counterparts: ['XAI'] })),
      'counterparts[0] XAI is not a known counterpart',
    ],
  ])('given %s, then the refusal says so, naming the field', (_case, act, message) => {
    expect(act).toThrow(InvalidInputError);
    expect(act).toThrow(message);
  });

  it('given a due date on the day of the workshop, then it is accepted', () => {
    expect(decide(request({ dueDate: '2025-03-04' }), workshopHeld())).toHaveLength(1);
  });
});
