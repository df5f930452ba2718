import { Pool } from 'pg';
import { EventStore } from '@liaison/event-store';
import { FollowUpEvent, evolveFollowUp, initialFollowUpState, isOpen } from '@liaison/follow-up';
import { AgendaItem } from '../domain';

/**
 * A workshop's open follow-ups, decided from the log rather than the board view: the agenda a
 * meeting records must be provable from the log (each item names the stream version read), and
 * the board may lag the log. The follow-ups of a workshop are found by their FollowUpAssigned
 * events; holding a meeting is rare, so the scan of those events is affordable.
 */
export async function openFollowUpsOf(
  pool: Pool,
  store: EventStore,
  workshopId: string,
): Promise<AgendaItem[]> {
  const { rows } = await pool.query<{ stream_id: string }>(
    `SELECT stream_id FROM events
     WHERE type = 'FollowUpAssigned' AND starts_with(stream_id, 'follow-up-')
       AND data->>'workshopId' = $1`,
    [workshopId],
  );
  const streams = await store.readStreams(rows.map((r) => r.stream_id));
  const items: AgendaItem[] = [];
  for (const events of streams.values()) {
    const state = events.reduce(
      (s, e) => evolveFollowUp(s, { type: e.type, data: e.data } as unknown as FollowUpEvent),
      initialFollowUpState,
    );
    if (!state.exists || !isOpen(state.status)) continue;
    // A contribution (협조) is worked under its lead task, which is the agenda item.
    if (events[0].data.kind === 'contribution') continue;
    // No title: the reader takes it from the task's stream, so a disposal leaves no copy here.
    items.push({
      followUpId: state.followUpId,
      assigneeAgency: state.assigneeAgency,
      status: state.status,
      dueAt: state.dueAt,
      overdue: state.overdue,
      version: events[events.length - 1].version,
    });
  }
  return items;
}
