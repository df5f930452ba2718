import { PoolClient } from 'pg';
import { StreamRange } from './chain-scan';

/**
 * Splits the stream-id space into about `parts` ranges of similar event counts, at stream
 * boundaries (a stream is never split: its chain is checked in one place).
 */
export async function splitStreams(
  db: PoolClient,
  total: number,
  parts: number,
): Promise<StreamRange[]> {
  const bounds: string[] = [];
  for (let k = 1; k < parts; k++) {
    const { rows } = await db.query<{ stream_id: string }>(
      'SELECT stream_id FROM events ORDER BY stream_id LIMIT 1 OFFSET $1',
      [Math.floor((k * total) / parts)],
    );
    const bound = rows[0]?.stream_id;
    if (bound !== undefined && bound !== bounds[bounds.length - 1]) bounds.push(bound);
  }
  const edges: (string | null)[] = [null, ...bounds, null];
  return edges.slice(1).map((to, i) => ({ from: edges[i], to }));
}

export async function countEvents(db: PoolClient): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM events');
  return Number(rows[0].n);
}

/** The log's last position: at least the number of events, and found at once in the index. */
export async function lastPosition(db: PoolClient): Promise<number> {
  const { rows } = await db.query<{ p: string | null }>('SELECT max(position) AS p FROM events');
  return Number(rows[0].p ?? 0);
}
