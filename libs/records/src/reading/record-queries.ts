import { Pool } from 'pg';
import { RECORD_COLUMNS, RecordRow, recordRowOf } from '../tables/records.table';

/** A record on the disposal review: due, and whether a hold keeps it. */
export interface DisposalReviewItem extends RecordRow {
  /** False while a legal hold stands: listed, so the hold is seen, but not disposable. */
  disposable: boolean;
}

export class RecordQueries {
  constructor(private readonly pool: Pool) {}

  async get(recordId: string): Promise<RecordRow | undefined> {
    const { rows } = await this.pool.query(
      `SELECT ${RECORD_COLUMNS} FROM records WHERE record_id = $1`,
      [recordId],
    );
    return rows[0] ? recordRowOf(rows[0] as Record<string, unknown>) : undefined;
  }

  /** 폐기 심의 대상: closed records whose retention ended on or before `on` (a Korean day). */
  async disposalReview(on: string, limit = 200): Promise<DisposalReviewItem[]> {
    const { rows } = await this.pool.query(
      `SELECT ${RECORD_COLUMNS} FROM records
        WHERE disposed_at IS NULL AND disposal_due_on IS NOT NULL AND disposal_due_on <= $1::date
        ORDER BY disposal_due_on, record_id LIMIT $2`,
      [on, limit],
    );
    return rows.map((r) => {
      const row = recordRowOf(r as Record<string, unknown>);
      return { ...row, disposable: row.legalHold === null };
    });
  }
}
