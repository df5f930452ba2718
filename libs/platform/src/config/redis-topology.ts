import { ConfigError, Env } from './env';

/** A Redis server (or Sentinel) address. */
export interface RedisNode {
  host: string;
  port: number;
}

/**
 * How Redis is reached. REDIS_URL alone means one server; REDIS_CLUSTER_NODES a Redis Cluster
 * (any of its nodes: the client discovers the rest); REDIS_SENTINELS with REDIS_SENTINEL_NAME a
 * master found through Sentinel, followed across failovers. In the last two REDIS_URL still
 * gives the user, password, `rediss:` (TLS) and, for Sentinel, the database number.
 */
export type RedisTopology =
  | { kind: 'single' }
  | { kind: 'cluster'; nodes: RedisNode[] }
  | { kind: 'sentinel'; sentinels: RedisNode[]; name: string; sentinelPassword?: string };

/** `host:port,host:port`, IPv6 hosts in brackets (`[::1]:7000`). */
function nodeList(env: Env, name: string): RedisNode[] {
  const entries = (env[name] ?? '').split(',').map((s) => s.trim());
  return entries.map((entry) => {
    const match = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(entry);
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65535) {
      throw new ConfigError(name, `must be a comma-separated list of host:port (got "${entry}")`);
    }
    return { host: match[1].replace(/^\[|\]$/g, ''), port };
  });
}

export function loadRedisTopology(env: Env): RedisTopology {
  const cluster = env.REDIS_CLUSTER_NODES;
  const sentinels = env.REDIS_SENTINELS;
  if (cluster && sentinels) {
    throw new ConfigError('REDIS_CLUSTER_NODES', 'cannot be set together with REDIS_SENTINELS');
  }
  if (cluster) return { kind: 'cluster', nodes: nodeList(env, 'REDIS_CLUSTER_NODES') };
  if (sentinels) {
    const name = env.REDIS_SENTINEL_NAME;
    if (!name) throw new ConfigError('REDIS_SENTINEL_NAME', 'is required with REDIS_SENTINELS');
    return {
      kind: 'sentinel',
      sentinels: nodeList(env, 'REDIS_SENTINELS'),
      name,
      sentinelPassword: env.REDIS_SENTINEL_PASSWORD || undefined,
    };
  }
  if (env.REDIS_SENTINEL_NAME) {
    throw new ConfigError('REDIS_SENTINEL_NAME', 'needs REDIS_SENTINELS');
  }
  return { kind: 'single' };
}
