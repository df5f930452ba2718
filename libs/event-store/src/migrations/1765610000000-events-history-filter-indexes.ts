import { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndexConcurrently } from './concurrent-index';

const INDEXES: [name: string, definition: string][] = [
  ['events_type_order_idx', 'ON events (type, transaction_id, position)'],
  ['events_actor_order_idx', `ON events ((metadata->>'actor'), transaction_id, position)`],
  [
    'events_on_behalf_of_order_idx',
    `ON events ((metadata->>'on_behalf_of'), transaction_id, position)
     WHERE metadata ? 'on_behalf_of'`,
  ],
  ['events_recorded_at_idx', 'ON events (recorded_at)'],
];

/**
 * Indexes for the auditor's filtered history (EventFilter): each starts with the filtered
 * column and goes on in global order, so "this type" or "this person" after a cursor is an
 * index range, not a walk of the whole log. A stream is already served by its unique
 * (stream_id, version) key; a time range by recorded_at. on_behalf_of is rare (대결), hence a
 * partial index. Built concurrently, outside a transaction: the log of a running system takes
 * appends while they build.
 */
export class EventsHistoryFilterIndexes1765610000000 implements MigrationInterface {
  name = 'EventsHistoryFilterIndexes1765610000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    for (const [name, definition] of INDEXES) await createIndexConcurrently(q, name, definition);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of INDEXES) await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
  }
}
