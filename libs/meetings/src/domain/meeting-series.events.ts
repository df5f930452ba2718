/**
 * The meeting-series stream, `meeting-series-<uuid>`: a working-level meeting series (정례 실무
 * 회의) that an agreed action of a workshop became. Stable names, past tense; change a shape
 * only with a new schema version and an upcaster. Times are ISO-8601 in UTC, dates YYYY-MM-DD.
 */

export interface MeetingSeriesStarted {
  seriesId: string;
  workshopId: string;
  /** The agreed action ("continue working-level discussions") the series carries out. */
  actionId: string;
  hostAgency: string;
  title: string;
  /** The workshop's attending agencies when the series started: their people may read it. */
  attendingAgencies: string[];
}

export interface MeetingScheduled {
  seriesId: string;
  /** 1, 2, 3…: the meeting's place in the series; its calendar UID derives from it. */
  number: number;
  startsAt: string;
  durationMinutes: number;
  location?: string;
}

/** An open follow-up of the workshop as it stood when the meeting was held. `version` is the
 * follow-up stream's version that was read, so the item can be proven by replaying that far. */
export interface AgendaItem {
  followUpId: string;
  /** Written by meetings held before 2026-11-29 only. The task's title is a fact of the task's
   * own stream: the reader takes it from there (FollowUpAssigned), so disposing of the task
   * (libs/records) leaves no copy of it in this stream. */
  title?: string;
  assigneeAgency: string;
  status: string;
  dueAt: string;
  overdue: boolean;
  version: number;
  /** Carried over: the first meeting whose agenda held it, when the previous one already did. */
  carriedFrom?: number;
}

export interface MeetingAttendees {
  /** People of the directory, by id. */
  people: string[];
  /** Agencies (codes) that attended as such, e.g. a counterpart. */
  agencies: string[];
}

export interface MeetingHeld {
  seriesId: string;
  number: number;
  date: string;
  attendees: MeetingAttendees;
  /** 회의록. */
  minutes: string;
  decisions: string[];
  /** The workshop's open follow-ups when the meeting was held: what its agenda carried. */
  agenda: AgendaItem[];
}

export interface MeetingCancelled {
  seriesId: string;
  number: number;
  reason: string;
}

export interface MeetingSeriesEventMap {
  MeetingSeriesStarted: MeetingSeriesStarted;
  MeetingScheduled: MeetingScheduled;
  MeetingHeld: MeetingHeld;
  MeetingCancelled: MeetingCancelled;
}

export type MeetingSeriesEvent = {
  [K in keyof MeetingSeriesEventMap]: { type: K; data: MeetingSeriesEventMap[K] };
}[keyof MeetingSeriesEventMap];

export const MEETING_SERIES_EVENT_TYPES = [
  'MeetingSeriesStarted',
  'MeetingScheduled',
  'MeetingHeld',
  'MeetingCancelled',
] as const satisfies readonly (keyof MeetingSeriesEventMap)[];

export const MEETING_SERIES_PREFIX = 'meeting-series-';
export const meetingSeriesStreamId = (seriesId: string) => `${MEETING_SERIES_PREFIX}${seriesId}`;
