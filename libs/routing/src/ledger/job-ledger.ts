import { Inject, Injectable } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { LEDGER_POOL } from './ledger-pool';
import { JobName, JobPayloads } from '../queues/job-payloads';
import { QueuedJob } from '../queues/queued-job';

type Db = Pool | PoolClient;

export interface FinishedJob {
  queue: string;
  id: string;
  name: string;
  payload: unknown;
}

interface LedgerRow {
  queue: string;
  job_id: string;
  name: JobName;
  payload: JobPayloads[JobName];
  run_at: Date;
}

/**
 * What Liaison handed to BullMQ, and whether the consumer finished it (table job_ledger).
 * BullMQ forgets the ids of removed jobs, so a consumer asks here before acting; and a job
 * that is due but still unfinished long after is handed over again by the sweep.
 */
@Injectable()
export class JobLedger {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LEDGER_POOL) private readonly asyncPool: Pool,
  ) {}

  /** Records jobs about to be handed over (the relay does it in its checkpoint transaction). */
  async record(jobs: readonly QueuedJob[], db: Db = this.pool): Promise<void> {
    if (jobs.length === 0) return;
    await db.query(
      `INSERT INTO job_ledger (queue, job_id, name, payload, run_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[])
       ON CONFLICT (queue, job_id) DO NOTHING`,
      columns(jobs),
    );
  }

  async isFinished(queue: string, jobId: string, db: Db = this.pool): Promise<boolean> {
    // Named: every job asks, so each connection plans the statement once.
    const { rows } = await db.query({
      name: 'job-ledger-is-finished',
      text: 'SELECT 1 FROM job_ledger WHERE queue = $1 AND job_id = $2 AND processed_at IS NOT NULL',
      values: [queue, jobId],
    });
    return rows.length > 0;
  }

  /**
   * Marks the job done, whether or not its row was recorded first (an upsert). The first
   * outcome stays: a later one (a duplicate run, a failure report) does not overwrite it.
   */
  async finish(job: FinishedJob, outcome: string, worker: string, db: Db = this.asyncPool) {
    await this.settle(job, outcome, worker, [], db);
  }

  /**
   * Marks the job done and records the jobs it led to, in one statement. The caller has
   * added those to Redis already: should this fail, the job runs again and BullMQ drops the
   * repeated adds. A follow-on job finished before this runs keeps its finished row.
   */
  async settle(
    job: FinishedJob,
    outcome: string,
    worker: string,
    followOn: readonly QueuedJob[],
    db: Db = this.asyncPool,
  ): Promise<void> {
    await db.query({
      name: 'job-ledger-settle',
      text: `WITH follow_on AS (
         INSERT INTO job_ledger (queue, job_id, name, payload, run_at)
         SELECT * FROM unnest($7::text[], $8::text[], $9::text[], $10::jsonb[], $11::timestamptz[])
         ON CONFLICT (queue, job_id) DO NOTHING)
       INSERT INTO job_ledger (queue, job_id, name, payload, run_at, processed_at, processed_by, outcome)
       VALUES ($1, $2, $3, $4, now(), now(), $5, $6)
       ON CONFLICT (queue, job_id) DO UPDATE
         SET processed_at = now(), processed_by = $5, outcome = $6
         WHERE job_ledger.processed_at IS NULL`,
      values: [
        job.queue,
        job.id,
        job.name,
        JSON.stringify(job.payload ?? null),
        worker,
        outcome,
        ...columns(followOn),
      ],
    });
  }

  /** Jobs due before `dueBefore` that nobody finished, oldest first. */
  async unfinished(dueBefore: Date, limit: number): Promise<QueuedJob[]> {
    const { rows } = await this.pool.query<LedgerRow>(
      `SELECT queue, job_id, name, payload, run_at FROM job_ledger
       WHERE processed_at IS NULL AND run_at < $1
       ORDER BY run_at LIMIT $2`,
      [dueBefore, limit],
    );
    return rows.map(
      (r) =>
        ({
          queue: r.queue,
          id: r.job_id,
          name: r.name,
          payload: r.payload,
          runAt: r.run_at,
        }) as QueuedJob,
    );
  }

  /** Drops finished rows older than `before`; returns how many went. */
  async forgetFinished(before: Date, limit: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM job_ledger WHERE ctid IN (
         SELECT ctid FROM job_ledger WHERE processed_at < $1 LIMIT $2)`,
      [before, limit],
    );
    return rowCount ?? 0;
  }
}

function columns(jobs: readonly QueuedJob[]) {
  return [
    jobs.map((j) => j.queue),
    jobs.map((j) => j.id),
    jobs.map((j) => j.name),
    jobs.map((j) => JSON.stringify(j.payload)),
    jobs.map((j) => j.runAt),
  ];
}
