import { PoolClient } from 'pg';
import { FOLLOW_UP_COLUMNS, FollowUpRecord, toFollowUpView } from '../queries/follow-up-view';
import { qualified } from '../sql-identifiers';
import { BoardRow } from './follow-up-board.row';

export async function loadBoardRows(
  tx: PoolClient,
  schema: string,
  followUpIds: string[],
): Promise<Map<string, BoardRow>> {
  const { rows } = await tx.query<FollowUpRecord>(
    `SELECT ${FOLLOW_UP_COLUMNS} FROM ${qualified(schema, 'follow_up_board')}
     WHERE follow_up_id = ANY($1::uuid[])`,
    [followUpIds],
  );
  return new Map(rows.map((r) => [r.follow_up_id, toFollowUpView(r)]));
}

/**
 * One statement for the whole batch. The version guard repeats the skip rule in SQL, so even a
 * stale writer (a rebuild swap racing the live runner) can never move a row backwards.
 */
export async function upsertBoardRows(
  tx: PoolClient,
  schema: string,
  rows: BoardRow[],
): Promise<void> {
  const col = <K extends keyof BoardRow>(k: K) => rows.map((r) => r[k]);
  await tx.query(
    `INSERT INTO ${qualified(schema, 'follow_up_board')} AS b (${FOLLOW_UP_COLUMNS})
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[],
       $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::bool[],
       $12::bool[], $13::int[], $14::bigint[], $15::text[], $16::timestamptz[],
       $17::timestamptz[])
     ON CONFLICT (follow_up_id) DO UPDATE SET
       workshop_id = EXCLUDED.workshop_id, host_agency = EXCLUDED.host_agency,
       source_id = EXCLUDED.source_id, source_kind = EXCLUDED.source_kind,
       assignee_agency = EXCLUDED.assignee_agency, title = EXCLUDED.title,
       status = EXCLUDED.status, priority = EXCLUDED.priority, due_at = EXCLUDED.due_at,
       overdue = EXCLUDED.overdue, escalated = EXCLUDED.escalated, version = EXCLUDED.version,
       last_position = EXCLUDED.last_position, last_event_type = EXCLUDED.last_event_type,
       last_changed_at = EXCLUDED.last_changed_at, created_at = EXCLUDED.created_at
     WHERE b.version < EXCLUDED.version`,
    [
      col('followUpId'),
      col('workshopId'),
      col('hostAgency'),
      col('sourceId'),
      col('sourceKind'),
      col('assigneeAgency'),
      col('title'),
      col('status'),
      col('priority'),
      col('dueAt'),
      col('overdue'),
      col('escalated'),
      col('version'),
      col('lastPosition'),
      col('lastEventType'),
      col('lastChangedAt'),
      col('createdAt'),
    ],
  );
}
