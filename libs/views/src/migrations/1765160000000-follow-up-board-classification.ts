import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Classification on the board: the level and the names it is restricted or confidential to.
 * Rows of existing tasks are public (the defaults, dropped afterwards so the table matches its
 * definition): every task before classification existed was public, so no rebuild is needed.
 */
export class FollowUpBoardClassification1765160000000 implements MigrationInterface {
  name = 'FollowUpBoardClassification1765160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE follow_up_board
      ADD COLUMN classification_level text NOT NULL DEFAULT 'public',
      ADD COLUMN classification_agencies text[] NOT NULL DEFAULT '{}',
      ADD COLUMN classification_people text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE follow_up_board
      ALTER COLUMN classification_level DROP DEFAULT,
      ALTER COLUMN classification_agencies DROP DEFAULT,
      ALTER COLUMN classification_people DROP DEFAULT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE follow_up_board DROP COLUMN classification_people,
      DROP COLUMN classification_agencies, DROP COLUMN classification_level`);
  }
}
