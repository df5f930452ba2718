import { assertNever } from '@liaison/follow-up';
import { AgendaItem, MeetingAttendees, MeetingSeriesEvent } from './meeting-series.events';

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';

export interface Meeting {
  number: number;
  status: MeetingStatus;
  startsAt: string;
  durationMinutes: number;
  location?: string;
  date?: string;
  attendees?: MeetingAttendees;
  minutes?: string;
  decisions?: string[];
  agenda?: AgendaItem[];
  cancelReason?: string;
}

export interface MeetingSeriesState {
  exists: boolean;
  seriesId: string;
  workshopId: string;
  actionId: string;
  hostAgency: string;
  title: string;
  attendingAgencies: readonly string[];
  /** In number order: meetings[n - 1] is meeting n. */
  meetings: readonly Meeting[];
}

export const initialMeetingSeriesState: MeetingSeriesState = Object.freeze({
  exists: false,
  seriesId: '',
  workshopId: '',
  actionId: '',
  hostAgency: '',
  title: '',
  attendingAgencies: [],
  meetings: [],
});

export function evolveMeetingSeries(
  state: MeetingSeriesState,
  event: MeetingSeriesEvent,
): MeetingSeriesState {
  switch (event.type) {
    case 'MeetingSeriesStarted': {
      const { seriesId, workshopId, actionId, hostAgency, title, attendingAgencies } = event.data;
      return {
        exists: true,
        seriesId,
        workshopId,
        actionId,
        hostAgency,
        title,
        attendingAgencies: [...attendingAgencies],
        meetings: [],
      };
    }
    case 'MeetingScheduled': {
      const { number, startsAt, durationMinutes, location } = event.data;
      const meeting: Meeting = {
        number,
        status: 'scheduled',
        startsAt,
        durationMinutes,
        ...(location !== undefined && { location }),
      };
      return { ...state, meetings: [...state.meetings, meeting] };
    }
    case 'MeetingHeld': {
      const { number, date, attendees, minutes, decisions, agenda } = event.data;
      return withMeeting(state, number, (m) => ({
        ...m,
        status: 'held',
        date,
        attendees: { people: [...attendees.people], agencies: [...attendees.agencies] },
        minutes,
        decisions: [...decisions],
        agenda: agenda.map((a) => ({ ...a })),
      }));
    }
    case 'MeetingCancelled':
      return withMeeting(state, event.data.number, (m) => ({
        ...m,
        status: 'cancelled',
        cancelReason: event.data.reason,
      }));
    default:
      return assertNever(event);
  }
}

function withMeeting(
  state: MeetingSeriesState,
  number: number,
  change: (m: Meeting) => Meeting,
): MeetingSeriesState {
  return {
    ...state,
    meetings: state.meetings.map((m) => (m.number === number ? change(m) : m)),
  };
}

export const meetingNumbered = (state: MeetingSeriesState, n: number): Meeting | undefined =>
  state.meetings.find((m) => m.number === n);

/** The last held meeting's agenda, by follow-up id: what the next meeting carries over from. */
export function lastHeldAgenda(state: MeetingSeriesState): Map<string, number> {
  const carried = new Map<string, number>();
  for (const m of state.meetings) {
    if (m.status !== 'held') continue;
    carried.clear();
    for (const item of m.agenda ?? []) carried.set(item.followUpId, item.carriedFrom ?? m.number);
  }
  return carried;
}
