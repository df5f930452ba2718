/**
 * Worker processes side by side, killed, and a Redis that restarts empty: every assignment is
 * routed (and delivered) exactly once. The spec sends commands from its own process; routing
 * runs only in the child worker processes.
 */
import { Pool } from 'pg';
import { AgencyWebhooks, agencyQueue } from '@liaison/routing';
import {
  assign,
  holdWorkshop,
  ScenarioWorkshop,
} from '../../libs/routing/src/testing/routing-scenario';
import { waitFor } from '../support/database';
import { PrivateRedis } from '../support/private-redis';
import {
  cleanUpRoutingEnv,
  eventCounts,
  prepareRoutingEnv,
  RoutingApp,
  RoutingTestEnv,
  startRoutingApp,
  workerProcessEnv,
} from '../support/routing-harness';
import { WebhookReceiver } from '../support/webhook-receiver';
import { WorkerProcess } from '../support/worker-process';

const AGENCIES = ['KISA', 'NIS', 'AISI', 'FSI'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Stream {
  ids: string[];
  done: Promise<void>;
}

/** Assignments arriving one after another, `everyMs` apart, from the spec's process. */
function assignmentStream(
  app: RoutingApp,
  workshop: ScenarioWorkshop,
  count: number,
  everyMs: number,
): Stream {
  const ids: string[] = [];
  const done = (async () => {
    for (let i = 0; i < count; i++) {
      ids.push((await assign(app.bus, workshop, AGENCIES[i % AGENCIES.length])).id);
      await sleep(everyMs);
    }
  })();
  return { ids, done };
}

async function countOf(pool: Pool, type: string, ids: string[]): Promise<number[]> {
  return [...(await eventCounts(pool, type, ids)).values()];
}

/** Every task routed and delivered, and nothing left in flight that could still repeat. */
async function settled(app: RoutingApp, ids: string[], timeoutMs: number): Promise<void> {
  await waitFor(
    async () => {
      const delivered = await countOf(app.pool, 'FollowUpDelivered', ids);
      if (!delivered.every((n) => n >= 1)) return false;
      const counts = await Promise.all(
        AGENCIES.map((a) => app.queues.get(agencyQueue(a)).getJobCounts('active', 'waiting')),
      );
      return counts.every((c) => c.active === 0 && c.waiting === 0);
    },
    timeoutMs,
    'every task routed and delivered',
  );
}

async function expectEachOnce(app: RoutingApp, ids: string[]): Promise<void> {
  expect(await countOf(app.pool, 'FollowUpRouted', ids)).toEqual(ids.map(() => 1));
  expect(await countOf(app.pool, 'FollowUpDelivered', ids)).toEqual(ids.map(() => 1));
  // A delivery job is published only once its routing committed: never delivered first.
  const { rows: deliveredFirst } = await app.pool.query(
    `SELECT d.stream_id FROM events d
     WHERE d.type = 'FollowUpDelivered' AND d.stream_id = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM events r WHERE r.stream_id = d.stream_id
                         AND r.type = 'FollowUpRouted' AND r.version < d.version)`,
    [ids.map((id) => `follow-up-${id}`)],
  );
  expect(deliveredFirst).toEqual([]);
  const deliverJobs = await Promise.all(
    AGENCIES.map((a) => app.queues.get(agencyQueue(a)).getJobs(['completed', 'waiting', 'active'])),
  );
  const perTask = new Map<string, number>();
  for (const job of deliverJobs.flat()) {
    const id = (job.data as { task: { followUpId: string } }).task.followUpId;
    perTask.set(id, (perTask.get(id) ?? 0) + 1);
  }
  expect(ids.map((id) => perTask.get(id) ?? 0)).toEqual(ids.map(() => 1));
}

describe('routing across worker processes', () => {
  const cleanUps: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanUp of cleanUps.reverse()) await cleanUp().catch(() => {});
  });

  async function setUp(tag: string, redisUrl?: string) {
    const env: RoutingTestEnv = await prepareRoutingEnv(tag, { redisUrl });
    cleanUps.push(() => cleanUpRoutingEnv(env));
    const app = await startRoutingApp(env, { workers: false });
    cleanUps.push(() => app.close());
    const workshop = await holdWorkshop(app.bus);
    const worker = () => {
      const child = new WorkerProcess(workerProcessEnv(env));
      cleanUps.push(() => child.kill());
      return child;
    };
    return { env, app, workshop, worker };
  }

  it('a worker SIGKILLed in the middle of routing: after a restart every task is routed once', async () => {
    const { app, workshop, worker } = await setUp('crash');
    const first = worker();
    await first.start();
    const stream = assignmentStream(app, workshop, 60, 15);
    await waitFor(
      async () =>
        (await countOf(app.pool, 'FollowUpRouted', stream.ids)).filter(Boolean).length >= 15,
      10_000,
      'some tasks routed',
    );
    await first.kill();
    const routedAtKill = (await countOf(app.pool, 'FollowUpRouted', stream.ids)).filter(
      Boolean,
    ).length;
    const second = worker();
    await second.start();
    await stream.done;
    expect(routedAtKill).toBeLessThan(stream.ids.length);

    await settled(app, stream.ids, 20_000);
    await expectEachOnce(app, stream.ids);
    expect(await second.stop()).toBe(0); // SIGTERM drains and exits cleanly
  }, 60_000);

  it('two worker processes on the same stream of assignments: every task routed once', async () => {
    const { app, workshop, worker } = await setUp('pair');
    const workers = [worker(), worker()];
    await Promise.all(workers.map((w) => w.start()));
    const stream = assignmentStream(app, workshop, 80, 5);
    await stream.done;

    await settled(app, stream.ids, 20_000);
    await expectEachOnce(app, stream.ids);
    const { rows } = await app.pool.query<{ by: string }>(
      `SELECT DISTINCT processed_by AS by FROM job_ledger WHERE queue LIKE 'agency-%'`,
    );
    expect(rows.length).toBe(2); // one relay routes; both processes deliver some of the tasks
    expect(await Promise.all(workers.map((w) => w.stop()))).toEqual([0, 0]);
  }, 60_000);

  it('Redis restarted, empty, while assignments keep arriving: every task routed, none twice', async () => {
    const redis = await PrivateRedis.onFreePort();
    await redis.start();
    cleanUps.push(() => redis.kill());
    const { app, workshop, worker } = await setUp('redis', redis.url);
    await worker().start();

    const stream = assignmentStream(app, workshop, 60, 50);
    await sleep(800);
    // Hold delivery a moment so that routed tasks wait in Redis when it dies, and are lost.
    const agencyQueues = AGENCIES.map((a) => app.queues.get(agencyQueue(a)));
    await Promise.all(agencyQueues.map((q) => q.pause()));
    await waitFor(
      async () => {
        const counts = await Promise.all(agencyQueues.map((q) => q.getJobCounts('waiting')));
        return counts.reduce((n, c) => n + c.waiting, 0) >= 3;
      },
      5000,
      'jobs waiting',
    );
    await redis.kill(); // everything queued so far is lost with it, the paused state too
    await sleep(1200);
    await redis.start();
    await stream.done;

    await settled(app, stream.ids, 30_000);
    expect(await countOf(app.pool, 'FollowUpRouted', stream.ids)).toEqual(stream.ids.map(() => 1));
    expect(await countOf(app.pool, 'FollowUpDelivered', stream.ids)).toEqual(
      stream.ids.map(() => 1),
    );
  }, 60_000);

  it('SIGTERM drains a worker: a delivery in flight finishes before the process exits', async () => {
    const { app, workshop, worker } = await setUp('drain');
    const receiver = new WebhookReceiver().on('/slow', () => sleep(1000).then(() => 200));
    await receiver.start();
    cleanUps.push(() => receiver.stop());
    await app
      .get(AgencyWebhooks)
      .save('KISA', `${receiver.url}/slow`, 'drain-secret-0123456789', true);
    const child = worker();
    await child.start();

    const { id } = await assign(app.bus, workshop, 'KISA');
    await waitFor(async () => receiver.pending > 0, 5000, 'the webhook call in flight');
    expect(await child.stop()).toBe(0);
    expect(receiver.to('/slow').map((r) => r.status)).toEqual([200]);
    expect(await countOf(app.pool, 'FollowUpDelivered', [id])).toEqual([1]);
  }, 30_000);
});
