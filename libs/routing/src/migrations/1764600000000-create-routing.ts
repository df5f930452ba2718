import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing to agencies (libs/routing). Redis holds the queues, Postgres what must survive Redis:
 *   - job_ledger: every job handed to BullMQ, and whether its consumer finished it. Consumers
 *     check it before acting (BullMQ forgets removed job ids), and a sweep re-adds jobs that
 *     are due but unfinished, which is how work lost with a Redis restart comes back.
 *   - agency_webhooks: where an agency wants its tasks POSTed, and the signing secret.
 *   - dead_letters: deliveries that ran out of retries, for an admin to inspect and retry.
 */
export class CreateRouting1764600000000 implements MigrationInterface {
  name = 'CreateRouting1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_ledger (
        queue         text         NOT NULL,
        job_id        text         NOT NULL,
        name          text         NOT NULL,
        payload       jsonb        NOT NULL,
        run_at        timestamptz  NOT NULL,
        created_at    timestamptz  NOT NULL DEFAULT now(),
        processed_at  timestamptz,
        processed_by  text,
        outcome       text,
        PRIMARY KEY (queue, job_id)
      )`);
    await q.query(`CREATE INDEX job_ledger_pending_idx ON job_ledger (run_at)
      WHERE processed_at IS NULL`);
    await q.query(`CREATE INDEX job_ledger_processed_idx ON job_ledger (processed_at)
      WHERE processed_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE agency_webhooks (
        agency      text         PRIMARY KEY REFERENCES agencies (code),
        url         text         NOT NULL,
        secret      text         NOT NULL,
        active      boolean      NOT NULL DEFAULT true,
        created_at  timestamptz  NOT NULL DEFAULT now(),
        updated_at  timestamptz  NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE dead_letters (
        id            uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        queue         text         NOT NULL,
        job_id        text         NOT NULL,
        job_name      text         NOT NULL,
        agency        text,
        follow_up_id  uuid,
        payload       jsonb        NOT NULL,
        reason        text         NOT NULL,
        attempts      integer      NOT NULL,
        failed_at     timestamptz  NOT NULL DEFAULT now(),
        retried_at    timestamptz,
        retry_count   integer      NOT NULL DEFAULT 0,
        retry_job_id  text,
        CONSTRAINT dead_letters_job_key UNIQUE (queue, job_id)
      )`);
    await q.query(`CREATE INDEX dead_letters_failed_idx ON dead_letters (failed_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dead_letters');
    await q.query('DROP TABLE agency_webhooks');
    await q.query('DROP TABLE job_ledger');
  }
}
