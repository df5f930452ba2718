import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each worker process writes one row here every few seconds (libs/platform/src/health/
 * worker-heartbeats.ts), so the API's /health can tell a live worker tier from a dead one. Rows
 * of workers gone for a day are pruned by the beats of the others.
 */
export class WorkerHeartbeats1764800000000 implements MigrationInterface {
  name = 'WorkerHeartbeats1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE worker_heartbeats (
        worker_id      text         PRIMARY KEY,
        started_at     timestamptz  NOT NULL DEFAULT now(),
        beat_at        timestamptz  NOT NULL DEFAULT now(),
        subscriptions  jsonb        NOT NULL DEFAULT '[]'
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE worker_heartbeats`);
  }
}
