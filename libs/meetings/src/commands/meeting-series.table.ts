import { PoolClient } from 'pg';
import { MeetingSeriesState, readerAgencies } from '../domain';

/** The list row of a series (migration 1765110000000), written with each append. */
export async function writeSeriesRow(
  tx: PoolClient,
  state: MeetingSeriesState,
  version: number,
  at: Date,
): Promise<void> {
  const next = state.meetings
    .filter((m) => m.status === 'scheduled')
    .map((m) => m.startsAt)
    .sort()[0];
  const held = state.meetings.filter((m) => m.status === 'held');
  await tx.query(
    `INSERT INTO meeting_series (series_id, workshop_id, action_id, host_agency, title,
       reader_agencies, meetings, held, next_starts_at, last_held_on, version, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (series_id) DO UPDATE SET reader_agencies = EXCLUDED.reader_agencies,
       meetings = EXCLUDED.meetings, held = EXCLUDED.held,
       next_starts_at = EXCLUDED.next_starts_at, last_held_on = EXCLUDED.last_held_on,
       version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
     WHERE meeting_series.version < EXCLUDED.version`,
    [
      state.seriesId,
      state.workshopId,
      state.actionId,
      state.hostAgency,
      state.title,
      readerAgencies(state),
      state.meetings.length,
      held.length,
      next ?? null,
      held.at(-1)?.date ?? null,
      version,
      at,
    ],
  );
}
