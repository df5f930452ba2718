import { ConfigError, Env, envInteger as integer, envKeyPrefix } from '../config/env';

/** The API's defences at its edge, read from the environment and validated at boot. */
export interface EdgeConfig {
  /** A JSON body nesting deeper, or holding more object keys, is refused with 400. */
  jsonMaxDepth: number;
  jsonMaxKeys: number;
  /** Rate limits count requests in fixed windows of this many seconds, shared through Redis. */
  rateLimitWindowS: number;
  /** Requests per window from one address, whoever sends them; 0 turns the limit off. */
  rateLimitPerAddress: number;
  /** Requests per window from one caller (the token's subject); 0 turns the limit off. */
  rateLimitPerCaller: number;
  /** Full-log scans (audit verify and export) per window per caller; 0 turns the limit off. */
  rateLimitAuditScans: number;
  /** Sign-ins (opening a dashboard session) per window per address; 0 turns the limit off. */
  rateLimitSignIn: number;
  /** Redis key prefix of the counters: separates deployments (and spec runs) sharing a Redis. */
  rateLimitPrefix: string;
  /** A token whose exp is further than this past its iat is refused, whoever signed it. */
  jwtMaxLifetimeS: number;
  /**
   * 0: /metrics (admins) and /docs (admins, auditors) are on the API's port behind roles.
   * Otherwise they are served on this port only, for a network the public cannot reach.
   */
  opsPort: number;
  /**
   * Fastify's trustProxy: which proxies' X-Forwarded-For names the client. Behind a proxy and
   * without it, every request has the proxy's address and shares one per-address allowance.
   */
  trustProxy: boolean | string[];
  /**
   * Hours an Idempotency-Key and its stored answer are kept; older ones are purged (a retry
   * later than this runs the command again, and its key-bound event ids find the first run).
   */
  idempotencyKeyRetentionH: number;
}

const DAY_S = 86_400;

export function loadEdgeConfig(env: Env = process.env): EdgeConfig {
  // Specs share one address and a handful of callers across files: limits are off there
  // unless a spec sets them.
  const limited = env.NODE_ENV !== 'test';
  const limit = (name: string, fallback: number) =>
    integer(env, name, limited ? fallback : 0, 0, 1_000_000_000);
  const rateLimitPrefix = envKeyPrefix(env, 'RATE_LIMIT_PREFIX');
  return {
    jsonMaxDepth: integer(env, 'JSON_MAX_DEPTH', 32, 1, 512),
    jsonMaxKeys: integer(env, 'JSON_MAX_KEYS', 1000, 1, 100_000),
    rateLimitWindowS: integer(env, 'RATE_LIMIT_WINDOW_S', 60, 1, 3600),
    rateLimitPerAddress: limit('RATE_LIMIT_PER_ADDRESS', 6000),
    rateLimitPerCaller: limit('RATE_LIMIT_PER_CALLER', 3000),
    rateLimitAuditScans: limit('RATE_LIMIT_AUDIT_SCANS', 4),
    rateLimitSignIn: limit('RATE_LIMIT_SIGN_IN', 10),
    rateLimitPrefix,
    jwtMaxLifetimeS: integer(env, 'JWT_MAX_LIFETIME_S', DAY_S, 60, 30 * DAY_S),
    opsPort: integer(env, 'OPS_PORT', 0, 0, 65535),
    trustProxy: trustProxy(env.TRUST_PROXY),
    idempotencyKeyRetentionH: integer(env, 'IDEMPOTENCY_KEY_RETENTION_H', 24, 1, 24 * 365),
  };
}

/** unset or "false"; "true" (any proxy); or a comma list of the proxies' addresses and CIDRs. */
function trustProxy(raw: string | undefined): boolean | string[] {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  const entries = raw.split(',').map((e) => e.trim());
  if (entries.some((e) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(e))) {
    throw new ConfigError('TRUST_PROXY', `must be true, false or addresses (got "${raw}")`);
  }
  return entries;
}
