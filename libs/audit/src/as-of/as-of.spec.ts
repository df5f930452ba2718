import { EventStore, StoredEvent, UpcasterRegistry } from '@liaison/event-store';
import { readStateAsOf, upToFirstGap } from './as-of';

const stored = (
  version: number,
  schemaVersion: number,
  data: StoredEvent['data'],
): StoredEvent => ({
  position: version,
  transactionId: '1',
  streamId: 'person-1',
  version,
  eventId: `00000000-0000-4000-8000-00000000000${version}`,
  type: 'PersonRenamed',
  schemaVersion,
  data,
  metadata: { actor: 'a', role: 'r', correlation_id: 'c' },
  recordedAt: new Date(Date.UTC(2026, 0, version)),
  hash: 'ab',
});

describe('as-of', () => {
  it('cuts at the first missing version: a fold never skips one', () => {
    const at = (...versions: number[]) => versions.map((version) => ({ version }));
    expect(upToFirstGap(at(1, 2, 4, 5))).toEqual(at(1, 2));
    expect(upToFirstGap(at(2, 3))).toEqual([]);
    expect(upToFirstGap(at(1, 2, 3))).toEqual(at(1, 2, 3));
    expect(upToFirstGap([])).toEqual([]);
  });

  it('reads once as stored, folds through the upcasters and answers the events as stored', async () => {
    const upcasters = new UpcasterRegistry().register({
      type: 'PersonRenamed',
      fromVersion: 1,
      upcast: (d) => ({ first: String(d.name).split(' ')[0] }),
    });
    const events = [
      stored(1, 1, { name: 'Ada Lovelace' }),
      stored(2, 2, { first: 'Grace' }),
      stored(4, 2, { first: 'Recorded early by a fast clock' }),
    ];
    const reads: unknown[] = [];
    const store = {
      upcasters,
      readStream: async (...args: unknown[]) => (reads.push(args), events),
    } as unknown as EventStore;

    const folded = await readStateAsOf(
      store,
      'person-1',
      { asOf: new Date(Date.UTC(2026, 0, 9)) },
      {
        initialState: [] as string[],
        evolve: (names, e) => [...names, `v${e.schemaVersion} ${String(e.data.first)}`],
      },
    );

    expect(folded).toEqual({
      version: 2,
      state: ['v2 Ada', 'v2 Grace'],
      events: events.slice(0, 2),
    });
    expect(folded.events[0]).toBe(events[0]); // as stored, not upcast
    expect(reads).toEqual([
      ['person-1', { asOf: new Date(Date.UTC(2026, 0, 9)), toVersion: undefined, raw: true }],
    ]);
  });
});
