import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { isTombstone } from '@liaison/audit';
import { EventStore } from '@liaison/event-store';
import {
  Actor,
  Classification,
  classificationAllows,
  followUpStreamId,
  ForbiddenError,
  foldForReading,
  NotFoundError,
  PUBLIC,
  UNDETERMINED,
  workshopClassificationForReading,
  workshopStreamId,
} from '@liaison/follow-up';
import { PG_POOL } from '@liaison/platform';
import { ShownAgendaItem } from '../calendar/meeting-series.ics';
import {
  AgendaItem,
  Meeting,
  MeetingSeriesState,
  canReadMeetingSeries,
  canSeeAgendaItem,
  canSeeMeetingSeries,
  meetingSeriesStreamId,
} from '../domain';
import { foldSeries } from '../commands/meeting-series.commands.service';

export interface MeetingSeriesSummary {
  id: string;
  workshopId: string;
  actionId: string;
  hostAgency: string;
  title: string;
  meetings: number;
  held: number;
  nextStartsAt: string | null;
  lastHeldOn: string | null;
  version: number;
}

export type MeetingSeriesDetail = Omit<MeetingSeriesState, 'exists' | 'seriesId' | 'meetings'> & {
  id: string;
  version: number;
  /** When the series last changed (the calendar's DTSTAMP). */
  updatedAt: string;
  meetings: (Omit<Meeting, 'agenda'> & { agenda?: ShownAgendaItem[] })[];
};

interface SummaryRecord {
  series_id: string;
  workshop_id: string;
  action_id: string;
  host_agency: string;
  title: string;
  meetings: number;
  held: number;
  next_starts_at: Date | null;
  last_held_on: string | null;
  version: number;
}

/** Series the actor may read: the list from its table, the detail folded from the log. */
@Injectable()
export class MeetingSeriesReader {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  async list(actor: Actor, filter: { workshopId?: string } = {}): Promise<MeetingSeriesSummary[]> {
    const values: unknown[] = [];
    const where: string[] = [];
    // canSeeMeetingSeries as a row filter (the policy's spec and the e2e hold the two together).
    if (actor.role === 'bureau_head' || actor.role === 'agency_officer') {
      if (!actor.agency) throw new ForbiddenError('a caller without an agency reads no series');
      values.push(actor.agency);
      where.push(
        actor.role === 'bureau_head'
          ? '(host_agency = $1 OR $1 = ANY(reader_agencies))'
          : '$1 = ANY(reader_agencies)',
      );
    } else if (actor.role !== 'auditor') {
      throw new ForbiddenError(`${actor.role} reads no meeting series`);
    }
    if (filter.workshopId) {
      values.push(filter.workshopId);
      where.push(`workshop_id = $${values.length}::uuid`);
    }
    const { rows } = await this.pool.query<SummaryRecord>(
      `SELECT series_id, workshop_id, action_id, host_agency, title, meetings, held,
         next_starts_at, last_held_on::text AS last_held_on, version
       FROM meeting_series WHERE ${where.length ? where.join(' AND ') : 'true'}
       ORDER BY updated_at DESC, series_id LIMIT 500`,
      values,
    );
    // Narrowed like each series' workshop (canReadMeetingSeries): the host's bureau heads and
    // auditors read every level, so only an attendee's rows need their workshop's.
    const attended = rows.filter((r) => !isHostOrAuditor(actor, r.host_agency));
    const classifications = new Map<string, Classification>();
    const streams = await this.store.readStreams(
      [...new Set(attended.map((r) => r.workshop_id))].map(workshopStreamId),
    );
    for (const [streamId, events] of streams) {
      classifications.set(streamId, workshopClassificationForReading(events, isTombstone));
    }
    const readable = rows.filter(
      (r) =>
        isHostOrAuditor(actor, r.host_agency) ||
        classificationAllows(
          actor,
          r.host_agency,
          classifications.get(workshopStreamId(r.workshop_id)) ?? UNDETERMINED,
        ),
    );
    return readable.map((r) => ({
      id: r.series_id,
      workshopId: r.workshop_id,
      actionId: r.action_id,
      hostAgency: r.host_agency,
      title: r.title,
      meetings: r.meetings,
      held: r.held,
      nextStartsAt: r.next_starts_at?.toISOString() ?? null,
      lastHeldOn: r.last_held_on,
      version: r.version,
    }));
  }

  /** 404 for a series the actor may not read; agenda items trimmed to what they may see. */
  async detail(actor: Actor, seriesId: string): Promise<MeetingSeriesDetail> {
    const events = await this.store.readStream(meetingSeriesStreamId(seriesId));
    const state = foldSeries(events);
    // the workshop is read only for a series the caller would otherwise see
    const readable =
      canSeeMeetingSeries(actor, state) &&
      canReadMeetingSeries(actor, state, await this.workshopClassification(state.workshopId));
    if (!readable) throw new NotFoundError('meeting series', seriesId);
    const { exists: _exists, seriesId: id, ...rest } = state;
    const tasks = await this.tasksOf(
      state.meetings.flatMap((m) => m.agenda ?? []).map((i) => i.followUpId),
    );
    const shown = (item: AgendaItem): ShownAgendaItem => {
      const task = tasks.get(item.followUpId)!;
      const { title: _recorded, ...rest } = item;
      // the title from the task's own stream; a disposed task's (even one an older meeting
      // recorded) is shown nowhere
      return task.title === undefined
        ? { ...rest, disposed: true }
        : { ...rest, title: task.title };
    };
    return {
      ...rest,
      id,
      version: events.at(-1)?.version ?? 0,
      updatedAt: (events.at(-1)?.recordedAt ?? new Date(0)).toISOString(),
      meetings: state.meetings.map((m) =>
        m.agenda
          ? {
              ...m,
              agenda: m.agenda
                .filter((item) =>
                  canSeeAgendaItem(
                    actor,
                    state.hostAgency,
                    item,
                    tasks.get(item.followUpId)!.classification,
                  ),
                )
                .map(shown),
            }
          : { ...m },
      ),
    };
  }

  /** The series' workshop's classification now, failing closed (UNDETERMINED). */
  private async workshopClassification(workshopId: string): Promise<Classification> {
    const events = await this.store.readStream(workshopStreamId(workshopId), { raw: true });
    return workshopClassificationForReading(events, isTombstone);
  }

  /**
   * Each task's classification now and its title, folded from its stream through the one
   * fail-closed fold (foldForReading): a task whose stream does not say (missing, disposed,
   * malformed) is UNDETERMINED (the host's bureau heads and auditors only) and has no title.
   */
  private async tasksOf(ids: string[]): Promise<Map<string, AgendaTask>> {
    const found = new Map<string, AgendaTask>();
    for (const id of new Set(ids)) {
      const events = await this.store.readStream(followUpStreamId(id), { raw: true });
      const task = foldForReading(events, isTombstone);
      found.set(
        id,
        task.exists && task.followUpId === id
          ? {
              classification: task.classification ?? PUBLIC,
              ...(task.classification !== UNDETERMINED && { title: task.title }),
            }
          : { classification: UNDETERMINED },
      );
    }
    return found;
  }
}

const isHostOrAuditor = (actor: Actor, hostAgency: string) =>
  actor.role === 'auditor' || (actor.role === 'bureau_head' && actor.agency === hostAgency);

interface AgendaTask {
  classification: Classification;
  /** Absent: the task's content is gone (disposed) or never was in the log. */
  title?: string;
}
