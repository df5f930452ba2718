import { PoolClient } from 'pg';
import { qualified } from '../sql-identifiers';
import { WorkshopRow, WorkshopSourceRow } from './workshops.rows';

interface WorkshopRecord {
  workshop_id: string;
  title: string;
  host_agency: string;
  held_on: string;
  counterparts: string[];
  attending_agencies: string[];
  version: number;
  last_position: string;
  last_changed_at: Date;
  created_at: Date;
}

export async function loadWorkshopRows(
  tx: PoolClient,
  schema: string,
  workshopIds: string[],
): Promise<Map<string, WorkshopRow>> {
  const { rows } = await tx.query<WorkshopRecord>(
    `SELECT workshop_id, title, host_agency, held_on::text AS held_on, counterparts,
       attending_agencies, version, last_position, last_changed_at, created_at
     FROM ${qualified(schema, 'workshop_progress')} WHERE workshop_id = ANY($1::uuid[])`,
    [workshopIds],
  );
  return new Map(
    rows.map((r) => [
      r.workshop_id,
      {
        workshopId: r.workshop_id,
        title: r.title,
        hostAgency: r.host_agency,
        heldOn: r.held_on,
        counterparts: r.counterparts,
        attendingAgencies: r.attending_agencies,
        version: r.version,
        lastPosition: Number(r.last_position),
        lastChangedAt: r.last_changed_at.toISOString(),
        createdAt: r.created_at.toISOString(),
      },
    ]),
  );
}

/** Text arrays cannot travel through unnest (it would flatten them), so they go as JSON. */
export async function upsertWorkshopRows(
  tx: PoolClient,
  schema: string,
  rows: WorkshopRow[],
): Promise<void> {
  await tx.query(
    `INSERT INTO ${qualified(schema, 'workshop_progress')} AS w (workshop_id, title, host_agency,
       held_on, counterparts, attending_agencies, version, last_position, last_changed_at,
       created_at)
     SELECT u.id, u.title, u.host, u.held_on,
       ARRAY(SELECT jsonb_array_elements_text(u.counterparts)),
       ARRAY(SELECT jsonb_array_elements_text(u.attending)),
       u.version, u.position, u.changed, u.created
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::jsonb[], $6::jsonb[],
       $7::int[], $8::bigint[], $9::timestamptz[], $10::timestamptz[])
       AS u(id, title, host, held_on, counterparts, attending, version, position, changed, created)
     ON CONFLICT (workshop_id) DO UPDATE SET
       title = EXCLUDED.title, host_agency = EXCLUDED.host_agency, held_on = EXCLUDED.held_on,
       counterparts = EXCLUDED.counterparts, attending_agencies = EXCLUDED.attending_agencies,
       version = EXCLUDED.version, last_position = EXCLUDED.last_position,
       last_changed_at = EXCLUDED.last_changed_at, created_at = EXCLUDED.created_at
     WHERE w.version < EXCLUDED.version`,
    [
      rows.map((r) => r.workshopId),
      rows.map((r) => r.title),
      rows.map((r) => r.hostAgency),
      rows.map((r) => r.heldOn),
      rows.map((r) => JSON.stringify(r.counterparts)),
      rows.map((r) => JSON.stringify(r.attendingAgencies)),
      rows.map((r) => r.version),
      rows.map((r) => r.lastPosition),
      rows.map((r) => r.lastChangedAt),
      rows.map((r) => r.createdAt),
    ],
  );
}

/** A source is recorded once; a later event of the same id (a replay) leaves it as it is. */
export async function insertWorkshopSources(
  tx: PoolClient,
  schema: string,
  rows: WorkshopSourceRow[],
): Promise<void> {
  await tx.query(
    `INSERT INTO ${qualified(schema, 'workshop_progress_sources')} (source_id, workshop_id,
       source_kind, summary, agency, due_date, version, recorded_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[],
       $6::date[], $7::int[], $8::timestamptz[])
     ON CONFLICT (source_id) DO NOTHING`,
    [
      rows.map((r) => r.sourceId),
      rows.map((r) => r.workshopId),
      rows.map((r) => r.sourceKind),
      rows.map((r) => r.summary),
      rows.map((r) => r.agency),
      rows.map((r) => r.dueDate),
      rows.map((r) => r.version),
      rows.map((r) => r.recordedAt),
    ],
  );
}
