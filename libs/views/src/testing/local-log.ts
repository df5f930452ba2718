/** Turns generated histories into stored events without a database: positions, versions and
 * times as the store would assign them, for specs that feed projections directly. */
import { StoredEvent } from '@liaison/event-store';
import { StreamHistory } from './follow-up-history.arbitrary';

const BASE_TIME = Date.parse('2025-03-01T00:00:00.000Z');

/** Interleaves the streams (each stream keeps its order), numbering globally from `from`. */
export function localLog(
  streams: readonly StreamHistory[],
  picks: readonly number[],
  from = 1,
): StoredEvent[] {
  const cursors = streams.map(() => 0);
  const out: StoredEvent[] = [];
  let remaining = streams.map((_, i) => i).filter((i) => streams[i].events.length > 0);
  for (let n = 0; remaining.length > 0; n++) {
    const k = remaining[(picks[n % Math.max(1, picks.length)] ?? 0) % remaining.length];
    const s = streams[k];
    const e = s.events[cursors[k]];
    cursors[k]++;
    const position = from + out.length;
    out.push({
      position,
      transactionId: String(position),
      streamId: s.streamId,
      version: cursors[k],
      eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
      type: e.type,
      schemaVersion: 1,
      data: { ...e.data },
      metadata: { actor: 'tester', role: 'system', correlation_id: 'c' },
      recordedAt: new Date(BASE_TIME + position * 1000),
      hash: '',
    });
    if (cursors[k] >= s.events.length) remaining = remaining.filter((i) => i !== k);
  }
  return out;
}
