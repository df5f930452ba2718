/** Appends generated histories through the real event store, stream by stream or step by step. */
import { EventStore, NewEvent } from '@liaison/event-store';
import { DomainEvent } from '@liaison/follow-up';
import { StreamHistory } from './follow-up-history.arbitrary';

const META = { actor: 'tester', role: 'system', correlation_id: 'projection-spec' };

export function toNewEvent(e: DomainEvent): NewEvent {
  return { type: e.type, data: { ...e.data }, metadata: META };
}

/** Whole streams, one append each; returns the last position written. */
export async function appendStreams(
  store: EventStore,
  streams: readonly StreamHistory[],
): Promise<number> {
  let position = 0;
  for (const s of streams) {
    const r = await store.append(s.streamId, s.events.map(toNewEvent));
    position = Math.max(position, r.position);
  }
  return position;
}
