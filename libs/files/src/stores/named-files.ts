import { Pool } from 'pg';

/**
 * The hashes the log names: a `sha256` key at any depth of an event's data (a follow-up's
 * attachment, a counterpart's answer). What no event names is an orphan: an upload whose append
 * then failed or was refused.
 */
export const NAMED_FILE_HASHES = `
  SELECT DISTINCT named #>> '{}' AS sha256 FROM events,
         jsonb_path_query(data, 'strict $.**.sha256') AS named
   WHERE jsonb_typeof(named) = 'string'`;

export async function namedFileHashes(pool: Pool): Promise<Set<string>> {
  const { rows } = await pool.query<{ sha256: string }>(NAMED_FILE_HASHES);
  return new Set(rows.map((r) => r.sha256));
}
