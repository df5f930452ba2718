import { randomUUID } from 'node:crypto';
import { AuditService, ExportCheck } from '@liaison/audit';
import { EventStore } from '@liaison/event-store';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { RecordClocks } from '../clocks/record-clocks';
import { RecordQueries } from '../reading/record-queries';
import { RecordWriter } from '../writing/record-writer';
import { RecordDisposer } from './record-disposer';

const meta = { actor: 'msit.head', role: 'bureau_head', correlation_id: 'c' };
const officer = { id: 'records.officer', role: 'records_officer' };
const who = { actor: 'records.officer', role: 'records_officer' };

/**
 * The records pieces on a real database of their own: the clocks close a task's record when it
 * is accepted, disposal tombstones its events in one transaction, and the audit's chain check,
 * seals and offline export check all pass and name the disposed range; a tombstone nobody
 * approved is still broken.
 */
describe('records: clocks, disposal and verification (integration)', () => {
  let db: ThrowawayDatabase;
  let store: EventStore;
  let writer: RecordWriter;
  let clocks: RecordClocks;
  const followUpId = randomUUID();
  const workshopId = randomUUID();
  const recordId = `follow-up-${followUpId}`;

  beforeAll(async () => {
    db = await createThrowawayDatabase('records_int', 4);
    store = new EventStore(db.pool);
    writer = new RecordWriter(db.pool, store);
    clocks = new RecordClocks(db.pool, store, writer);
    await store.append(`workshop-${workshopId}`, [
      {
        type: 'WorkshopHeld',
        schemaVersion: 1,
        data: { workshopId, title: 'AI security', heldOn: '2026-11-18', hostAgency: 'MSIT' },
        metadata: meta,
      },
    ]);
    await store.append(recordId, [
      {
        type: 'FollowUpAssigned',
        schemaVersion: 1,
        data: { followUpId, workshopId, sourceKind: 'action', title: 'Secret channel plan' },
        metadata: meta,
      },
      { type: 'FollowUpAccepted', schemaVersion: 1, data: { followUpId }, metadata: meta },
    ]);
  }, 30_000);
  afterAll(() => db.drop());

  it('closes the task and then its workshop when the task is accepted; once', async () => {
    expect(await clocks.catchUp()).toBe(2);
    expect(await clocks.catchUp()).toBe(0);
    const queries = new RecordQueries(db.pool);
    const year = new Date(Date.now() + 9 * 3_600_000).getUTCFullYear();
    expect(await queries.get(recordId)).toMatchObject({
      retention: 5,
      disposalDueOn: `${year + 6}-01-01`,
    });
    expect((await queries.get(`workshop-${workshopId}`))?.closedAt).toEqual(expect.any(String));
  });

  it('disposes in one transaction; chains, seals and the offline export all verify, naming it', async () => {
    const audit = new AuditService(db.pool, store);
    await audit.seal(who); // a seal over the events before their disposal
    const future = new Date(Date.now() + 7 * 366 * 86_400_000);
    const result = await new RecordDisposer(db.pool, store, writer).dispose(
      recordId,
      officer,
      future,
    );
    expect(result.events).toBe(2);
    await audit.seal(who);

    const report = await audit.verify(who, { workers: 1 });
    expect(report.ok).toBe(true);
    expect(report.disposed).toEqual({
      events: 2,
      ranges: [expect.objectContaining({ streamId: recordId, fromVersion: 1, toVersion: 2 })],
    });
    expect(report.seals.ok).toBe(true);

    const check = new ExportCheck();
    for await (const line of await audit.exportLines(who)) {
      for (const l of line.split('\n')) if (l !== '') check.line(l);
    }
    const offline = check.finish();
    expect(offline).toMatchObject({ ok: true, disposed: 2 });
  });

  it('a tombstone no RecordDisposed names is broken, online and offline', async () => {
    const { rows } = await db.pool.query<{ position: string }>(
      `SELECT position FROM events WHERE stream_id = $1`,
      [`workshop-${workshopId}`],
    );
    await db.pool.query(
      `UPDATE events SET data = '{"$disposed": {"record": "x", "disposal": "y"}}' WHERE position = $1`,
      [rows[0].position],
    );
    const audit = new AuditService(db.pool, store);
    const report = await audit.verify(who, { workers: 1 });
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ position: Number(rows[0].position) });
    const check = new ExportCheck();
    for await (const line of await audit.exportLines(who)) {
      for (const l of line.split('\n')) if (l !== '') check.line(l);
    }
    const offline = check.finish();
    expect(offline.ok).toBe(false);
    expect(offline.firstBroken?.position).toBe(Number(rows[0].position));
  });
});
