import { Pool, PoolClient } from 'pg';
import { AgencyKind, AgencyRecord } from '../domain/decider';

interface AgencyRow {
  code: string;
  name: string;
  kind: AgencyKind;
  active: boolean;
  liaison_agency: string | null;
}

/** Every row of `agencies` as the directory's decisions see them. */
export async function readAgencies(db: Pool | PoolClient): Promise<AgencyRecord[]> {
  const { rows } = await db.query<AgencyRow>(
    'SELECT code, name, kind, active, liaison_agency FROM agencies ORDER BY kind, code',
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    active: r.active,
    ...(r.liaison_agency ? { liaisonAgency: r.liaison_agency } : {}),
  }));
}
