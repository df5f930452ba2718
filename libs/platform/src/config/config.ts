import { randomBytes } from 'node:crypto';
import { ConfigError, Env, envInteger as integer } from './env';
import { loadRedisTopology, RedisTopology } from './redis-topology';

export { ConfigError };

/** Process configuration, read once from the environment and validated at boot. */
export interface LiaisonConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  databaseUrl: string;
  /**
   * Straight to Postgres, never through a transaction-mode pooler: for what holds session state
   * (LISTEN wake-ups, the subscriptions' advisory locks). The same as databaseUrl unless set.
   */
  databaseDirectUrl: string;
  redisUrl: string;
  /** A single server, a Cluster or Sentinel (REDIS_CLUSTER_NODES, REDIS_SENTINELS). */
  redisTopology: RedisTopology;
  /**
   * The shared secret of HS256 bearer tokens, accepted only when `hs256Enabled`. In production
   * it is a random value no one holds (JWT_SECRET may not be set there), so nothing verifies.
   */
  jwtSecret: string;
  /** Shared-secret HS256 tokens are accepted: development and test only (AUTH_HS256). */
  hs256Enabled: boolean;
  /** NODE_ENV was development or test, set explicitly: the committed development defaults apply. */
  developmentDefaults: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  dbPoolSize: number;
  /** How often a subscription polls when no NOTIFY arrives. */
  subscriptionPollMs: number;
  /** A worker that cannot do its job this long (Postgres or Redis gone, a call that never
   * returns) exits with a non-zero code, to be restarted. */
  workerGiveUpAfterMs: number;
  /** The worker's own /health and /metrics; 0 picks any free port. */
  workerHealthPort: number;
  /** How often a worker records its heartbeat in Postgres. */
  workerHeartbeatMs: number;
  /** The API's /health is degraded past this many positions of lag on any subscription. */
  healthMaxLag: number;
  /** …and when no worker has beaten for this long. */
  healthMaxHeartbeatAgeMs: number;
}

const PG = ['postgres:', 'postgresql:'];
const DEV_JWT_SECRET = 'liaison-development-secret-do-not-use-in-production';

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name] ?? fallback;
  if (!allowed.includes(value as T)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const raw = env[name] ?? fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a URL (got "${raw}")`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
  }
  return raw;
}

/**
 * The mode the process runs in. Unset is production: the committed development secrets (the JWT
 * secret here, the audit seal key in libs/audit) apply only when someone says
 * NODE_ENV=development or test, never because a variable was forgotten on a server.
 */
export function nodeEnvOf(env: Env): LiaisonConfig['nodeEnv'] {
  return oneOf(env, 'NODE_ENV', ['development', 'test', 'production'], 'production');
}

/** True under an explicit NODE_ENV=development or test. */
export function isDevelopmentMode(env: Env): boolean {
  return nodeEnvOf(env) !== 'production';
}

/**
 * HS256 tokens: on by default in development and test (AUTH_HS256=false turns them off there);
 * production refuses to start with JWT_SECRET set or AUTH_HS256=true, since anyone holding the
 * shared secret can be anyone.
 */
function sharedSecretTokens(env: Env, nodeEnv: LiaisonConfig['nodeEnv']) {
  const flag = oneOf(env, 'AUTH_HS256', ['true', 'false', ''], '');
  if (nodeEnv === 'production') {
    if (env.JWT_SECRET !== undefined && env.JWT_SECRET !== '') {
      throw new ConfigError(
        'JWT_SECRET',
        'must not be set in production: shared-secret (HS256) tokens are accepted only under ' +
          "NODE_ENV=development or test; machines use API keys or the IdP's tokens",
      );
    }
    if (flag === 'true') {
      throw new ConfigError('AUTH_HS256', 'must not be true in production');
    }
    // Nobody holds this value: every HS256 token fails its signature, whatever the flag.
    return { jwtSecret: randomBytes(32).toString('hex'), hs256Enabled: false };
  }
  const jwtSecret = env.JWT_SECRET || DEV_JWT_SECRET;
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  return { jwtSecret, hs256Enabled: flag !== 'false' };
}

export function loadConfig(env: Env = process.env): LiaisonConfig {
  const nodeEnv = nodeEnvOf(env);
  const { jwtSecret, hs256Enabled } = sharedSecretTokens(env, nodeEnv);
  // Tests never touch the app's database, whatever DATABASE_URL says.
  const databaseUrl =
    nodeEnv === 'test'
      ? url(env, 'TEST_DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/liaison_test', PG)
      : url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/liaison', PG);
  const directName = nodeEnv === 'test' ? 'TEST_DATABASE_DIRECT_URL' : 'DATABASE_DIRECT_URL';
  return {
    nodeEnv,
    port: integer(env, 'PORT', 3000, 1, 65535),
    databaseUrl,
    databaseDirectUrl: env[directName] ? url(env, directName, databaseUrl, PG) : databaseUrl,
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisTopology: loadRedisTopology(env),
    jwtSecret,
    hs256Enabled,
    developmentDefaults: nodeEnv !== 'production',
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 20, 1, 500),
    subscriptionPollMs: integer(env, 'SUBSCRIPTION_POLL_MS', 500, 10, 60_000),
    ...workerHealth(env),
  };
}

const DAY_MS = 86_400_000;

function workerHealth(env: Env) {
  const workerHeartbeatMs = integer(env, 'WORKER_HEARTBEAT_MS', 5000, 100, 600_000);
  const healthMaxHeartbeatAgeMs = integer(env, 'HEALTH_MAX_HEARTBEAT_AGE_MS', 30_000, 200, DAY_MS);
  // Otherwise a healthy worker would look dead between two beats.
  if (healthMaxHeartbeatAgeMs <= workerHeartbeatMs) {
    throw new ConfigError(
      'HEALTH_MAX_HEARTBEAT_AGE_MS',
      `must exceed WORKER_HEARTBEAT_MS (${healthMaxHeartbeatAgeMs} <= ${workerHeartbeatMs})`,
    );
  }
  return {
    workerGiveUpAfterMs: integer(env, 'WORKER_GIVE_UP_AFTER_MS', 300_000, 1000, DAY_MS),
    workerHealthPort: integer(env, 'WORKER_HEALTH_PORT', 3001, 0, 65535),
    workerHeartbeatMs,
    healthMaxLag: integer(env, 'HEALTH_MAX_LAG', 5000, 0, Number.MAX_SAFE_INTEGER),
    healthMaxHeartbeatAgeMs,
  };
}
