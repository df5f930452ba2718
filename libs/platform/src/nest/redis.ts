import { Cluster, Redis, RedisOptions } from 'ioredis';
import { RedisTopology } from '../config';

/** A single server (maybe found through Sentinel) or a Cluster: BullMQ takes either. */
export type RedisClient = Redis | Cluster;

/** Where Redis is: REDIS_URL, and the Cluster or Sentinel settings beside it. */
export interface RedisTarget {
  redisUrl: string;
  redisTopology: RedisTopology;
}

/**
 * A Redis connection as BullMQ advises: workers retry for ever (maxRetriesPerRequest null);
 * producers get no offline queue, so a call fails fast while Redis is down instead of piling up.
 * A bare URL is a single server, as before.
 */
export function createRedis(
  target: RedisTarget | string,
  role: 'producer' | 'worker',
): RedisClient {
  const { redisUrl, redisTopology }: RedisTarget =
    typeof target === 'string' ? { redisUrl: target, redisTopology: { kind: 'single' } } : target;
  const behaviour = {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    lazyConnect: false,
  };
  switch (redisTopology.kind) {
    case 'single':
      return new Redis(redisUrl, behaviour);
    case 'sentinel':
      return new Redis({
        ...credentialsOf(redisUrl),
        ...behaviour,
        sentinels: redisTopology.sentinels,
        name: redisTopology.name,
        sentinelPassword: redisTopology.sentinelPassword,
        // A master demoted by a failover answers READONLY: look the new one up at once.
        reconnectOnError: (err) => err.message.startsWith('READONLY'),
      });
    case 'cluster':
      return new Cluster(redisTopology.nodes, {
        redisOptions: { ...credentialsOf(redisUrl), ...behaviour, db: undefined },
        enableOfflineQueue: behaviour.enableOfflineQueue,
        lazyConnect: false,
      });
  }
}

/** User, password, TLS and database from REDIS_URL, for the nodes that it does not name. */
function credentialsOf(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  const db = Number(url.pathname.slice(1));
  return {
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    db: Number.isInteger(db) && db > 0 ? db : undefined,
  };
}

/** Gives a new connection a moment to come up; a Redis that stays down is /health's business. */
export async function waitUntilReady(redis: RedisClient, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    redis.once('ready', done);
    function done() {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    }
  });
}
