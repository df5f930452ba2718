import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The board names each task's officer (담당자): FollowUpAssigned, FollowUpReassigned,
 * FollowUpClaimed and FollowUpHandedOver carry it. Rows of existing tasks have none until
 * `npm run projections:rebuild follow-up-board`, which is right for every task assigned before
 * officers existed (none was named).
 */
export class FollowUpBoardOfficer1764930000000 implements MigrationInterface {
  name = 'FollowUpBoardOfficer1764930000000';

  // IF NOT EXISTS: a development database may have run this step under an earlier name.
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE follow_up_board ADD COLUMN IF NOT EXISTS officer_id text');
    await q.query(`CREATE INDEX IF NOT EXISTS follow_up_board_officer_idx
      ON follow_up_board (officer_id, due_at, follow_up_id) WHERE officer_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX follow_up_board_officer_idx');
    await q.query('ALTER TABLE follow_up_board DROP COLUMN officer_id');
  }
}
