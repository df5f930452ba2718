import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks of disposed events (see disposal/disposed-events.ts): written in the disposal's
 * transaction, read by the chain check. `disposal_position` is the RecordDisposed event that
 * names the event and its hash; a mark no such event backs is not trusted.
 */
export class CreateAuditDisposedEvents1765413000000 implements MigrationInterface {
  name = 'CreateAuditDisposedEvents1765413000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_disposed_events (
        position           bigint       PRIMARY KEY,
        stream_id          text         NOT NULL,
        version            integer      NOT NULL,
        hash               bytea        NOT NULL,
        disposal_position  bigint       NOT NULL,
        record_id          text         NOT NULL,
        disposed_at        timestamptz  NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_disposed_events');
  }
}
