import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of the follow-up domain (libs/views). Every column is derived
 * from events only (never now()), so a rebuild reproduces the rows exactly and
 * `projections:check` can diff them. `version` is the stream version last applied to the row:
 * a projection skips events at or below it, which makes redelivery harmless.
 *
 * The same DDL lives in the projections' `*.tables.ts` for rebuilds into a side schema; a spec
 * there compares the two so they cannot drift apart.
 */
export class CreateFollowUpReadModels1764500000000 implements MigrationInterface {
  name = 'CreateFollowUpReadModels1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE follow_up_board (
        follow_up_id     uuid         PRIMARY KEY,
        workshop_id      uuid         NOT NULL,
        host_agency      text         NOT NULL,
        source_id        uuid         NOT NULL,
        source_kind      text         NOT NULL,
        assignee_agency  text         NOT NULL,
        title            text         NOT NULL,
        status           text         NOT NULL,
        priority         text         NOT NULL,
        priority_rank    smallint     GENERATED ALWAYS AS (CASE priority
                           WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0
                         END) STORED,
        due_at           timestamptz  NOT NULL,
        overdue          boolean      NOT NULL,
        escalated        boolean      NOT NULL,
        is_open          boolean      GENERATED ALWAYS AS
                           (status NOT IN ('accepted', 'cancelled')) STORED,
        version          integer      NOT NULL,
        last_position    bigint       NOT NULL,
        last_event_type  text         NOT NULL,
        last_changed_at  timestamptz  NOT NULL,
        created_at       timestamptz  NOT NULL
      )`);
    await q.query(`CREATE INDEX follow_up_board_assignee_idx
      ON follow_up_board (assignee_agency, status, due_at, follow_up_id)`);
    await q.query(`CREATE INDEX follow_up_board_host_idx
      ON follow_up_board (host_agency, status, due_at, follow_up_id)`);
    await q.query(`CREATE INDEX follow_up_board_workshop_idx ON follow_up_board (workshop_id)`);
    await q.query(`CREATE INDEX follow_up_board_overdue_idx
      ON follow_up_board (due_at, follow_up_id) WHERE overdue AND is_open`);
    await q.query(`CREATE INDEX follow_up_board_due_idx ON follow_up_board (due_at, follow_up_id)`);
    await q.query(`CREATE INDEX follow_up_board_changed_idx
      ON follow_up_board (last_changed_at, follow_up_id)`);
    await q.query(`CREATE INDEX follow_up_board_priority_idx
      ON follow_up_board (priority_rank, follow_up_id)`);

    await q.query(`
      CREATE TABLE workshop_progress (
        workshop_id         uuid         PRIMARY KEY,
        title               text         NOT NULL,
        host_agency         text         NOT NULL,
        held_on             date         NOT NULL,
        counterparts        text[]       NOT NULL,
        attending_agencies  text[]       NOT NULL,
        version             integer      NOT NULL,
        last_position       bigint       NOT NULL,
        last_changed_at     timestamptz  NOT NULL,
        created_at          timestamptz  NOT NULL
      )`);
    await q.query(`CREATE INDEX workshop_progress_host_idx
      ON workshop_progress (host_agency, held_on, workshop_id)`);
    await q.query(`CREATE INDEX workshop_progress_held_idx
      ON workshop_progress (held_on, workshop_id)`);
    await q.query(`
      CREATE TABLE workshop_progress_sources (
        source_id    uuid         PRIMARY KEY,
        workshop_id  uuid         NOT NULL,
        source_kind  text         NOT NULL,
        summary      text         NOT NULL,
        agency       text         NOT NULL,
        due_date     date,
        version      integer      NOT NULL,
        recorded_at  timestamptz  NOT NULL
      )`);
    await q.query(`CREATE INDEX workshop_progress_sources_workshop_idx
      ON workshop_progress_sources (workshop_id, version)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE workshop_progress_sources`);
    await q.query(`DROP TABLE workshop_progress`);
    await q.query(`DROP TABLE follow_up_board`);
  }
}
