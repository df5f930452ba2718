import { Redis } from 'ioredis';

/**
 * A Redis connection as BullMQ advises: workers retry for ever (maxRetriesPerRequest null);
 * producers get no offline queue, so a call fails fast while Redis is down instead of piling up.
 */
export function createRedis(redisUrl: string, role: 'producer' | 'worker'): Redis {
  return new Redis(redisUrl, {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    lazyConnect: false,
  });
}

/** Gives a new connection a moment to come up; a Redis that stays down is /health's business. */
export async function waitUntilReady(redis: Redis, timeoutMs: number): Promise<void> {
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
