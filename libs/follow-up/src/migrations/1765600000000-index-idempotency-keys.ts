import { MigrationInterface, QueryRunner } from 'typeorm';

/** The purge of keys past their retention (IDEMPOTENCY_KEY_RETENTION_H) finds them by age. */
export class IndexIdempotencyKeys1765600000000 implements MigrationInterface {
  name = 'IndexIdempotencyKeys1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX idempotency_keys_created_at');
  }
}
