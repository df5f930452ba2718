import { EventStore, StoredEvent } from '@liaison/event-store';
import { Writable } from 'node:stream';
import { foldAsOf } from '../as-of/as-of';
import { loadSealKeys } from '../keys/seal-keys';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { waitUntilAllReadable } from '../testing/seed';
import { AuditService } from './audit.service';

const meta = { actor: 'head', role: 'bureau_head', correlation_id: 'c-1' };
const who = { actor: 'inspector-1', role: 'auditor' };

describe('AuditService: replay, as-of and the access log', () => {
  let db: ThrowawayDatabase;
  let audit: AuditService;
  let t1: Date;

  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_audit');
    const store = new EventStore(db.pool);
    audit = new AuditService(db.pool, store, loadSealKeys({ NODE_ENV: 'test' }));
    await store.append('follow-up-a', [
      { type: 'FollowUpAssigned', data: { status: 'assigned' }, metadata: meta },
    ]);
    await new Promise((r) => setTimeout(r, 20));
    t1 = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await store.append('follow-up-a', [
      { type: 'FollowUpAcknowledged', data: { status: 'acknowledged' }, metadata: meta },
      { type: 'FollowUpStarted', data: { status: 'in_progress' }, metadata: meta },
    ]);
    await waitUntilAllReadable(db.pool);
  });
  afterAll(() => db.drop());

  it('reads a stream as of a time or a version, as audit events', async () => {
    const asOf = await audit.stream(who, 'follow-up-a', { asOf: t1 });
    expect(asOf.map((e) => e.type)).toEqual(['FollowUpAssigned']);
    expect(asOf[0]).toMatchObject({
      streamId: 'follow-up-a',
      version: 1,
      recordedAt: expect.any(String),
    });
    expect(
      (await audit.stream(who, 'follow-up-a', { toVersion: 2 })).map((e) => e.version),
    ).toEqual([1, 2]);
  });

  it('folds the state as it stood, with any evolve function', async () => {
    const evolve = (s: { status: string; seen: number }, e: StoredEvent) => ({
      status: String(e.data.status),
      seen: s.seen + 1,
    });
    const then = await audit.stateAsOf(who, 'follow-up-a', t1, { status: 'none', seen: 0 }, evolve);
    expect(then).toEqual({
      state: { status: 'assigned', seen: 1 },
      version: 1,
      asOf: t1.toISOString(),
    });
    expect(foldAsOf([1, 2, 3], 0, (a: number, b: number) => a + b)).toBe(6);
  });

  it('replays the global order in pages with a cursor', async () => {
    const first = await audit.events(who, undefined, 2);
    expect(first.events.map((e) => e.version)).toEqual([1, 2]);
    expect(first.next).toMatch(/^\d+:\d+$/);
    const rest = await audit.events(who, first.checkpoint, 10);
    expect(rest.events.map((e) => e.version)).toEqual([3]);
  });

  it('records every read in the access log before answering', async () => {
    await audit.verify(who, { workers: 1 });
    await audit.exportTo(
      who,
      new Writable({
        write: (_c, _e, done) => done(),
      }),
    );
    const { entries } = await audit.accessEntries(who, { actor: 'inspector-1' });
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'as_of',
      'read_stream',
      'as_of',
      'replay',
      'replay',
      'verify',
      'export',
      'read_access_log',
    ]);
    expect(entries.find((e) => e.action === 'read_stream')).toMatchObject({
      target: 'follow-up-a',
      params: { asOf: null, toVersion: 2 },
    });
  });
});
