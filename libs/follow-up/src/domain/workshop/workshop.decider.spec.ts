import { Actor } from '../context';
import {
  AlreadyExistsError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../domain.errors';
import {
  admin,
  as,
  auditor,
  kisaOfficer,
  mofaHead,
  msitHead,
  system,
} from '../testing/actors.fixture';
import { deactivated, directoryWith } from '../testing/agencies.fixture';
import { DeciderSpecification } from '@liaison/platform/decider/testing';
import {
  ACTION_ID,
  actionAgreed,
  infoRequested,
  REQUEST_ID,
  WORKSHOP_ID,
  workshopHeld,
} from '../testing/workshop.fixture';
import { AgreeAction, HoldWorkshop, RequestInfo } from './workshop.commands';
import { workshopDecider } from './workshop.decider';

const { given } = DeciderSpecification.for(workshopDecider, as(msitHead));

const notBureauHeads: [string, Actor][] = [
  ['agency_officer', kisaOfficer],
  ['auditor', auditor],
  ['admin', admin],
  ['system', system],
];

describe('HoldWorkshop', () => {
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

  it('records the workshop', () => {
    given().when(hold()).then([workshopHeld()]);
  });

  it('keeps a summary and trims the text it stores', () => {
    given()
      .when(
        hold({
          title: '  AI security with OpenAI ',
          topics: [' model evaluations'],
          summary: ' ok ',
        }),
      )
      .then([workshopHeld({ summary: 'ok' })]);
  });

  it('accepts a workshop with no counterparts, attendees or topics', () => {
    given()
      .when(hold({ counterparts: [], attendingAgencies: [], topics: [] }))
      .then([workshopHeld({ counterparts: [], attendingAgencies: [], topics: [] })]);
  });

  it('records a counterpart that has since been deactivated: the directory is not the workshop', () => {
    given()
      .when(hold(), as(msitHead, { agencies: directoryWith(deactivated('OPENAI')) }))
      .then([workshopHeld()]);
  });

  it.each(notBureauHeads)('is forbidden to a %s', (_role, actor) => {
    given().when(hold(), as(actor)).thenThrows(ForbiddenError);
  });

  it("is forbidden for another agency's workshop", () => {
    given().when(hold(), as(mofaHead)).thenThrows(ForbiddenError, 'own agency');
  });

  it('refuses a workshop id already used', () => {
    given(workshopHeld()).when(hold()).thenThrows(AlreadyExistsError, WORKSHOP_ID);
  });

  it.each<[string, Partial<HoldWorkshop>, string]>([
    ['a blank title', { title: '  ' }, 'title'],
    ['heldOn not as YYYY-MM-DD', { heldOn: '2025-3-4' }, 'heldOn'],
    ['heldOn not a real day', { heldOn: '2025-02-30' }, 'heldOn'],
    ['heldOn with a time', { heldOn: '2025-03-04T09:00:00Z' }, 'heldOn'],
    ['an unknown counterpart', { counterparts: ['XAI'] }, 'counterparts[0]'],
    ['an agency among the counterparts', { counterparts: ['OPENAI', 'KISA'] }, 'counterparts[1]'],
    ['a repeated counterpart', { counterparts: ['OPENAI', 'OPENAI'] }, 'counterparts[1]'],
    ['an unknown attending agency', { attendingAgencies: ['KISA', 'XYZ'] }, 'attendingAgencies[1]'],
    [
      'a counterpart attending as an agency',
      { attendingAgencies: ['ANTHROPIC'] },
      'attendingAgencies[0]',
    ],
    [
      'a repeated attending agency',
      { attendingAgencies: ['KISA', 'AISI', 'KISA'] },
      'attendingAgencies[2]',
    ],
    ['a blank topic', { topics: ['evals', ' '] }, 'topics[1]'],
    ['a repeated topic', { topics: ['evals', ' evals '] }, 'topics[1]'],
    ['a blank summary', { summary: '' }, 'summary'],
  ])('refuses %s', (_case, overrides, field) => {
    const error = given().when(hold(overrides)).thenThrows(InvalidInputError, field);
    expect(error.field).toBe(field);
  });

  it('refuses an inactive host agency', () => {
    given()
      .when(hold(), as(msitHead, { agencies: directoryWith(deactivated('MSIT')) }))
      .thenThrows(InvalidInputError, 'hostAgency MSIT is not active');
  });

  it('refuses an inactive attending agency', () => {
    given()
      .when(hold(), as(msitHead, { agencies: directoryWith(deactivated('AISI')) }))
      .thenThrows(InvalidInputError, 'attendingAgencies[1] AISI is not active');
  });
});

describe('AgreeAction', () => {
  const agree = (overrides: Partial<AgreeAction> = {}): AgreeAction => ({
    kind: 'AgreeAction',
    workshopId: WORKSHOP_ID,
    actionId: ACTION_ID,
    description: 'Draft a red-teaming protocol',
    ownerAgency: 'KISA',
    supportingAgencies: ['AISI'],
    dueDate: '2025-04-01',
    ...overrides,
  });

  it('records the action', () => {
    given(workshopHeld()).when(agree()).then([actionAgreed()]);
  });

  it('defaults to no supporting agencies and no due date', () => {
    given(workshopHeld())
      .when(agree({ supportingAgencies: undefined, dueDate: undefined }))
      .then([actionAgreed({ supportingAgencies: [], dueDate: undefined })]);
  });

  it('accepts a due date on the workshop day', () => {
    given(workshopHeld())
      .when(agree({ dueDate: '2025-03-04' }))
      .then([actionAgreed({ dueDate: '2025-03-04' })]);
  });

  it.each(notBureauHeads)('is forbidden to a %s', (_role, actor) => {
    given(workshopHeld()).when(agree(), as(actor)).thenThrows(ForbiddenError);
  });

  it('finds no workshop that was never held', () => {
    given().when(agree()).thenThrows(NotFoundError, WORKSHOP_ID);
  });

  it("does not reveal another agency's workshop to its bureau head", () => {
    given(workshopHeld()).when(agree(), as(mofaHead)).thenThrows(NotFoundError, WORKSHOP_ID);
  });

  it('finds no workshop when the command names another one', () => {
    given(workshopHeld())
      .when(agree({ workshopId: 'w-2' }))
      .thenThrows(NotFoundError, 'w-2');
  });

  it('refuses an action id already used by an action', () => {
    given(workshopHeld(), actionAgreed()).when(agree()).thenThrows(AlreadyExistsError, ACTION_ID);
  });

  it('refuses an action id already used by an info request', () => {
    given(workshopHeld(), infoRequested())
      .when(agree({ actionId: REQUEST_ID }))
      .thenThrows(AlreadyExistsError, REQUEST_ID);
  });

  it.each<[string, Partial<AgreeAction>, string]>([
    ['a blank description', { description: ' ' }, 'description'],
    ['an unknown owner', { ownerAgency: 'XYZ' }, 'ownerAgency'],
    ['a counterpart as owner', { ownerAgency: 'OPENAI' }, 'ownerAgency'],
    [
      'a counterpart supporting',
      { supportingAgencies: ['AISI', 'OPENAI'] },
      'supportingAgencies[1]',
    ],
    [
      'a repeated supporting agency',
      { supportingAgencies: ['AISI', 'AISI'] },
      'supportingAgencies[1]',
    ],
    ['the owner supporting itself', { supportingAgencies: ['KISA'] }, 'supportingAgencies[0]'],
    ['a due date not as YYYY-MM-DD', { dueDate: '01/04/2025' }, 'dueDate'],
    ['a due date that is not a real day', { dueDate: '2025-04-31' }, 'dueDate'],
    ['a due date before the workshop', { dueDate: '2025-03-03' }, 'dueDate'],
  ])('refuses %s', (_case, overrides, field) => {
    const error = given(workshopHeld()).when(agree(overrides)).thenThrows(InvalidInputError, field);
    expect(error.field).toBe(field);
  });

  it('refuses an inactive owner', () => {
    given(workshopHeld())
      .when(agree(), as(msitHead, { agencies: directoryWith(deactivated('KISA')) }))
      .thenThrows(InvalidInputError, 'ownerAgency KISA is not active');
  });

  it('refuses an inactive supporting agency', () => {
    given(workshopHeld())
      .when(agree(), as(msitHead, { agencies: directoryWith(deactivated('AISI')) }))
      .thenThrows(InvalidInputError, 'supportingAgencies[0] AISI is not active');
  });
});

describe('RequestInfo', () => {
  const request = (overrides: Partial<RequestInfo> = {}): RequestInfo => ({
    kind: 'RequestInfo',
    workshopId: WORKSHOP_ID,
    requestId: REQUEST_ID,
    subject: 'Incident reporting channels',
    requestedBy: 'MSIT',
    requestedFrom: 'OPENAI',
    ...overrides,
  });

  it('records a request to a counterpart', () => {
    given(workshopHeld()).when(request()).then([infoRequested()]);
  });

  it('records a request to an agency, with a due date', () => {
    given(workshopHeld())
      .when(request({ requestedFrom: 'NIS', dueDate: '2025-03-20' }))
      .then([infoRequested({ requestedFrom: 'NIS', dueDate: '2025-03-20' })]);
  });

  it.each(notBureauHeads)('is forbidden to a %s', (_role, actor) => {
    given(workshopHeld()).when(request(), as(actor)).thenThrows(ForbiddenError);
  });

  it('finds no workshop that was never held', () => {
    given().when(request()).thenThrows(NotFoundError, WORKSHOP_ID);
  });

  it("does not reveal another agency's workshop to its bureau head", () => {
    given(workshopHeld()).when(request(), as(mofaHead)).thenThrows(NotFoundError, WORKSHOP_ID);
  });

  it('refuses a request id already used by a request', () => {
    given(workshopHeld(), infoRequested())
      .when(request())
      .thenThrows(AlreadyExistsError, REQUEST_ID);
  });

  it('refuses a request id already used by an action', () => {
    given(workshopHeld(), actionAgreed())
      .when(request({ requestId: ACTION_ID }))
      .thenThrows(AlreadyExistsError, ACTION_ID);
  });

  it.each<[string, Partial<RequestInfo>, string]>([
    ['a blank subject', { subject: '' }, 'subject'],
    ['an unknown requester', { requestedBy: 'XYZ' }, 'requestedBy'],
    ['a counterpart as requester', { requestedBy: 'ANTHROPIC' }, 'requestedBy'],
    ['an unknown addressee', { requestedFrom: 'XAI' }, 'requestedFrom'],
    ['a request to the requester itself', { requestedFrom: 'MSIT' }, 'requestedFrom'],
    ['a due date that is not a real day', { dueDate: '2025-13-01' }, 'dueDate'],
    ['a due date before the workshop', { dueDate: '2025-01-01' }, 'dueDate'],
  ])('refuses %s', (_case, overrides, field) => {
    const error = given(workshopHeld())
      .when(request(overrides))
      .thenThrows(InvalidInputError, field);
    expect(error.field).toBe(field);
  });

  it('refuses an inactive counterpart as addressee', () => {
    given(workshopHeld())
      .when(request(), as(msitHead, { agencies: directoryWith(deactivated('OPENAI')) }))
      .thenThrows(InvalidInputError, 'requestedFrom OPENAI is not active');
  });
});
