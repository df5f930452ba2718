import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The records' read table (one row per workshop and follow-up: its record class, retention,
 * clock, hold, disposal) and the clocks' checkpoint in the log. The table is written in the
 * transaction of each record event, and is rebuildable from the log.
 */
export class CreateRecords1765413100000 implements MigrationInterface {
  name = 'CreateRecords1765413100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE records (
        record_id        text         PRIMARY KEY,
        kind             text         NOT NULL CHECK (kind IN ('workshop', 'follow-up')),
        subject_id       uuid         NOT NULL,
        workshop_id      uuid,
        record_class     text         NOT NULL,
        retention        text         NOT NULL,
        closed_at        timestamptz,
        disposal_due_on  date,
        hold_reason      text,
        approved_at      timestamptz,
        disposed_at      timestamptz,
        version          integer      NOT NULL DEFAULT 0,
        updated_at       timestamptz  NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX records_due ON records (disposal_due_on)
      WHERE disposed_at IS NULL AND disposal_due_on IS NOT NULL`);
    await q.query(`CREATE INDEX records_open_by_workshop ON records (workshop_id)
      WHERE kind = 'follow-up' AND closed_at IS NULL`);
    await q.query(`
      CREATE TABLE records_clock_checkpoint (
        id              integer  PRIMARY KEY CHECK (id = 1),
        transaction_id  text     NOT NULL,
        position        bigint   NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE records_clock_checkpoint');
    await q.query('DROP TABLE records');
  }
}
