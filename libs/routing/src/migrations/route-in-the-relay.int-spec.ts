import { randomUUID } from 'node:crypto';
import { QueryRunner } from 'typeorm';
import { EventStore } from '@liaison/event-store';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { RouteInTheRelay1764700000000 } from './1764700000000-route-in-the-relay';

const meta = { actor: 'head', role: 'bureau_head', correlation_id: 'c' };

/** A database from before the relay routed: a routing job relayed but never run. */
describe('migration RouteInTheRelay', () => {
  let db: ThrowawayDatabase;
  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_migration');
  });
  afterAll(() => db.drop());

  const run = () =>
    new RouteInTheRelay1764700000000().up({
      query: (sql: string) => db.pool.query(sql),
    } as unknown as QueryRunner);

  it('closes stranded routing jobs and moves the relay back to their earliest assignment', async () => {
    const store = new EventStore(db.pool);
    const assigned = (id: string) => ({
      type: 'FollowUpAssigned',
      eventId: randomUUID(),
      data: { followUpId: id, assigneeAgency: 'KISA' },
      metadata: meta,
    });
    const [early, late] = [randomUUID(), randomUUID()];
    const first = assigned(early);
    const a = await store.append(`follow-up-${early}`, [first]);
    const b = await store.append(`follow-up-${late}`, [assigned(late)]);
    await db.pool.query(
      `INSERT INTO job_ledger (queue, job_id, name, payload, run_at)
       VALUES ('routing', $1, 'route-follow-up', $2, now())`,
      [`route-${first.eventId}`, { eventId: first.eventId, followUpId: early }],
    );
    const { rows: xid } = await db.pool.query(
      'SELECT transaction_id FROM events WHERE position = $1',
      [a.position],
    );
    await db.pool.query(
      `INSERT INTO subscription_checkpoints (name, transaction_id, position)
       VALUES ('relay:routing', (SELECT transaction_id FROM events WHERE position = $1), $1)`,
      [b.position],
    );

    await run();

    const { rows: ledger } = await db.pool.query(
      "SELECT processed_by, outcome FROM job_ledger WHERE name = 'route-follow-up'",
    );
    expect(ledger).toEqual([
      { processed_by: 'migration', outcome: 'superseded: the relay routes assignments itself' },
    ]);
    const { rows: checkpoint } = await db.pool.query(
      "SELECT transaction_id, position FROM subscription_checkpoints WHERE name = 'relay:routing'",
    );
    expect(checkpoint).toEqual([
      { transaction_id: xid[0].transaction_id, position: String(a.position - 1) },
    ]);
    // the relay reads from the stranded assignment on
    const { events } = await store.readAll({
      after: { transactionId: checkpoint[0].transaction_id, position: a.position - 1 },
    });
    expect(events.map((e) => e.eventId)).toContain(first.eventId);

    await run(); // nothing stranded any more: the checkpoint stays
    const { rows: again } = await db.pool.query(
      "SELECT position FROM subscription_checkpoints WHERE name = 'relay:routing'",
    );
    expect(again).toEqual([{ position: String(a.position - 1) }]);
  });
});
