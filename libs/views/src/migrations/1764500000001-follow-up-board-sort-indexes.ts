import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Board indexes that serve each sort within an officer's or a bureau head's scope. Without
 * them a scoped query sorted by priority or last change walks a global index and filters, which
 * on an agency with few matching rows means reading the whole board.
 */
export class FollowUpBoardSortIndexes1764500000001 implements MigrationInterface {
  name = 'FollowUpBoardSortIndexes1764500000001';

  async up(q: QueryRunner): Promise<void> {
    for (const scope of ['assignee', 'host']) {
      const column = `${scope}_agency`;
      await q.query(`CREATE INDEX follow_up_board_${scope}_due_idx
        ON follow_up_board (${column}, due_at, follow_up_id)`);
      await q.query(`CREATE INDEX follow_up_board_${scope}_changed_idx
        ON follow_up_board (${column}, last_changed_at, follow_up_id)`);
      await q.query(`CREATE INDEX follow_up_board_${scope}_priority_idx
        ON follow_up_board (${column}, priority_rank, follow_up_id)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const scope of ['assignee', 'host']) {
      for (const sort of ['due', 'changed', 'priority']) {
        await q.query(`DROP INDEX follow_up_board_${scope}_${sort}_idx`);
      }
    }
  }
}
