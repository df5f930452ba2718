import { isLowerCaseUuid } from '../event-data';
import { ProjectedEvent, Projection } from '../projection';
import { eventsToApply } from '../stream-batch';
import { WorkshopChange, WorkshopRow, WorkshopSourceRow, applyToWorkshop } from './workshops.rows';
import { loadRows, writeRows } from '../tables/view-table';
import { workshopProgressTable, workshopSourcesTable } from './workshops.table';

const STREAM_PREFIX = 'workshop-';

/**
 * Workshops with their agreed actions and info requests. Follow-up counts are not stored here:
 * the progress queries count board rows by source, so they can never disagree with the board.
 */
export const workshopsProjection: Projection = {
  name: 'workshops',
  tables: [workshopProgressTable, workshopSourcesTable],
  streamPrefix: STREAM_PREFIX,
  readsDataOf: ['WorkshopHeld', 'ActionAgreed', 'InfoRequested'],
  async apply(events, tx, ctx) {
    const mine = events.filter(isWorkshopEvent);
    if (mine.length === 0) return;
    const ids = [...new Set(mine.map((e) => e.streamId.slice(STREAM_PREFIX.length)))];
    const current = await loadRows(tx, workshopProgressTable, ctx.schema, ids);
    const versions = new Map(
      [...current.values()].map((r) => [STREAM_PREFIX + r.workshopId, r.version]),
    );
    const pending = await eventsToApply(mine, versions, ctx.readStream);
    const workshops: WorkshopRow[] = [];
    const sources: WorkshopSourceRow[] = [];
    for (const [streamId, list] of pending) {
      const id = streamId.slice(STREAM_PREFIX.length);
      const row = current.get(id);
      const start: WorkshopChange | undefined = row && { workshop: row, sources: [] };
      const change = list.reduce((c, e) => applyToWorkshop(c, id, e), start);
      if (!change || change === start) continue;
      workshops.push(change.workshop);
      sources.push(...change.sources);
    }
    if (workshops.length > 0)
      await writeRows(tx, workshopProgressTable, ctx.schema, workshops, 'newer-version');
    if (sources.length > 0)
      await writeRows(tx, workshopSourcesTable, ctx.schema, sources, 'insert-once');
  },
};

function isWorkshopEvent(e: ProjectedEvent): boolean {
  return (
    e.streamId.startsWith(STREAM_PREFIX) && isLowerCaseUuid(e.streamId.slice(STREAM_PREFIX.length))
  );
}
