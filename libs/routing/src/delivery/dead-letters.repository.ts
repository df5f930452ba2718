import { Inject, Injectable } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { PG_POOL } from '@liaison/platform';

type Db = Pool | PoolClient;

/** A delivery that ran out of retries, kept for an admin to inspect and retry. */
export interface DeadLetter {
  id: string;
  queue: string;
  jobId: string;
  jobName: string;
  agency?: string;
  followUpId?: string;
  payload: unknown;
  reason: string;
  attempts: number;
  failedAt: Date;
  retriedAt?: Date;
  retryCount: number;
  retryJobId?: string;
}

export type NewDeadLetter = Pick<
  DeadLetter,
  'queue' | 'jobId' | 'jobName' | 'agency' | 'followUpId' | 'payload' | 'reason' | 'attempts'
>;

interface DeadLetterRow {
  id: string;
  queue: string;
  job_id: string;
  job_name: string;
  agency: string | null;
  follow_up_id: string | null;
  payload: unknown;
  reason: string;
  attempts: number;
  failed_at: Date;
  retried_at: Date | null;
  retry_count: number;
  retry_job_id: string | null;
}

const toDeadLetter = (r: DeadLetterRow): DeadLetter => ({
  id: r.id,
  queue: r.queue,
  jobId: r.job_id,
  jobName: r.job_name,
  ...(r.agency && { agency: r.agency }),
  ...(r.follow_up_id && { followUpId: r.follow_up_id }),
  payload: r.payload,
  reason: r.reason,
  attempts: r.attempts,
  failedAt: r.failed_at,
  ...(r.retried_at && { retriedAt: r.retried_at }),
  retryCount: r.retry_count,
  ...(r.retry_job_id && { retryJobId: r.retry_job_id }),
});

@Injectable()
export class DeadLetters {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Once per job: a repeated final failure (a crash mid-way) records nothing new. */
  async record(letter: NewDeadLetter, db: Db = this.pool): Promise<void> {
    await db.query(
      `INSERT INTO dead_letters (queue, job_id, job_name, agency, follow_up_id, payload, reason, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (queue, job_id) DO NOTHING`,
      [
        letter.queue,
        letter.jobId,
        letter.jobName,
        letter.agency ?? null,
        letter.followUpId ?? null,
        JSON.stringify(letter.payload),
        letter.reason,
        letter.attempts,
      ],
    );
  }

  /** Newest first; `waiting` leaves out the ones already retried. */
  async list(options: { waiting?: boolean; limit?: number } = {}): Promise<DeadLetter[]> {
    const { rows } = await this.pool.query<DeadLetterRow>(
      `SELECT * FROM dead_letters WHERE NOT $1::boolean OR retried_at IS NULL
       ORDER BY failed_at DESC, id LIMIT $2`,
      [options.waiting ?? false, options.limit ?? 100],
    );
    return rows.map(toDeadLetter);
  }

  /** The letter, locked until the caller's transaction ends (two admins retrying at once). */
  async lock(id: string, tx: PoolClient): Promise<DeadLetter | undefined> {
    const { rows } = await tx.query<DeadLetterRow>(
      'SELECT * FROM dead_letters WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows[0] && toDeadLetter(rows[0]);
  }

  async markRetried(id: string, retryJobId: string, tx: PoolClient): Promise<DeadLetter> {
    const { rows } = await tx.query<DeadLetterRow>(
      `UPDATE dead_letters
       SET retried_at = now(), retry_count = retry_count + 1, retry_job_id = $2
       WHERE id = $1 RETURNING *`,
      [id, retryJobId],
    );
    return toDeadLetter(rows[0]);
  }
}
