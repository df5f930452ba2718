/** Injection tokens for the shared infrastructure. */
export const LIAISON_CONFIG = Symbol('LIAISON_CONFIG');
export const PG_POOL = Symbol('PG_POOL');
export const REDIS = Symbol('REDIS');
