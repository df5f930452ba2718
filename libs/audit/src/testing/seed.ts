import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EventStore, NewEvent } from '@liaison/event-store';

const meta = (n: number) => ({
  actor: `officer-${n % 3}`,
  role: 'agency_officer',
  agency: ['KISA', 'MSIT', 'NIS'][n % 3],
  correlation_id: randomUUID(),
});

/** A few follow-up streams with realistic events, appended through the real store. */
export async function seedStreams(
  store: EventStore,
  streams: number,
  eventsPerStream: number,
): Promise<string[]> {
  const ids = Array.from({ length: streams }, () => `follow-up-${randomUUID()}`);
  for (let v = 0; v < eventsPerStream; v++) {
    for (const [s, streamId] of ids.entries()) {
      const event: NewEvent = {
        type: v === 0 ? 'FollowUpAssigned' : 'FollowUpProgressReported',
        data: {
          note: `step ${v} of stream ${s}`,
          percent: v * 10,
          nested: { tags: ['ai', 'security'], ok: true, ratio: 0.25 },
          dueAt: '2025-07-01T09:00:00.000Z',
          émoji: 'ünïcødé ✓ "quoted" \\ back',
        },
        metadata: meta(s + v),
      };
      await store.append(streamId, [event]);
    }
  }
  return ids;
}

/**
 * Waits until every event is readable in the global order (no open transaction older than its
 * writer anywhere in the cluster: transaction ids are cluster-wide, so another database's long
 * transaction holds readers back too), so a seal made next covers all of them.
 */
export async function waitUntilAllReadable(pool: Pool, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM events WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot())`,
    );
    if (rows[0].n === '0') return;
    if (Date.now() > deadline)
      throw new Error(`${rows[0].n} events still unreadable after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
