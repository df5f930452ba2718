import { Pool } from 'pg';
import { agencyDecider, agencyStreamId } from '../domain';
import { systemMeta } from '../commands/directory-command-meta';
import { DirectoryWriter } from '../commands/directory-writer';
import { readAgencies } from '../tables/agency-rows';

/**
 * Databases older than the directory's streams hold agencies as bare rows (the follow-up lib's
 * migration seeded them; operators may have added more by hand). Each row without an
 * `agency-<CODE>` stream gets one: AgencyRegistered (`adopted: true`) with the row's values, and
 * AgencyUpdated `active: false` for an inactive row. The row itself is left as it is.
 *
 * Idempotent and safe to run from several processes at once: a stream that exists is skipped,
 * and two adopters racing on one stream meet at its expected version (the loser decides again
 * and finds nothing to do). Runs when the API boots (DirectoryAdoption) and from the CLI.
 */
export async function adoptExistingAgencies(
  pool: Pool,
  writer: DirectoryWriter,
): Promise<string[]> {
  const agencies = await readAgencies(pool);
  const { rows } = await pool.query<{ stream_id: string }>(
    'SELECT DISTINCT stream_id FROM events WHERE stream_id = ANY($1::text[])',
    [agencies.map((a) => agencyStreamId(a.code))],
  );
  const streams = new Set(rows.map((r) => r.stream_id));
  const adopted: string[] = [];
  for (const agency of agencies) {
    const streamId = agencyStreamId(agency.code);
    if (streams.has(streamId)) continue;
    const meta = systemMeta('directory-adoption');
    const result = await writer.write(
      agencyDecider,
      streamId,
      { kind: 'AdoptAgency', agency },
      meta,
    );
    if (result.changed) adopted.push(agency.code);
  }
  return adopted;
}
