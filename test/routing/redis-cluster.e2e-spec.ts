/**
 * Routing on a three-node Redis Cluster started by the spec: an assignment reaches its agency
 * queue and is delivered, its timers fire, a worker in a process of its own finds the cluster
 * through REDIS_CLUSTER_NODES, and each queue's keys sit in one slot (without which BullMQ's
 * scripts fail with CROSSSLOT).
 */
import { Queue } from 'bullmq';
import {
  AgencyWebhooks,
  agencyQueue,
  jobIds,
  queueKeyPattern,
  TIMER_QUEUE,
} from '@liaison/routing';
import {
  assign,
  holdWorkshop,
  ScenarioWorkshop,
} from '../../libs/routing/src/testing/routing-scenario';
import { waitFor } from '../support/database';
import { PrivateRedisCluster } from '../support/private-redis-cluster';
import {
  cleanUpRoutingEnv,
  eventCounts,
  eventTypes,
  prepareRoutingEnv,
  RoutingApp,
  RoutingTestEnv,
  startRoutingApp,
  workerProcessEnv,
} from '../support/routing-harness';
import { WebhookReceiver } from '../support/webhook-receiver';
import { WorkerProcess } from '../support/worker-process';

const soon = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('routing on a Redis Cluster', () => {
  const cluster = new PrivateRedisCluster();
  const receiver = new WebhookReceiver();
  let env: RoutingTestEnv;
  let app: RoutingApp;
  let workshop: ScenarioWorkshop;

  beforeAll(async () => {
    await Promise.all([cluster.start(3), receiver.start()]);
    env = await prepareRoutingEnv('cluster', {
      redisClusterNodes: cluster.nodes,
      routingEnv: { REMINDER_LEAD_MS: '1000', ESCALATION_GRACE_MS: '500' },
    });
    app = await startRoutingApp(env);
    workshop = await holdWorkshop(app.bus);
    await app
      .get(AgencyWebhooks)
      .save('KISA', `${receiver.url}/kisa`, 'cluster-secret-0123456789', true);
  }, 30_000);
  afterAll(async () => {
    await app?.close();
    if (env) await cleanUpRoutingEnv(env);
    await receiver.stop();
    await cluster.stop();
  });

  it('an assignment is routed to its agency queue, delivered once, and its timers fire', async () => {
    const { id } = await assign(app.bus, workshop, 'KISA', soon(1500));
    const [assigned] = await app.store.readStream(`follow-up-${id}`);
    const job = await waitFor(
      () => app.queues.get(agencyQueue('KISA')).getJob(jobIds.deliver(assigned.eventId)),
      2000,
      'the job on agency-KISA',
    );
    expect(job.data).toMatchObject({ agency: 'KISA', task: { followUpId: id } });
    await waitFor(
      async () => (await eventTypes(app.store, id)).includes('FollowUpEscalated'),
      8000,
      'escalation',
    );

    const types = await eventTypes(app.store, id);
    for (const type of [
      'FollowUpRouted',
      'FollowUpDelivered',
      'FollowUpReminderSent',
      'FollowUpOverdue',
      'FollowUpEscalated',
    ]) {
      expect([type, types.filter((t) => t === type).length]).toEqual([type, 1]);
    }
    expect(receiver.to('/kisa').filter((r) => r.body.includes(id))).toHaveLength(1);
  });

  it('a worker process finds the cluster from REDIS_CLUSTER_NODES and routes every task once', async () => {
    const other = await prepareRoutingEnv('cluster_proc', { redisClusterNodes: cluster.nodes });
    const producer = await startRoutingApp(other, { workers: false });
    const worker = new WorkerProcess(workerProcessEnv(other));
    try {
      await worker.start();
      const shop = await holdWorkshop(producer.bus);
      const agencies = ['KISA', 'NIS', 'AISI', 'FSI'];
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push((await assign(producer.bus, shop, agencies[i % 4])).id);
      await waitFor(
        async () =>
          [...(await eventCounts(producer.pool, 'FollowUpDelivered', ids)).values()].every(
            (n) => n >= 1,
          ),
        15_000,
        'every task delivered',
      );
      expect([...(await eventCounts(producer.pool, 'FollowUpRouted', ids)).values()]).toEqual(
        ids.map(() => 1),
      );
      expect([...(await eventCounts(producer.pool, 'FollowUpDelivered', ids)).values()]).toEqual(
        ids.map(() => 1),
      );
      expect(await worker.stop()).toBe(0);
    } finally {
      await worker.kill();
      await producer.close();
      await cleanUpRoutingEnv(other);
    }
  }, 60_000);

  it("each queue's keys share one slot, and different queues different slots", async () => {
    const redis = cluster.client();
    try {
      await waitFor(async () => redis.status === 'ready', 5000, 'the cluster client');
      const slotsByQueue = new Map<string, Set<number>>();
      for (const node of redis.nodes('master')) {
        let cursor = '0';
        do {
          const [next, keys] = await node.scan(
            cursor,
            'MATCH',
            queueKeyPattern(env.prefix, true),
            'COUNT',
            1000,
          );
          for (const key of keys) {
            const queue = /^\{[^:]+:([^}]+)\}/.exec(key)![1];
            const slot = Number(await node.cluster('KEYSLOT', key));
            slotsByQueue.set(queue, (slotsByQueue.get(queue) ?? new Set()).add(slot));
          }
          cursor = next;
        } while (cursor !== '0');
      }
      expect([...slotsByQueue.keys()]).toEqual(
        expect.arrayContaining([TIMER_QUEUE, agencyQueue('KISA')]),
      );
      const slots = [...slotsByQueue.values()];
      expect(slots.map((s) => s.size)).toEqual(slots.map(() => 1));
      expect(new Set(slots.map((s) => [...s][0])).size).toBe(slots.length);
    } finally {
      redis.disconnect();
    }
  });

  it('without the hash tag, BullMQ cannot even add a job on a cluster (CROSSSLOT)', async () => {
    const redis = cluster.client();
    const queue = new Queue('untagged', { connection: redis, prefix: `${env.prefix}-plain` });
    queue.on('error', () => {});
    try {
      await expect(queue.add('deliver-task', {})).rejects.toThrow(/CROSSSLOT/);
    } finally {
      await queue.close();
      redis.disconnect();
    }
  });
});
