/** Reads a schema's read-model tables in the reference fold's shape (ISO times, numbers). */
import { Pool } from 'pg';
import { qualified } from '../sql-identifiers';

export async function boardRows(
  pool: Pool,
  schema: string,
  followUpIds: string[],
): Promise<Record<string, unknown>[]> {
  const { rows } = await pool.query(
    `SELECT follow_up_id, workshop_id, host_agency, source_id, source_kind, assignee_agency,
       title, status, priority, to_json(due_at) #>> '{}' AS due_at, overdue, escalated, version,
       last_position::float8 AS last_position, last_event_type,
       to_json(last_changed_at) #>> '{}' AS last_changed_at,
       to_json(created_at) #>> '{}' AS created_at, officer_id, kind, lead_follow_up_id,
       supporting_agencies, classification_level, classification_agencies, classification_people
     FROM ${qualified(schema, 'follow_up_board')}
     WHERE follow_up_id = ANY($1::uuid[]) ORDER BY follow_up_id::text`,
    [followUpIds],
  );
  return rows.map((r) => ({
    ...r,
    due_at: iso(r.due_at),
    last_changed_at: iso(r.last_changed_at),
    created_at: iso(r.created_at),
  }));
}

export async function workshopRows(
  pool: Pool,
  schema: string,
  workshopIds: string[],
): Promise<{ workshops: Record<string, unknown>[]; sources: Record<string, unknown>[] }> {
  const workshops = await pool.query(
    `SELECT workshop_id, title, host_agency, held_on::text AS held_on, counterparts,
       attending_agencies, version, last_position::float8 AS last_position,
       to_json(last_changed_at) #>> '{}' AS last_changed_at,
       to_json(created_at) #>> '{}' AS created_at
     FROM ${qualified(schema, 'workshop_progress')}
     WHERE workshop_id = ANY($1::uuid[]) ORDER BY workshop_id::text`,
    [workshopIds],
  );
  const sources = await pool.query(
    `SELECT source_id, workshop_id, source_kind, summary, agency, due_date::text AS due_date,
       version, to_json(recorded_at) #>> '{}' AS recorded_at
     FROM ${qualified(schema, 'workshop_progress_sources')}
     WHERE workshop_id = ANY($1::uuid[]) ORDER BY source_id::text`,
    [workshopIds],
  );
  return {
    workshops: workshops.rows.map((r) => ({
      ...r,
      last_changed_at: iso(r.last_changed_at),
      created_at: iso(r.created_at),
    })),
    sources: sources.rows.map((r) => ({ ...r, recorded_at: iso(r.recorded_at) })),
  };
}

/** Postgres JSON prints times in the session's zone; the fold uses ISO in UTC. */
function iso(value: string): string {
  return new Date(value).toISOString();
}
