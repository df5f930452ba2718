import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint tasks (주관/협조) on the board: a contribution task's kind and lead, and a lead's
 * supporting agencies. Rows of existing tasks get none ('{}', the default dropped afterwards so
 * the table matches its definition); every task before joint tasks existed had none, so no
 * rebuild is needed.
 */
export class FollowUpBoardContributions1765140000000 implements MigrationInterface {
  name = 'FollowUpBoardContributions1765140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE follow_up_board
      ADD COLUMN kind text,
      ADD COLUMN lead_follow_up_id uuid,
      ADD COLUMN supporting_agencies text[] NOT NULL DEFAULT '{}'`);
    await q.query('ALTER TABLE follow_up_board ALTER COLUMN supporting_agencies DROP DEFAULT');
    await q.query(`CREATE INDEX follow_up_board_lead_idx
      ON follow_up_board (lead_follow_up_id) WHERE lead_follow_up_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX follow_up_board_lead_idx');
    await q.query(`ALTER TABLE follow_up_board
      DROP COLUMN supporting_agencies, DROP COLUMN lead_follow_up_id, DROP COLUMN kind`);
  }
}
