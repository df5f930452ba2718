import { Pool } from 'pg';

/** A person's display name in both languages, as the directory has it now. */
export interface DisplayName {
  ko: string;
  en: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Officers' names for a page of tasks, read from the directory's `people` table when the page
 * is served: the events carry only ids (a name changes, and personal data stays out of the
 * log), so the board keeps the id and the name is looked up here, one indexed query per page
 * and none when no task on it has an officer.
 */
export async function officerNames(
  pool: Pool,
  ids: readonly (string | null)[],
): Promise<ReadonlyMap<string, DisplayName>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null && UUID.test(id)))];
  if (wanted.length === 0) return new Map();
  try {
    const { rows } = await pool.query<{ id: string; ko: string; en: string }>(
      `SELECT id::text AS id, display_name_ko AS ko, display_name_en AS en
         FROM people WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((r) => [r.id, { ko: r.ko, en: r.en }]));
  } catch (err) {
    // A database without the directory yet: ids without names.
    if ((err as { code?: string }).code === '42P01') return new Map();
    throw err;
  }
}
