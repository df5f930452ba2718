/**
 * The API's /health tells the truth about the worker tier: 503 "degraded" while no worker has
 * beaten within HEALTH_MAX_HEARTBEAT_AGE_MS or a subscription lags past HEALTH_MAX_LAG, 200
 * while a worker runs and keeps up. The worker answers /health, /health/live and /metrics on
 * its own port. Own database, so the lag is this spec's alone.
 */
import { assign, holdWorkshop } from '../../libs/routing/src/testing/routing-scenario';
import { TestApi } from '../support/api';
import { waitFor } from '../support/database';
import { freePort } from '../support/free-port';
import {
  cleanUpRoutingEnv,
  prepareRoutingEnv,
  RoutingApp,
  RoutingTestEnv,
  startRoutingApi,
  startRoutingApp,
  workerProcessEnv,
} from '../support/routing-harness';
import { WHOLE_WORKER, WorkerProcess } from '../support/worker-process';

interface SystemHealthBody {
  status: 'ok' | 'degraded';
  checks: Record<string, { status: string }>;
  projections: { name: string; position: number; lag: number }[];
  subscriptions: { name: string; position: number; lag: number }[];
  workers: { lastBeatAgeMs: number | null; alive: number } | null;
  thresholds: { maxLag: number; maxHeartbeatAgeMs: number };
  problems: string[];
}

const THRESHOLDS = {
  WORKER_HEARTBEAT_MS: '200',
  HEALTH_MAX_HEARTBEAT_AGE_MS: '1500',
  HEALTH_MAX_LAG: '2',
};

describe('health that sees the worker tier', () => {
  let env: RoutingTestEnv;
  let api: TestApi;
  let app: RoutingApp;
  let worker: WorkerProcess;
  let workerUrl: string;

  beforeAll(async () => {
    env = await prepareRoutingEnv('health', { routingEnv: THRESHOLDS });
    const saved = { ...process.env };
    Object.assign(process.env, THRESHOLDS);
    try {
      api = await startRoutingApi(env);
    } finally {
      for (const key of Object.keys(THRESHOLDS))
        if (saved[key] === undefined) delete process.env[key];
    }
    app = await startRoutingApp(env, { workers: false });
    const port = await freePort();
    workerUrl = `http://127.0.0.1:${port}`;
    worker = new WorkerProcess(
      { ...workerProcessEnv(env), WORKER_HEALTH_PORT: String(port), SUBSCRIPTION_POLL_MS: '50' },
      WHOLE_WORKER,
    );
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await api?.close();
    if (env) await cleanUpRoutingEnv(env);
  });

  async function systemHealth(): Promise<{ status: number; body: SystemHealthBody }> {
    const res = await fetch(`${api.url}/health`);
    const json = (await res.json()) as SystemHealthBody | { details: SystemHealthBody };
    return { status: res.status, body: 'details' in json ? json.details : json };
  }

  it('is 503 degraded while no worker has ever beaten; live and ready still answer 200', async () => {
    const { status, body } = await systemHealth();
    expect(status).toBe(503);
    expect(body.status).toBe('degraded');
    expect(body.problems).toContain('no worker has ever beaten');
    expect(body.workers).toEqual({ lastBeatAgeMs: null, alive: 0 });

    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ok',
      checks: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('is 200 ok with every subscription and the latest beat while a worker runs', async () => {
    await worker.start(30_000);
    const workshop = await holdWorkshop(app.bus);
    await assign(app.bus, workshop, 'KISA');
    const { body } = await waitFor(
      async () => {
        const health = await systemHealth();
        return health.status === 200 ? health : undefined;
      },
      20_000,
      '/health to answer 200',
    );
    expect(body.status).toBe('ok');
    expect(body.subscriptions.map((s) => s.name).sort()).toEqual([
      'projection:follow-up-board',
      'projection:search',
      'projection:workshops',
      'relay:routing',
    ]);
    expect(body.projections.map((s) => s.name).sort()).toEqual([
      'projection:follow-up-board',
      'projection:search',
      'projection:workshops',
    ]);
    expect(body.workers!.alive).toBe(1);
    expect(body.workers!.lastBeatAgeMs).toBeLessThan(1500);
    expect(body.thresholds).toEqual({ maxLag: 2, maxHeartbeatAgeMs: 1500 });
    expect(body.problems).toEqual([]);
  }, 60_000);

  it('the worker answers its own /health, /health/live and /metrics', async () => {
    const live = await fetch(`${workerUrl}/health/live`);
    expect(live.status).toBe(200);
    const ready = await waitFor(async () => {
      const res = await fetch(`${workerUrl}/health`);
      return res.status === 200 ? res : undefined;
    });
    const report = (await ready.json()) as { status: string; subscriptions: { name: string }[] };
    expect(report.status).toBe('ok');
    expect(report.subscriptions.map((s) => s.name).sort()).toEqual([
      'projection:follow-up-board',
      'projection:search',
      'projection:workshops',
      'relay:routing',
    ]);
    const metrics = await (await fetch(`${workerUrl}/metrics`)).text();
    expect(metrics).toMatch(/liaison_worker_subscription_active\{subscription="relay:routing"\} 1/);
    expect(metrics).toContain('liaison_process_cpu_seconds_total');
  });

  it('is 503 degraded, naming why, once the worker is gone and the log moves on', async () => {
    await worker.kill();
    const workshop = await holdWorkshop(app.bus);
    for (let i = 0; i < 3; i++) await assign(app.bus, workshop, 'NIS');
    const { body } = await waitFor(
      async () => {
        const health = await systemHealth();
        return health.status === 503 ? health : undefined;
      },
      10_000,
      '/health to answer 503',
    );
    expect(body.status).toBe('degraded');
    expect(body.problems.join('\n')).toMatch(/relay:routing lags \d+ \(> 2\)/);
    await waitFor(
      async () =>
        (await systemHealth()).body.problems.some((p) => p.startsWith('no worker has beaten for')),
      5000,
      'the stale heartbeat reported',
    );
    expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
  }, 30_000);
});
