import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per person whose personal fields are encrypted: their data key, wrapped by a master
 * key from the environment (its id beside it, so a rotation can rewrap row by row). Erasure sets
 * `wrapped_key` to NULL and keeps the row: the tombstone says when and why.
 */
export class CreatePersonalDataKeys1765500000000 implements MigrationInterface {
  name = 'CreatePersonalDataKeys1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE personal_data_keys (
        key_ref        text         PRIMARY KEY,
        master_key_id  text         NOT NULL,
        wrapped_key    bytea,
        created_at     timestamptz  NOT NULL DEFAULT now(),
        erased_at      timestamptz,
        erased_reason  text,
        CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE personal_data_keys');
  }
}
