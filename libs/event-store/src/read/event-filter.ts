/**
 * A sieve over the global log, applied in Postgres (each clause has an index that starts with
 * its column and continues in global order, so a rare type or a person's events are found
 * without reading the log past them). Absent fields do not filter.
 */
export interface EventFilter {
  /** The event's type, exactly (FollowUpAccepted). */
  type?: string;
  /** One stream. */
  streamId?: string;
  /** Who acted: the metadata's `actor`, or the person acted for (`on_behalf_of`, 대결). */
  actor?: string;
  /** Recorded at or after this instant. */
  from?: Date;
  /** Recorded before this instant. */
  to?: Date;
}

/**
 * The filter's SQL conditions, numbered from `$<first>`, with their values. Only the present
 * clauses are written, so the planner sees each one as it is (no `$n IS NULL OR …` that would
 * hide an index from a generic plan).
 */
export function eventFilterSql(
  filter: EventFilter | undefined,
  first: number,
): { sql: string; values: unknown[] } {
  const clauses: string[] = [];
  const values: unknown[] = [];
  const next = (value: unknown) => {
    values.push(value);
    return `$${first + values.length - 1}`;
  };
  if (filter?.type !== undefined) clauses.push(`type = ${next(filter.type)}`);
  if (filter?.streamId !== undefined) clauses.push(`stream_id = ${next(filter.streamId)}`);
  if (filter?.actor !== undefined) {
    const actor = next(filter.actor);
    // The partial index on on_behalf_of is used only when its predicate is in the query.
    clauses.push(
      `(metadata->>'actor' = ${actor} OR (metadata ? 'on_behalf_of' AND metadata->>'on_behalf_of' = ${actor}))`,
    );
  }
  if (filter?.from !== undefined) clauses.push(`recorded_at >= ${next(filter.from)}`);
  if (filter?.to !== undefined) clauses.push(`recorded_at < ${next(filter.to)}`);
  return { sql: clauses.map((c) => `AND ${c}`).join(' '), values };
}
