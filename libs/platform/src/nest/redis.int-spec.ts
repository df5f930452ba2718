/** createRedis against the topologies that configuration can name, each started by the spec. */
import { Queue, Worker } from 'bullmq';
import { PrivateRedisCluster } from '../../../../test/support/private-redis-cluster';
import { PrivateRedisSentinel } from '../../../../test/support/private-redis-sentinel';
import { loadConfig } from '../config';
import { createRedis, RedisClient, waitUntilReady } from './redis';

/** A job added by a producer connection is run by a worker connection: BullMQ works there. */
async function roundTrip(producer: RedisClient, worker: RedisClient, prefix: string) {
  const queue = new Queue('round-trip', { connection: producer, prefix });
  const done = new Promise<unknown>((resolve) => {
    const w: Worker = new Worker('round-trip', async (job) => job.data, {
      connection: worker,
      prefix,
    });
    w.on('error', () => {}); // reconnects while the spec kills servers
    w.on('completed', (job) => void w.close().then(() => resolve(job.returnvalue)));
  });
  await queue.add('echo', { hello: 'there' });
  const result = await done;
  await queue.close();
  return result;
}

describe('createRedis', () => {
  it('finds the master through Sentinel (REDIS_SENTINELS, REDIS_SENTINEL_NAME), and after a failover the new one', async () => {
    const sentinel = new PrivateRedisSentinel();
    await sentinel.start();
    const config = loadConfig({
      REDIS_SENTINELS: sentinel.sentinels,
      REDIS_SENTINEL_NAME: sentinel.masterName,
    });
    const producer = createRedis(config, 'producer');
    const worker = createRedis(config, 'worker');
    // As the app does: an outage is reported elsewhere, ioredis reconnects by itself.
    for (const c of [producer, worker]) c.on('error', () => {});
    try {
      await waitUntilReady(producer, 5000);
      expect(producer.status).toBe('ready');
      // The connection is to the master the Sentinel names, not to the Sentinel.
      expect(await producer.info('server')).toContain(`tcp_port:${sentinel.master!.port}`);
      expect(await roundTrip(producer, worker, 'sentinel-spec')).toEqual({ hello: 'there' });

      // The master dies; the Sentinel promotes the replica and the same connections follow.
      await sentinel.failOver();
      await waitUntilReady(producer, 10_000);
      expect(await producer.info('server')).toContain(`tcp_port:${sentinel.replicaPort}`);
      expect(await roundTrip(producer, worker, 'sentinel-spec-2')).toEqual({ hello: 'there' });
    } finally {
      producer.disconnect();
      worker.disconnect();
      await sentinel.stop();
    }
  }, 40_000);

  it('joins a Redis Cluster (REDIS_CLUSTER_NODES) from any one of its nodes', async () => {
    const cluster = new PrivateRedisCluster();
    await cluster.start(3);
    const config = loadConfig({ REDIS_CLUSTER_NODES: cluster.nodes.split(',')[0] });
    const producer = createRedis(config, 'producer');
    const worker = createRedis(config, 'worker');
    try {
      await waitUntilReady(producer, 5000);
      expect(producer.isCluster).toBe(true);
      expect(await roundTrip(producer, worker, '{cluster-spec}')).toEqual({ hello: 'there' });
    } finally {
      producer.disconnect();
      worker.disconnect();
      await cluster.stop();
    }
  }, 30_000);
});
