import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { QueryBus } from '@nestjs/cqrs';
import { EventStore, EventWakeUps } from '@liaison/event-store';
import { Actor } from '@liaison/follow-up';
import { GetFollowUpViewQuery } from '../queries/get-follow-up-view/get-follow-up-view.query';
import { ListFollowUpsQuery } from '../queries/list-follow-ups/list-follow-ups.query';
import { WorkshopProgressQuery } from '../queries/workshop-progress/workshop-progress.query';
import { appendStreams, toNewEvent } from '../testing/append-history';
import { historyArbitrary } from '../testing/follow-up-history.arbitrary';
import { boardRows } from '../testing/read-model-rows';
import { expectedBoard } from '../testing/reference-fold';
import { startQueryContext } from '../testing/query-test-module';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { ProjectionRunners } from './projection-runners';

const auditor: Actor = { id: 'u-audit', role: 'auditor' };

async function waitFor<T>(probe: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('projection runners (own database)', () => {
  let db: ThrowawayDatabase;
  let store: EventStore;
  let wakeUps: EventWakeUps;
  let runners: ProjectionRunners;
  let bus: QueryBus;
  let closeQueries: () => Promise<void>;

  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_proj');
    store = new EventStore(db.pool);
    wakeUps = new EventWakeUps(db.pool);
    await wakeUps.start();
    // A slow poll: only the NOTIFY wake-up or a waiting reader's patience makes them fresh.
    // One event per batch, so a stream read out of version order is split across batches.
    runners = new ProjectionRunners({
      pool: db.pool,
      store,
      wakeUps,
      pollIntervalMs: 1000,
      batchSize: 1,
    });
    runners.start();
    ({ queryBus: bus, close: closeQueries } = await startQueryContext(db.pool));
  }, 60_000);
  afterAll(async () => {
    await closeQueries();
    await runners.stop();
    await wakeUps.stop();
    await db.drop();
  });

  it('keeps the board equal to the fold of the log and reports lag and activity', async () => {
    const history = fc.sample(historyArbitrary, { numRuns: 1, seed: 7 })[0];
    const head = await appendStreams(store, [...history.workshops, ...history.followUps]);
    await waitFor(async () =>
      (await runners.status()).every((s) => s.position >= head && s.lag === 0),
    );
    const status = await runners.status();
    expect(status.map((s) => s.name).sort()).toEqual([
      'projection:follow-up-board',
      'projection:search',
      'projection:workshops',
    ]);
    for (const s of status) expect(s).toMatchObject({ active: true, headPosition: head, lag: 0 });

    const log = (await store.readAll({ limit: 10_000 })).events;
    const ids = history.followUps.map((f) => f.streamId.slice('follow-up-'.length));
    expect(await boardRows(db.pool, 'public', ids)).toEqual(expectedBoard(log));
  });

  it('a query with minPosition right after an append sees that append', async () => {
    const history = fc.sample(historyArbitrary, { numRuns: 1, seed: 11 })[0];
    await appendStreams(store, history.workshops);
    for (const f of history.followUps) {
      // Step by step: after every single append the view must already show it.
      for (const [i, e] of f.events.entries()) {
        const r = await store.append(f.streamId, [toNewEvent(e)]);
        const id = f.streamId.slice('follow-up-'.length);
        const { item, stale } = await bus.execute(
          new GetFollowUpViewQuery(auditor, id, { minPosition: r.position }),
        );
        expect(stale).toBe(false);
        expect(item).toMatchObject({
          version: i + 1,
          lastEventType: e.type,
          lastPosition: r.position,
        });
      }
    }
    const w = history.workshops[0];
    const r = await store.append(w.streamId, [
      toNewEvent({
        type: 'ActionAgreed',
        data: {
          workshopId: w.streamId.slice('workshop-'.length),
          actionId: randomUUID(),
          description: 'One more',
          ownerAgency: 'KISA',
          supportingAgencies: [],
        },
      }),
    ]);
    const progress = await bus.execute(
      new WorkshopProgressQuery(auditor, w.streamId.slice('workshop-'.length), {
        minPosition: r.position,
      }),
    );
    expect(progress.stale).toBe(false);
    expect(progress.item?.actions.map((a) => a.summary)).toContain('One more');
  });

  it('sees a write committed with an older transaction id than the write before it', async () => {
    const history = fc.sample(historyArbitrary, { numRuns: 1, seed: 13 })[0];
    await appendStreams(store, history.workshops);
    const [assigned] = history.followUps[0].events;
    const streamId = history.followUps[0].streamId;
    const id = streamId.slice('follow-up-'.length);
    const older = await db.pool.connect();
    try {
      await older.query('BEGIN');
      await store.append(`test-${randomUUID()}`, [toNewEvent(assigned)], { client: older }); // takes an xid
      await store.append(streamId, [toNewEvent(assigned)]); // v1, newer xid, commits first
      const v2 = await store.append(
        streamId,
        [toNewEvent({ type: 'FollowUpCancelled', data: { followUpId: id, reason: 'late write' } })],
        { client: older, expectedVersion: 1 },
      );
      await older.query('COMMIT');
      // v2 is read before v1 (older transaction id); the board still ends at v2.
      const { item, stale } = await bus.execute(
        new GetFollowUpViewQuery(auditor, id, { minPosition: v2.position }),
      );
      expect(stale).toBe(false);
      expect(item).toMatchObject({ version: 2, status: 'cancelled' });
    } finally {
      older.release();
    }
  });

  it('answers stale: true with the current view when the projection does not catch up in time', async () => {
    const { queryBus, close } = await startQueryContext(db.pool, { freshness: { timeoutMs: 150 } });
    try {
      const history = fc.sample(historyArbitrary, { numRuns: 1, seed: 17 })[0];
      await runners.stop();
      const position = await appendStreams(store, [...history.workshops, ...history.followUps]);
      const page = await queryBus.execute(
        new ListFollowUpsQuery(auditor, { minPosition: position }),
      );
      expect(page.stale).toBe(true);
      const ids = history.followUps.map((f) => f.streamId.slice('follow-up-'.length));
      expect(page.items.filter((v) => ids.includes(v.followUpId))).toEqual([]);
      expect((await runners.status()).every((s) => !s.active && s.lag > 0)).toBe(true);
    } finally {
      runners.start();
      await close();
    }
  });
});
