import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One open counterpart request per info request, held by the table the append's transaction
 * writes: of two racing drafts one commits, the other rolls back with its event (a 409).
 */
export class OneOpenCounterpartRequest1765121720000 implements MigrationInterface {
  name = 'OneOpenCounterpartRequest1765121720000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX counterpart_requests_one_open
      ON counterpart_requests (info_request_id) WHERE status <> 'closed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX counterpart_requests_one_open');
  }
}
