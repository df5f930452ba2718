import { Inject, Injectable } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { Coalescer, PG_POOL } from '@liaison/platform';
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
/** A job's identity in the ledger. */
interface JobKey {
  queue: string;
  id: string;
}

interface Settlement {
  job: FinishedJob;
  outcome: string;
  worker: string;
  followOn: readonly QueuedJob[];
}

@Injectable()
export class JobLedger {
  /** Workers ask and answer for many jobs at once: one query per turn of the event loop. */
  private readonly finishedChecks = new Coalescer<JobKey, boolean>((jobs) =>
    this.finishedAmong(jobs),
  );
  private readonly settlements = new Coalescer<Settlement, void>((items) => this.settleAll(items));

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LEDGER_POOL) private readonly asyncPool: Pool,
  ) {}

  /** Records jobs about to be handed over (the relay does it in its checkpoint transaction). */
  async record(jobs: readonly QueuedJob[], db: Db = this.pool): Promise<void> {
    if (jobs.length === 0) return;
    // Rows in key order: writers that lock the same keys take them in the same order.
    jobs = [...jobs].sort(compareKeys);
    await db.query(
      `INSERT INTO job_ledger (queue, job_id, name, payload, run_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[])
       ON CONFLICT (queue, job_id) DO NOTHING`,
      columns(jobs),
    );
  }

  async isFinished(queue: string, jobId: string): Promise<boolean> {
    return this.finishedChecks.submit({ queue, id: jobId });
  }

  private async finishedAmong(jobs: JobKey[]): Promise<PromiseSettledResult<boolean>[]> {
    const { rows } = await this.pool.query<{ queue: string; job_id: string }>({
      name: 'job-ledger-finished-among',
      text: `SELECT queue, job_id FROM job_ledger
             WHERE (queue, job_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
               AND processed_at IS NOT NULL`,
      values: [jobs.map((j) => j.queue), jobs.map((j) => j.id)],
    });
    const finished = new Set(rows.map((r) => `${r.queue}\n${r.job_id}`));
    return jobs.map((j) => ({ status: 'fulfilled', value: finished.has(`${j.queue}\n${j.id}`) }));
  }

  /**
   * Marks the job done, whether or not its row was recorded first (an upsert). The first
   * outcome stays: a later one (a duplicate run, a failure report) does not overwrite it.
   */
  async finish(job: FinishedJob, outcome: string, worker: string, db?: Db) {
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
    db?: Db,
  ): Promise<void> {
    if (db) return this.settleAllIn(db, [{ job, outcome, worker, followOn }]);
    return this.settlements.submit({ job, outcome, worker, followOn });
  }

  /**
   * Settles a turn's jobs in one statement. A job named twice keeps its first outcome; should
   * the shared statement fail, each is settled on its own so that one bad row fails only itself.
   */
  private async settleAll(items: Settlement[]): Promise<PromiseSettledResult<void>[]> {
    try {
      await this.settleAllIn(this.asyncPool, dedupe(items));
      return items.map(() => ({ status: 'fulfilled', value: undefined }));
    } catch {
      return Promise.allSettled(items.map((i) => this.settleAllIn(this.asyncPool, [i])));
    }
  }

  private async settleAllIn(db: Db, unsorted: Settlement[]): Promise<void> {
    // Rows in key order: writers that lock the same keys take them in the same order.
    const items = [...unsorted].sort((a, b) => compareKeys(a.job, b.job));
    const followOn = items.flatMap((i) => i.followOn).sort(compareKeys);
    await db.query({
      name: 'job-ledger-settle-all',
      text: `WITH follow_on AS (
         INSERT INTO job_ledger (queue, job_id, name, payload, run_at)
         SELECT * FROM unnest($7::text[], $8::text[], $9::text[], $10::jsonb[], $11::timestamptz[])
         ON CONFLICT (queue, job_id) DO NOTHING)
       INSERT INTO job_ledger (queue, job_id, name, payload, run_at, processed_at, processed_by, outcome)
       SELECT queue, job_id, name, payload, now(), now(), worker, outcome
       FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[], $6::text[])
         AS s(queue, job_id, name, payload, worker, outcome)
       ON CONFLICT (queue, job_id) DO UPDATE
         SET processed_at = now(), processed_by = EXCLUDED.processed_by, outcome = EXCLUDED.outcome
         WHERE job_ledger.processed_at IS NULL`,
      values: [
        items.map((i) => i.job.queue),
        items.map((i) => i.job.id),
        items.map((i) => i.job.name),
        items.map((i) => JSON.stringify(i.job.payload ?? null)),
        items.map((i) => i.worker),
        items.map((i) => i.outcome),
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

const key = (job: JobKey) => `${job.queue}\n${job.id}`;

/**
 * One settlement per job (a statement may not update a row twice): the first outcome, with the
 * follow-on jobs of every settlement of it.
 */
function dedupe(items: Settlement[]): Settlement[] {
  const first = new Map<string, Settlement>();
  for (const item of items) {
    const seen = first.get(key(item.job));
    if (seen) first.set(key(item.job), { ...seen, followOn: [...seen.followOn, ...item.followOn] });
    else first.set(key(item.job), item);
  }
  return [...first.values()];
}

function compareKeys(a: JobKey, b: JobKey) {
  return a.queue < b.queue ? -1 : a.queue > b.queue ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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
