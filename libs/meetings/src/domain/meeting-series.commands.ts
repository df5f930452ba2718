import { Actor, AgencyInfo, PersonInfo, WorkshopState } from '@liaison/follow-up';
import { AgendaItem, MeetingAttendees } from './meeting-series.events';

export interface StartMeetingSeries {
  kind: 'StartMeetingSeries';
  seriesId: string;
  workshopId: string;
  actionId: string;
  /** Defaults to the agreed action's description. */
  title?: string;
}

export interface ScheduleMeeting {
  kind: 'ScheduleMeeting';
  startsAt: string;
  durationMinutes?: number;
  location?: string;
}

export interface HoldMeeting {
  kind: 'HoldMeeting';
  number: number;
  date: string;
  attendees: MeetingAttendees;
  minutes: string;
  decisions: string[];
}

export interface CancelMeeting {
  kind: 'CancelMeeting';
  number: number;
  reason: string;
}

export type MeetingSeriesCommand =
  StartMeetingSeries | ScheduleMeeting | HoldMeeting | CancelMeeting;

/** What the handler looked up for the rules, so that they stay pure. */
export interface MeetingDecisionContext {
  actor: Actor;
  now: Date;
  /** The series' workshop folded from its stream (starting a series). */
  workshop?: WorkshopState;
  agencies: ReadonlyMap<string, AgencyInfo>;
  /** The people a HoldMeeting names, as the directory has them. */
  people?: ReadonlyMap<string, PersonInfo>;
  /** The workshop's open follow-ups now, read from the log (holding a meeting). */
  openFollowUps?: readonly AgendaItem[];
}
