import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log. `position` is the global position (a sequence, so values commit out of order);
 * `transaction_id` lets readers take only events below the oldest open transaction, which is
 * the order that is safe under concurrent appends.
 */
export class CreateEventStore1764300000000 implements MigrationInterface {
  name = 'CreateEventStore1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        position        bigserial    PRIMARY KEY,
        transaction_id  xid8         NOT NULL DEFAULT pg_current_xact_id(),
        stream_id       text         NOT NULL,
        version         integer      NOT NULL CHECK (version > 0),
        event_id        uuid         NOT NULL,
        type            text         NOT NULL,
        schema_version  integer      NOT NULL CHECK (schema_version > 0),
        data            jsonb        NOT NULL,
        metadata        jsonb        NOT NULL,
        recorded_at     timestamptz  NOT NULL,
        hash            bytea        NOT NULL,
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, version),
        CONSTRAINT events_event_id_key UNIQUE (event_id)
      )`);
    await q.query(`CREATE INDEX events_global_order_idx ON events (transaction_id, position)`);
    await q.query(`
      CREATE TABLE subscription_checkpoints (
        name            text         PRIMARY KEY,
        transaction_id  xid8         NOT NULL DEFAULT '0',
        position        bigint       NOT NULL DEFAULT 0,
        updated_at      timestamptz  NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE subscription_checkpoints`);
    await q.query(`DROP TABLE events`);
  }
}
