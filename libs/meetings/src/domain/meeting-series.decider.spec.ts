import {
  Actor,
  AgencyInfo,
  ForbiddenError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
  PersonInfo,
  PUBLIC,
  WorkshopEvent,
  evolveWorkshop,
  initialWorkshopState,
} from '@liaison/follow-up';
import {
  HoldMeeting,
  MeetingDecisionContext,
  MeetingSeriesCommand,
} from './meeting-series.commands';
import { decideMeetingSeries, meetingSeriesDecider } from './meeting-series.decider';
import { AgendaItem, MeetingSeriesEvent } from './meeting-series.events';
import { canSeeMeetingSeries } from './meeting-series.policy';

const SERIES = '11111111-1111-4111-8111-111111111111';
const WORKSHOP = '22222222-2222-4222-8222-222222222222';
const ACTION = '33333333-3333-4333-8333-333333333333';
const KIM = '44444444-4444-4444-8444-444444444444';
const FU1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const FU2 = 'aaaaaaaa-0000-4000-8000-000000000002';

const msitHead: Actor = { id: 'msit.head', role: 'bureau_head', agency: 'MSIT' };
const kisaHead: Actor = { id: 'kisa.head', role: 'bureau_head', agency: 'KISA' };
const kisaOfficer: Actor = { id: 'kisa.officer', role: 'agency_officer', agency: 'KISA' };
const fscOfficer: Actor = { id: 'fsc.officer', role: 'agency_officer', agency: 'FSC' };

const workshop = [
  {
    type: 'WorkshopHeld',
    data: {
      workshopId: WORKSHOP,
      title: 'AI security workshop',
      heldOn: '2026-11-18',
      hostAgency: 'MSIT',
      counterparts: ['OPENAI'],
      attendingAgencies: ['KISA', 'NIS'],
      topics: [],
    },
  },
  {
    type: 'ActionAgreed',
    data: {
      workshopId: WORKSHOP,
      actionId: ACTION,
      description: '실무 협의 지속',
      ownerAgency: 'MSIT',
      supportingAgencies: [],
    },
  },
] satisfies WorkshopEvent[];

const agencies = new Map<string, AgencyInfo>(
  ['MSIT', 'KISA', 'NIS', 'OPENAI'].map((code) => [
    code,
    { code, name: code, kind: code === 'OPENAI' ? 'counterpart' : 'agency', active: true },
  ]),
);
const people = new Map<string, PersonInfo>([
  [KIM, { id: KIM, agency: 'KISA', roles: ['agency_officer'], active: true }],
]);
const item = (followUpId: string, dueAt: string, assigneeAgency = 'KISA'): AgendaItem => ({
  followUpId,
  title: `task ${followUpId.slice(-1)}`,
  assigneeAgency,
  status: 'in_progress',
  dueAt,
  overdue: false,
  version: 3,
});

function ctx(actor: Actor, extra: Partial<MeetingDecisionContext> = {}): MeetingDecisionContext {
  return {
    actor,
    now: new Date('2026-11-25T00:00:00Z'),
    agencies,
    people,
    workshop: workshop.reduce(evolveWorkshop, initialWorkshopState),
    ...extra,
  };
}

/** Given events / When command / Then events. */
function given(...events: MeetingSeriesEvent[]) {
  const state = events.reduce(meetingSeriesDecider.evolve, meetingSeriesDecider.initialState);
  return {
    when: (command: MeetingSeriesCommand, context = ctx(msitHead)) => ({
      then: (expected: MeetingSeriesEvent[]) =>
        expect(decideMeetingSeries(command, state, context)).toEqual(expected),
      thenThrows: (error: new (...args: never[]) => Error, part?: string) => {
        expect(() => decideMeetingSeries(command, state, context)).toThrow(error);
        if (part) expect(() => decideMeetingSeries(command, state, context)).toThrow(part);
      },
    }),
    state,
  };
}

const started: MeetingSeriesEvent = {
  type: 'MeetingSeriesStarted',
  data: {
    seriesId: SERIES,
    workshopId: WORKSHOP,
    actionId: ACTION,
    hostAgency: 'MSIT',
    title: '실무 협의 지속',
    attendingAgencies: ['KISA', 'NIS'],
  },
};
const scheduled = (number: number): MeetingSeriesEvent => ({
  type: 'MeetingScheduled',
  data: { seriesId: SERIES, number, startsAt: '2026-11-25T05:00:00.000Z', durationMinutes: 60 },
});
const hold = (number: number): HoldMeeting => ({
  kind: 'HoldMeeting',
  number,
  date: '2026-11-25',
  attendees: { people: [KIM], agencies: ['OPENAI'] },
  minutes: '회의록',
  decisions: ['채널 개설'],
});
const heldWith = (number: number, agenda: AgendaItem[]): MeetingSeriesEvent => ({
  type: 'MeetingHeld',
  data: {
    seriesId: SERIES,
    number,
    date: '2026-11-25',
    attendees: { people: [KIM], agencies: ['OPENAI'] },
    minutes: '회의록',
    decisions: ['채널 개설'],
    agenda,
  },
});

describe('meeting series rules', () => {
  const start: MeetingSeriesCommand = {
    kind: 'StartMeetingSeries',
    seriesId: SERIES,
    workshopId: WORKSHOP,
    actionId: ACTION,
  };

  it('starts a series from an agreed action, titled by it, read by the attending agencies', () =>
    given().when(start).then([started]));

  it('only the host bureau head starts one; a workshop another agency hosts is not found', () => {
    given().when(start, ctx(kisaHead)).thenThrows(NotFoundError);
    given().when(start, ctx(kisaOfficer)).thenThrows(NotFoundError);
    given()
      .when({ ...start, actionId: WORKSHOP })
      .thenThrows(InvalidInputError, 'actionId');
    given(started).when(start).thenThrows(Error, 'already exists');
  });

  it('numbers the meetings it schedules', () =>
    given(started, scheduled(1))
      .when({ kind: 'ScheduleMeeting', startsAt: '2026-11-25T14:00:00+09:00' })
      .then([scheduled(2)]));

  it('holding records attendees, minutes, decisions and the open follow-ups as the agenda', () =>
    given(started, scheduled(1))
      .when(
        hold(1),
        ctx(msitHead, { openFollowUps: [item(FU2, '2026-12-02'), item(FU1, '2026-12-01')] }),
      )
      .then([heldWith(1, [item(FU1, '2026-12-01'), item(FU2, '2026-12-02')])]));

  it('carries over: what the last meeting had on its agenda and is still open is marked', () =>
    given(started, scheduled(1), heldWith(1, [item(FU1, '2026-12-01')]), scheduled(2))
      .when(
        hold(2),
        ctx(msitHead, { openFollowUps: [item(FU1, '2026-12-01'), item(FU2, '2026-12-02')] }),
      )
      .then([
        heldWith(2, [{ ...item(FU1, '2026-12-01'), carriedFrom: 1 }, item(FU2, '2026-12-02')]),
      ]));

  it('refuses a meeting held twice, unknown attendees, and anyone but the host', () => {
    given(started, scheduled(1), heldWith(1, []))
      .when(hold(1))
      .thenThrows(InvalidStateError, 'held');
    given(started).when(hold(1)).thenThrows(NotFoundError);
    given(started, scheduled(1))
      .when({ ...hold(1), attendees: { people: [ACTION], agencies: [] } })
      .thenThrows(InvalidInputError, 'attendees.people[0]');
    given(started, scheduled(1))
      .when({ ...hold(1), attendees: { people: [], agencies: ['NOPE'] } })
      .thenThrows(InvalidInputError, 'attendees.agencies[0]');
    given(started, scheduled(1))
      .when(hold(1), ctx(kisaHead, { workshopClassification: PUBLIC }))
      .thenThrows(ForbiddenError);
    given(started, scheduled(1)).when(hold(1), ctx(fscOfficer)).thenThrows(NotFoundError);
  });

  it('answers 404, not 403, to an attendee the workshop’s classification shuts out', () => {
    const restrictedTo = (agencies: string[]) =>
      ctx(kisaHead, { workshopClassification: { level: 'restricted', agencies } });
    given(started, scheduled(1))
      .when(hold(1), restrictedTo(['KISA']))
      .thenThrows(ForbiddenError);
    given(started, scheduled(1))
      .when(hold(1), restrictedTo(['NIS']))
      .thenThrows(NotFoundError);
    // not looked up: fail closed
    given(started, scheduled(1)).when(hold(1), ctx(kisaHead)).thenThrows(NotFoundError);
  });

  it('is read by the host, auditors and the attending agencies, no one else', () => {
    const { state } = given(started);
    expect(canSeeMeetingSeries(msitHead, state)).toBe(true);
    expect(canSeeMeetingSeries({ id: 'a', role: 'auditor' }, state)).toBe(true);
    expect(canSeeMeetingSeries(kisaOfficer, state)).toBe(true);
    expect(canSeeMeetingSeries(fscOfficer, state)).toBe(false);
    expect(canSeeMeetingSeries({ id: 'x', role: 'admin' }, state)).toBe(false);
  });
});
