/**
 * The whole worker app in a child process while its Redis goes away and comes back empty: it
 * stays alive, its readiness says 503 meanwhile, and afterwards an assignment is routed.
 */
import { assign, holdWorkshop } from '../../libs/routing/src/testing/routing-scenario';
import { waitFor } from '../support/database';
import { freePort } from '../support/free-port';
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
import { WHOLE_WORKER, WorkerProcess } from '../support/worker-process';

describe('a worker whose Redis goes away', () => {
  let redis: PrivateRedis;
  let env: RoutingTestEnv;
  let app: RoutingApp;
  let worker: WorkerProcess;
  let healthUrl: string;

  beforeAll(async () => {
    redis = await PrivateRedis.onFreePort();
    await redis.start();
    env = await prepareRoutingEnv('lostredis', { redisUrl: redis.url });
    app = await startRoutingApp(env, { workers: false });
    const port = await freePort();
    healthUrl = `http://127.0.0.1:${port}`;
    worker = new WorkerProcess(
      { ...workerProcessEnv(env), WORKER_HEALTH_PORT: String(port), LOG_LEVEL: 'error' },
      WHOLE_WORKER,
    );
    await worker.start(30_000);
  }, 60_000);

  afterAll(async () => {
    // After a Redis restart a BullMQ worker's close() may wait long; the drain is not what
    // this spec is about.
    await worker?.stop(10_000);
    await app?.close();
    if (env) await cleanUpRoutingEnv(env);
    await redis?.kill();
  }, 30_000);

  const readiness = async () => (await fetch(`${healthUrl}/health/ready`)).status;

  it('stays alive through the outage and routes afterwards', async () => {
    await waitFor(async () => (await readiness()) === 200, 20_000, 'the worker ready');
    const workshop = await holdWorkshop(app.bus);

    await redis.kill();
    await waitFor(async () => (await readiness()) === 503, 5000, 'readiness to say 503');
    // Routed while Redis is down: the relay commits, then holds the publish until it is back.
    const { id } = await assign(app.bus, workshop, 'KISA');
    await new Promise((r) => setTimeout(r, 2000));
    expect(worker.exited).toBeUndefined();

    await redis.start();
    await waitFor(async () => (await readiness()) === 200, 20_000, 'the worker ready again');
    await waitFor(
      async () => (await eventCounts(app.pool, 'FollowUpRouted', [id])).get(id) === 1,
      20_000,
      'the assignment routed',
    );
    expect(worker.exited).toBeUndefined();
  }, 60_000);
});
