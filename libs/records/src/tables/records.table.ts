import { PoolClient } from 'pg';
import { RecordState } from '../domain';
import { RecordClass, RecordKind, RetentionPeriod } from '../domain/retention';

/** One row of `records`, as the API shows it. */
export interface RecordRow {
  recordId: string;
  kind: RecordKind;
  subjectId: string;
  workshopId: string | null;
  recordClass: RecordClass;
  retention: RetentionPeriod;
  closedAt: string | null;
  disposalDueOn: string | null;
  legalHold: { reason: string } | null;
  disposalApprovedAt: string | null;
  disposedAt: string | null;
  version: number;
}

export const RECORD_COLUMNS = `record_id, kind, subject_id, workshop_id, record_class, retention,
  closed_at, to_char(disposal_due_on, 'YYYY-MM-DD') AS disposal_due_on, hold_reason,
  approved_at, disposed_at, version`;

export function recordRowOf(r: Record<string, unknown>): RecordRow {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);
  const retention = String(r.retention);
  return {
    recordId: String(r.record_id),
    kind: r.kind as RecordKind,
    subjectId: String(r.subject_id),
    workshopId: (r.workshop_id as string | null) ?? null,
    recordClass: r.record_class as RecordClass,
    retention: retention === 'permanent' ? 'permanent' : (Number(retention) as RetentionPeriod),
    closedAt: iso(r.closed_at),
    disposalDueOn: (r.disposal_due_on as string | null) ?? null,
    legalHold: r.hold_reason === null ? null : { reason: String(r.hold_reason) },
    disposalApprovedAt: iso(r.approved_at),
    disposedAt: iso(r.disposed_at),
    version: Number(r.version),
  };
}

/** A record row with its kind's defaults, when the clocks first meet its subject. */
export async function insertRecordRow(
  tx: PoolClient,
  row: { recordId: string; kind: RecordKind; subjectId: string; workshopId: string | null },
  defaults: { recordClass: RecordClass; retention: RetentionPeriod },
): Promise<void> {
  await tx.query(
    `INSERT INTO records (record_id, kind, subject_id, workshop_id, record_class, retention)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (record_id) DO NOTHING`,
    [
      row.recordId,
      row.kind,
      row.subjectId,
      row.workshopId,
      defaults.recordClass,
      String(defaults.retention),
    ],
  );
}

/** The row made what the record's stream now says (same transaction as the append). */
export async function writeRecordState(
  tx: PoolClient,
  state: RecordState,
  version: number,
  disposedAt?: Date,
): Promise<void> {
  await tx.query(
    `UPDATE records SET record_class = $2, retention = $3, closed_at = $4, disposal_due_on = $5,
       hold_reason = $6, approved_at = $7, disposed_at = COALESCE(disposed_at, $8), version = $9,
       updated_at = now()
     WHERE record_id = $1`,
    [
      state.recordId,
      state.recordClass,
      String(state.retention),
      state.closedAt ?? null,
      state.disposalDueOn,
      state.hold?.reason ?? null,
      state.approvedAt ?? null,
      state.disposed ? (disposedAt ?? new Date()) : null,
      version,
    ],
  );
}

export async function readRecordRow(
  db: { query: PoolClient['query'] },
  recordId: string,
  forUpdate = false,
): Promise<RecordRow | undefined> {
  const { rows } = await db.query(
    `SELECT ${RECORD_COLUMNS} FROM records WHERE record_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [recordId],
  );
  return rows[0] ? recordRowOf(rows[0] as Record<string, unknown>) : undefined;
}
