import { Actor, AgencyInfo, Classification, PersonInfo, WorkshopState } from '@liaison/follow-up';
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
  /**
   * The series' workshop's classification now, for a command on a series by someone who does
   * not run it: one it shuts out is answered 404, as a read would be, not 403. Absent: the
   * fail-closed UNDETERMINED.
   */
  workshopClassification?: Classification;
}
