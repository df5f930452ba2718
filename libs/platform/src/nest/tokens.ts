/** Injection tokens for the shared infrastructure. */
export const LIAISON_CONFIG = Symbol('LIAISON_CONFIG');
export const PG_POOL = Symbol('PG_POOL');
export const REDIS = Symbol('REDIS');
/** Postgres without a pooler in between, for session state; PG_POOL itself unless configured. */
export const DIRECT_PG_POOL = Symbol('DIRECT_PG_POOL');
