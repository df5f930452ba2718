import { Pool, PoolClient } from 'pg';
import { EventStore } from '@liaison/event-store';
import { inTransaction } from '@liaison/platform';
import { adoptExistingAgencies } from '../adoption/adopt-agencies';
import { DirectoryWriter } from '../commands/directory-writer';
import { AGENCY_STREAM_PREFIX, PERSON_STREAM_PREFIX } from '../domain/events';
import { projectDirectoryEvents, ProjectableEvent } from './directory-projection';

/** The directory's tables and the columns that must agree with the log. */
export const DIRECTORY_TABLES = {
  agencies: ['code', 'name', 'kind', 'active', 'liaison_agency'],
  people: [
    'id',
    'login',
    'display_name_ko',
    'display_name_en',
    'email',
    'agency',
    'roles',
    'active',
    'oidc_subject',
    'version',
    'updated_at',
  ],
  role_periods: ['person_id', 'role', 'agency', 'granted_at', 'revoked_at'],
  delegations: ['id', 'from_person', 'to_person', 'starts_at', 'ends_at', 'ended_at', 'reason'],
} as const;
type TableName = keyof typeof DIRECTORY_TABLES;
const TABLE_NAMES = Object.keys(DIRECTORY_TABLES) as TableName[];

export interface TableDifference {
  table: TableName;
  /** Rows the log implies that the table lacks (or holds otherwise). */
  missing: Record<string, unknown>[];
  /** Rows the table holds that the log does not imply. */
  unexpected: Record<string, unknown>[];
}

export interface DirectoryCheck {
  ok: boolean;
  events: number;
  differences: TableDifference[];
}

/**
 * Compares the directory's tables with the log: the whole log of `agency-*` and `person-*`
 * streams is replayed through the one projection (directory-projection.ts) into temporary tables
 * of the same names, which shadow the live ones inside the transaction, and the two are compared.
 * Nothing live is changed.
 */
export async function checkDirectory(pool: Pool): Promise<DirectoryCheck> {
  const tx = await pool.connect();
  try {
    await tx.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const events = await replayIntoShadows(tx);
    const differences = await compare(tx);
    return { ok: differences.length === 0, events, differences };
  } finally {
    // The shadows go with the transaction.
    await tx.query('ROLLBACK').catch(() => {});
    tx.release();
  }
}

/**
 * Makes the tables what the log says. Agencies that are rows without a stream are adopted first
 * (so no row is lost); then, with the tables locked against directory commands, the log is
 * replayed into shadows and the live tables are made equal to them: agencies and people updated
 * in place (other tables refer to them), role periods and delegations replaced.
 */
export async function rebuildDirectory(
  pool: Pool,
  store: EventStore,
): Promise<DirectoryCheck & { adopted: string[] }> {
  const adopted = await adoptExistingAgencies(pool, new DirectoryWriter(pool, store));
  await inTransaction(pool, async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    // Before the snapshot is taken (LOCK is no query): a command that wrote a row commits
    // first and is replayed; later ones wait, then apply their events on the rebuilt rows.
    await tx.query(
      'LOCK TABLE public.agencies, public.people, public.role_periods, public.delegations IN EXCLUSIVE MODE',
    );
    await replayIntoShadows(tx);
    await copyShadowsToLive(tx);
  });
  return { ...(await checkDirectory(pool)), adopted };
}

async function replayIntoShadows(tx: PoolClient): Promise<number> {
  for (const table of TABLE_NAMES) {
    // LIKE copies columns, defaults, checks and unique indexes (a duplicate login in the log
    // would fail here as it fails live), not foreign keys: the replay needs no order across streams.
    await tx.query(
      `CREATE TEMPORARY TABLE ${table} (LIKE public.${table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES) ON COMMIT DROP`,
    );
  }
  // Directory events are read as stored: no upcaster exists for them yet (add one here too, if
  // one is ever registered for a directory event).
  const { rows } = await tx.query<{
    stream_id: string;
    version: number;
    type: string;
    data: unknown;
    recorded_at: Date;
  }>(
    `SELECT stream_id, version, type, data, recorded_at FROM events
     WHERE starts_with(stream_id, $1) OR starts_with(stream_id, $2)
     ORDER BY position`,
    [AGENCY_STREAM_PREFIX, PERSON_STREAM_PREFIX],
  );
  const events: ProjectableEvent[] = rows.map((r) => ({
    streamId: r.stream_id,
    version: r.version,
    type: r.type,
    data: r.data,
    recordedAt: r.recorded_at,
  }));
  await projectDirectoryEvents(events, tx);
  return events.length;
}

async function compare(tx: PoolClient): Promise<TableDifference[]> {
  const differences: TableDifference[] = [];
  for (const table of TABLE_NAMES) {
    const columns = DIRECTORY_TABLES[table].join(', ');
    const except = async (a: string, b: string) =>
      (
        await tx.query<Record<string, unknown>>(
          `SELECT ${columns} FROM ${a}.${table} EXCEPT ALL SELECT ${columns} FROM ${b}.${table} LIMIT 100`,
        )
      ).rows;
    const missing = await except('pg_temp', 'public');
    const unexpected = await except('public', 'pg_temp');
    if (missing.length > 0 || unexpected.length > 0)
      differences.push({ table, missing, unexpected });
  }
  return differences;
}

async function copyShadowsToLive(tx: PoolClient): Promise<void> {
  const set = (columns: readonly string[]) => columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  // Agencies: every row the log implies, liaison links after all rows exist (they refer to each other).
  const agencyColumns = DIRECTORY_TABLES.agencies.filter((c) => c !== 'liaison_agency');
  await tx.query(
    `INSERT INTO public.agencies (${agencyColumns.join(', ')}, updated_at)
     SELECT ${agencyColumns.join(', ')}, updated_at FROM pg_temp.agencies
     ON CONFLICT (code) DO UPDATE SET ${set([...agencyColumns.slice(1), 'updated_at'])}`,
  );
  await tx.query(
    `UPDATE public.agencies a SET liaison_agency = s.liaison_agency FROM pg_temp.agencies s
     WHERE a.code = s.code AND a.liaison_agency IS DISTINCT FROM s.liaison_agency`,
  );
  const people = DIRECTORY_TABLES.people;
  await tx.query(
    `DELETE FROM public.people p WHERE NOT EXISTS (SELECT 1 FROM pg_temp.people s WHERE s.id = p.id)`,
  );
  // Logins move between people only through the log; clear them first so a swap cannot collide.
  await tx.query(
    `UPDATE public.people p SET login = p.id::text, oidc_subject = NULL FROM pg_temp.people s
     WHERE s.id = p.id AND (s.login <> p.login OR s.oidc_subject IS DISTINCT FROM p.oidc_subject)`,
  );
  await tx.query(
    `INSERT INTO public.people (${people.join(', ')}) SELECT ${people.join(', ')} FROM pg_temp.people
     ON CONFLICT (id) DO UPDATE SET ${set(people.slice(1))}`,
  );
  for (const table of ['role_periods', 'delegations'] as const) {
    const columns = DIRECTORY_TABLES[table].join(', ');
    await tx.query(`DELETE FROM public.${table}`);
    await tx.query(
      `INSERT INTO public.${table} (${columns}) SELECT ${columns} FROM pg_temp.${table}`,
    );
  }
}
