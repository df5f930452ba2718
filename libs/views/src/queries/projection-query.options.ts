import { LIVE_SCHEMA } from '../projection';
import { DEFAULT_FRESHNESS, FreshnessOptions } from '../read-your-writes/projection-freshness';

/** Optional: ProjectionsQueriesModule.forRoot provides it; without it the defaults apply. */
export const PROJECTION_QUERY_OPTIONS = Symbol('PROJECTION_QUERY_OPTIONS');

export interface ProjectionQueryOptions {
  /** Schema of the read-model tables (tests use their own). */
  schema: string;
  /** How long a query with `minPosition` waits for its projections (read your writes). */
  freshness: FreshnessOptions;
}

export function queryOptions(
  options: Partial<ProjectionQueryOptions> = {},
): ProjectionQueryOptions {
  return {
    schema: options.schema ?? LIVE_SCHEMA,
    freshness: { ...DEFAULT_FRESHNESS, ...options.freshness },
  };
}
