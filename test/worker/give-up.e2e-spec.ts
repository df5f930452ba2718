/**
 * A worker waits out a Postgres outage shorter than WORKER_GIVE_UP_AFTER_MS and carries on;
 * past it, it exits with 75 and a line saying why, for the orchestrator to restart it. The
 * outage: the spec's database refuses connections (ALLOW_CONNECTIONS false) and the worker's
 * backends are terminated, as when Postgres is down.
 */
import { Client } from 'pg';
import { waitFor } from '../support/database';
import { freePort } from '../support/free-port';
import {
  cleanUpRoutingEnv,
  prepareRoutingEnv,
  RoutingTestEnv,
  workerProcessEnv,
} from '../support/routing-harness';
import { testDatabaseUrl } from '../support/throwaway-database';
import { WHOLE_WORKER, WorkerProcess } from '../support/worker-process';

const GIVE_UP_AFTER_MS = 5000;

describe('a worker that cannot reach Postgres', () => {
  let env: RoutingTestEnv;
  let admin: Client;
  let worker: WorkerProcess;
  let healthUrl: string;

  beforeAll(async () => {
    env = await prepareRoutingEnv('giveup');
    const url = new URL(testDatabaseUrl());
    url.pathname = '/postgres';
    admin = new Client({ connectionString: url.toString() });
    await admin.connect();
    const port = await freePort();
    healthUrl = `http://127.0.0.1:${port}`;
    worker = new WorkerProcess(
      {
        ...workerProcessEnv(env),
        WORKER_HEALTH_PORT: String(port),
        WORKER_GIVE_UP_AFTER_MS: String(GIVE_UP_AFTER_MS),
        WORKER_HEARTBEAT_MS: '200',
        SUBSCRIPTION_POLL_MS: '50',
        LOG_LEVEL: 'error',
      },
      WHOLE_WORKER,
    );
    await worker.start(30_000);
  }, 60_000);

  afterAll(async () => {
    await allowConnections(true).catch(() => {});
    await worker?.stop();
    await admin?.end();
    if (env) await cleanUpRoutingEnv(env);
  });

  async function allowConnections(allow: boolean): Promise<void> {
    await admin.query(`ALTER DATABASE "${env.databaseName}" ALLOW_CONNECTIONS ${allow}`);
  }

  async function takePostgresAway(): Promise<void> {
    await allowConnections(false);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
      env.databaseName,
    ]);
  }

  async function readiness(): Promise<number> {
    return (await fetch(`${healthUrl}/health/ready`)).status;
  }

  it('waits out a shorter outage: not ready meanwhile, alive and ready after', async () => {
    await waitFor(async () => (await readiness()) === 200, 20_000, 'the worker ready');
    await takePostgresAway();
    await waitFor(async () => (await readiness()) === 503, 5000, 'readiness to say 503');
    await new Promise((r) => setTimeout(r, 800));
    await allowConnections(true);
    await waitFor(async () => (await readiness()) === 200, 10_000, 'the worker ready again');
    expect(worker.exited).toBeUndefined();
  }, 30_000);

  it('exits with 75 and says why once the outage outlasts WORKER_GIVE_UP_AFTER_MS', async () => {
    const start = Date.now();
    await takePostgresAway();
    await waitFor(async () => worker.exited, GIVE_UP_AFTER_MS + 10_000, 'the worker to give up');
    expect(Date.now() - start).toBeGreaterThanOrEqual(GIVE_UP_AFTER_MS);
    expect(worker.exited).toEqual({ code: 75, signal: null });
    expect(worker.outputText).toMatch(
      /worker giving up: \S+ could not work for \d+ ms \(WORKER_GIVE_UP_AFTER_MS=5000\)/,
    );
  }, 30_000);
});
