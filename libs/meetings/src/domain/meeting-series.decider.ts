import {
  AlreadyExistsError,
  ForbiddenError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
  assertNever,
  canSeeWorkshop,
  hasAction,
  UNDETERMINED,
} from '@liaison/follow-up';
import {
  CancelMeeting,
  HoldMeeting,
  MeetingDecisionContext,
  MeetingSeriesCommand,
  ScheduleMeeting,
  StartMeetingSeries,
} from './meeting-series.commands';
import { MeetingSeriesEvent } from './meeting-series.events';
import { canReadMeetingSeries, runsMeetingSeries } from './meeting-series.policy';
import {
  MeetingSeriesState,
  evolveMeetingSeries,
  initialMeetingSeriesState,
  lastHeldAgenda,
  meetingNumbered,
} from './meeting-series.state';

/** decide(command, state, context) → events; no I/O. */
export function decideMeetingSeries(
  command: MeetingSeriesCommand,
  state: MeetingSeriesState,
  ctx: MeetingDecisionContext,
): MeetingSeriesEvent[] {
  switch (command.kind) {
    case 'StartMeetingSeries':
      return start(command, state, ctx);
    case 'ScheduleMeeting':
      return schedule(command, runnable(state, ctx));
    case 'HoldMeeting':
      return hold(command, runnable(state, ctx), ctx);
    case 'CancelMeeting':
      return cancel(command, runnable(state, ctx));
    default:
      return assertNever(command);
  }
}

export const meetingSeriesDecider = {
  decide: decideMeetingSeries,
  evolve: evolveMeetingSeries,
  initialState: initialMeetingSeriesState,
};

function start(
  c: StartMeetingSeries,
  state: MeetingSeriesState,
  ctx: MeetingDecisionContext,
): MeetingSeriesEvent[] {
  const workshop = ctx.workshop;
  // A workshop the actor may not see is one that does not exist, as on every other route.
  if (!workshop || !canSeeWorkshop(ctx.actor, workshop))
    throw new NotFoundError('workshop', c.workshopId);
  if (!runsMeetingSeries(ctx.actor, workshop.hostAgency)) {
    throw new ForbiddenError('only bureau heads of the host agency start a meeting series');
  }
  if (state.exists) throw new AlreadyExistsError('meeting series', c.seriesId);
  if (!hasAction(workshop, c.actionId)) {
    throw new InvalidInputError('actionId', 'is not an agreed action of this workshop');
  }
  const title = c.title?.trim() || workshop.actions[c.actionId].description;
  return [
    {
      type: 'MeetingSeriesStarted',
      data: {
        seriesId: c.seriesId,
        workshopId: workshop.workshopId,
        actionId: c.actionId,
        hostAgency: workshop.hostAgency,
        title,
        attendingAgencies: [...workshop.attendingAgencies],
      },
    },
  ];
}

/** The series exists for the actor and the actor runs it. */
function runnable(state: MeetingSeriesState, ctx: MeetingDecisionContext): MeetingSeriesState {
  if (!state.exists) throw new NotFoundError('meeting series', state.seriesId || undefined);
  if (runsMeetingSeries(ctx.actor, state.hostAgency)) return state;
  // Whoever may not read the series (its workshop's classification too) learns nothing of it.
  if (!canReadMeetingSeries(ctx.actor, state, ctx.workshopClassification ?? UNDETERMINED)) {
    throw new NotFoundError('meeting series', state.seriesId);
  }
  throw new ForbiddenError('only bureau heads of the host agency run its meeting series');
}

function schedule(c: ScheduleMeeting, state: MeetingSeriesState): MeetingSeriesEvent[] {
  if (!isIsoTime(c.startsAt)) throw new InvalidInputError('startsAt', 'must be an ISO-8601 time');
  const duration = c.durationMinutes ?? 60;
  if (!Number.isInteger(duration) || duration < 5 || duration > 24 * 60) {
    throw new InvalidInputError('durationMinutes', 'must be a whole number of minutes, 5 to 1440');
  }
  return [
    {
      type: 'MeetingScheduled',
      data: {
        seriesId: state.seriesId,
        number: state.meetings.length + 1,
        startsAt: new Date(c.startsAt).toISOString(),
        durationMinutes: duration,
        ...(c.location !== undefined &&
          c.location.trim() !== '' && { location: c.location.trim() }),
      },
    },
  ];
}

function hold(
  c: HoldMeeting,
  state: MeetingSeriesState,
  ctx: MeetingDecisionContext,
): MeetingSeriesEvent[] {
  const meeting = meetingNumbered(state, c.number);
  if (!meeting) throw new NotFoundError('meeting', String(c.number));
  if (meeting.status !== 'scheduled')
    throw new InvalidStateError(`meeting ${c.number}`, meeting.status, 'hold');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.date) || Number.isNaN(Date.parse(`${c.date}T00:00:00Z`))) {
    throw new InvalidInputError('date', 'must be a date YYYY-MM-DD');
  }
  const people = [...new Set(c.attendees.people)];
  const agencies = [...new Set(c.attendees.agencies)];
  if (people.length + agencies.length === 0) {
    throw new InvalidInputError('attendees', 'must name at least one person or agency');
  }
  people.forEach((id, i) => {
    const person = ctx.people?.get(id);
    if (!person || !person.active) {
      throw new InvalidInputError(
        `attendees.people[${i}]`,
        'is not an active person of the directory',
      );
    }
  });
  agencies.forEach((code, i) => {
    const agency = ctx.agencies.get(code);
    if (!agency || !agency.active) {
      throw new InvalidInputError(
        `attendees.agencies[${i}]`,
        'is not an active agency of the directory',
      );
    }
  });
  const carried = lastHeldAgenda(state);
  const agenda = [...(ctx.openFollowUps ?? [])]
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.followUpId.localeCompare(b.followUpId))
    .map((item) => {
      const from = carried.get(item.followUpId);
      return from === undefined ? { ...item } : { ...item, carriedFrom: from };
    });
  return [
    {
      type: 'MeetingHeld',
      data: {
        seriesId: state.seriesId,
        number: c.number,
        date: c.date,
        attendees: { people, agencies },
        minutes: c.minutes,
        decisions: [...c.decisions],
        agenda,
      },
    },
  ];
}

function cancel(c: CancelMeeting, state: MeetingSeriesState): MeetingSeriesEvent[] {
  const meeting = meetingNumbered(state, c.number);
  if (!meeting) throw new NotFoundError('meeting', String(c.number));
  if (meeting.status !== 'scheduled')
    throw new InvalidStateError(`meeting ${c.number}`, meeting.status, 'cancel');
  return [
    {
      type: 'MeetingCancelled',
      data: { seriesId: state.seriesId, number: c.number, reason: c.reason },
    },
  ];
}

function isIsoTime(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}
