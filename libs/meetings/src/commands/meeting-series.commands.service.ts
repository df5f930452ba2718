import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { ConcurrencyError, EventStore, StoredEvent } from '@liaison/event-store';
import {
  AgencyDirectory,
  CommandMeta,
  PeopleLookup,
  WorkshopEvent,
  evolveWorkshop,
  eventMetadata,
  initialWorkshopState,
  workshopClassificationForReading,
  workshopStreamId,
} from '@liaison/follow-up';
import { isTombstone } from '@liaison/audit';
import { PG_POOL } from '@liaison/platform';
import {
  MeetingDecisionContext,
  MeetingSeriesCommand,
  MeetingSeriesEvent,
  MeetingSeriesState,
  decideMeetingSeries,
  evolveMeetingSeries,
  initialMeetingSeriesState,
  meetingSeriesStreamId,
  runsMeetingSeries,
} from '../domain';
import { openFollowUpsOf } from './open-follow-ups';
import { writeSeriesRow } from './meeting-series.table';

export interface MeetingSeriesResult {
  id: string;
  version: number;
  position: number;
  /** The meeting the command scheduled, held or cancelled. */
  number?: number;
}

const ATTEMPTS = 3;

/** Load, look up what the rules need, decide, append with the list row in one transaction. */
@Injectable()
export class MeetingSeriesCommands {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly agencies: AgencyDirectory,
    private readonly people: PeopleLookup,
  ) {}

  async run(
    seriesId: string,
    command: MeetingSeriesCommand,
    meta: CommandMeta,
  ): Promise<MeetingSeriesResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(seriesId, command, meta);
      } catch (error) {
        // A concurrent command on the same series won: decide again on what it wrote, unless
        // the caller named the version it expected (If-Match), which is now wrong.
        if (
          !(error instanceof ConcurrencyError) ||
          meta.expectedVersion !== undefined ||
          attempt >= ATTEMPTS
        )
          throw error;
      }
    }
  }

  async load(seriesId: string): Promise<{ state: MeetingSeriesState; version: number }> {
    const events = await this.store.readStream(meetingSeriesStreamId(seriesId));
    return {
      state: foldSeries(events),
      version: events.at(-1)?.version ?? 0,
    };
  }

  private async once(seriesId: string, command: MeetingSeriesCommand, meta: CommandMeta) {
    const { state, version } = await this.load(seriesId);
    if (meta.expectedVersion !== undefined && meta.expectedVersion !== version) {
      throw new ConcurrencyError(meetingSeriesStreamId(seriesId), meta.expectedVersion, version);
    }
    const ctx = await this.context(command, state, meta);
    const events = decideMeetingSeries(command, state, ctx);
    const after = events.reduce(evolveMeetingSeries, state);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const appended = await this.store.append(
        meetingSeriesStreamId(seriesId),
        events.map((e) => ({ type: e.type, data: { ...e.data }, metadata: eventMetadata(meta) })),
        { client, expectedVersion: version === 0 ? 'no_stream' : version },
      );
      await writeSeriesRow(client, after, appended.version, ctx.now);
      await client.query('COMMIT');
      this.store.announceAppends();
      return {
        id: seriesId,
        version: appended.version,
        position: appended.position,
        ...numberOf(events[0]),
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  private async context(
    command: MeetingSeriesCommand,
    state: MeetingSeriesState,
    meta: CommandMeta,
  ): Promise<MeetingDecisionContext> {
    const base = {
      actor: meta.actor,
      now: new Date(),
      agencies: await this.agencies.snapshot(),
      ...(command.kind !== 'StartMeetingSeries' &&
        state.exists &&
        !runsMeetingSeries(meta.actor, state.hostAgency) && {
          // to refuse with 404 whoever the workshop's classification shuts out, 403 the rest
          workshopClassification: workshopClassificationForReading(
            await this.store.readStream(workshopStreamId(state.workshopId), { raw: true }),
            isTombstone,
          ),
        }),
    };
    switch (command.kind) {
      case 'StartMeetingSeries': {
        const events = await this.store.readStream(workshopStreamId(command.workshopId));
        const workshop = events.reduce(
          (s, e) => evolveWorkshop(s, { type: e.type, data: e.data } as unknown as WorkshopEvent),
          initialWorkshopState,
        );
        return { ...base, workshop };
      }
      case 'HoldMeeting':
        if (!state.exists) return base;
        return {
          ...base,
          people: await this.people.byIds(command.attendees.people),
          openFollowUps: await openFollowUpsOf(this.pool, this.store, state.workshopId),
        };
      default:
        return base;
    }
  }
}

export function foldSeries(events: readonly StoredEvent[]): MeetingSeriesState {
  return events.reduce(
    (s, e) =>
      evolveMeetingSeries(s, { type: e.type, data: e.data } as unknown as MeetingSeriesEvent),
    initialMeetingSeriesState,
  );
}

function numberOf(event: MeetingSeriesEvent): { number?: number } {
  return event.type === 'MeetingSeriesStarted' ? {} : { number: event.data.number };
}
