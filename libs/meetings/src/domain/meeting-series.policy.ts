import {
  Actor,
  canSeeFollowUp,
  canSeeWorkshop,
  Classification,
  classificationAllows,
  initialFollowUpState,
  initialWorkshopState,
} from '@liaison/follow-up';
import { AgendaItem } from './meeting-series.events';
import { MeetingSeriesState } from './meeting-series.state';

/**
 * Who reads a series: whoever may see its workshop (the one workshop policy: the host's bureau
 * heads, auditors), and the people of the agencies that attend it (the workshop's attending
 * agencies, and any agency that attended a meeting), whatever their role.
 */
export function canSeeMeetingSeries(actor: Actor, series: MeetingSeriesState): boolean {
  if (!series.exists) return false;
  if (
    canSeeWorkshop(actor, { ...initialWorkshopState, exists: true, hostAgency: series.hostAgency })
  )
    return true;
  if (actor.role !== 'bureau_head' && actor.role !== 'agency_officer') return false;
  return actor.agency !== undefined && readerAgencies(series).includes(actor.agency);
}

/**
 * Who reads a series, its meetings and its calendar: canSeeMeetingSeries, narrowed like its
 * workshop (`workshopClassification`, its workshop's now: workshopClassificationForReading). The
 * host's bureau heads and auditors read every level; an attending agency's people read a
 * restricted workshop's series only if their agency is named, a confidential one's only if they
 * are. Search's documents hold the same rule in SQL (hostedClassificationCondition).
 */
export function canReadMeetingSeries(
  actor: Actor,
  series: MeetingSeriesState,
  workshopClassification: Classification,
): boolean {
  return (
    canSeeMeetingSeries(actor, series) &&
    classificationAllows(actor, series.hostAgency, workshopClassification)
  );
}

/** The agencies (besides the host) whose people read the series. */
export function readerAgencies(series: MeetingSeriesState): string[] {
  const agencies = new Set(series.attendingAgencies);
  for (const m of series.meetings) for (const a of m.attendees?.agencies ?? []) agencies.add(a);
  return [...agencies].sort();
}

/** Bureau heads of the host agency run the series (start, schedule, hold, cancel). */
export function runsMeetingSeries(actor: Actor, hostAgency: string): boolean {
  return actor.role === 'bureau_head' && actor.agency === hostAgency;
}

/**
 * An agenda item as a reader may see it: the follow-up policy decides, with the task as the
 * agenda recorded it (its workshop's host, its assignee then). An attending officer sees the
 * items of their own agency; the host and auditors see all.
 */
export function canSeeAgendaItem(
  actor: Actor,
  hostAgency: string,
  item: AgendaItem,
  /** The task's classification now (absent: public): a restricted or confidential task's
   * item shows only to those its classification names. */
  classification?: Classification,
): boolean {
  return canSeeFollowUp(actor, {
    ...initialFollowUpState,
    exists: true,
    hostAgency,
    assigneeAgency: item.assigneeAgency,
    ...(classification && { classification }),
  });
}
