/**
 * The whole worker app in a child process loses its Postgres connections (the backends holding
 * the subscriptions' advisory locks terminated, then every backend it has, as a restart of
 * Postgres would): it stays alive, takes its locks again, and what is appended afterwards is
 * projected and routed.
 */
import { Pool } from 'pg';
import { PROJECTIONS } from '@liaison/views';
import {
  assign,
  holdWorkshop,
  ScenarioWorkshop,
} from '../../libs/routing/src/testing/routing-scenario';
import { waitFor } from '../support/database';
import { freePort } from '../support/free-port';
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

interface WorkerReady {
  status: string;
  subscriptions: { name: string; active: boolean; state: string }[];
}

describe('a worker that loses its Postgres connections', () => {
  let env: RoutingTestEnv;
  let app: RoutingApp;
  let worker: WorkerProcess;
  let healthUrl: string;
  let workshop: ScenarioWorkshop;

  beforeAll(async () => {
    env = await prepareRoutingEnv('lostpg');
    app = await startRoutingApp(env, { workers: false });
    const port = await freePort();
    healthUrl = `http://127.0.0.1:${port}`;
    worker = new WorkerProcess(
      {
        ...workerProcessEnv(env),
        WORKER_HEALTH_PORT: String(port),
        WORKER_HEARTBEAT_MS: '200',
        SUBSCRIPTION_POLL_MS: '50',
        LOG_LEVEL: process.env.SPEC_LOG_LEVEL ?? 'error',
      },
      WHOLE_WORKER,
    );
    await worker.start(30_000);
    workshop = await holdWorkshop(app.bus);
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    if (env) await cleanUpRoutingEnv(env);
  });

  async function readiness(): Promise<WorkerReady | undefined> {
    try {
      return (await (await fetch(`${healthUrl}/health/ready`)).json()) as WorkerReady;
    } catch {
      return undefined;
    }
  }

  /** The worker runs every subscription: each projection and the relay. */
  async function runningAll(): Promise<boolean> {
    const report = await readiness();
    return (
      report?.status === 'ok' &&
      report.subscriptions.length === PROJECTIONS.length + 1 &&
      report.subscriptions.every((s) => s.active)
    );
  }

  /** A new assignment reaches the board and is routed. */
  async function assignmentGoesThrough(pool: Pool): Promise<void> {
    const { id } = await assign(app.bus, workshop, 'KISA');
    await waitFor(
      async () => (await eventCounts(pool, 'FollowUpRouted', [id])).get(id) === 1,
      15_000,
      'the assignment routed',
    );
    await waitFor(
      async () =>
        (await pool.query('SELECT 1 FROM follow_up_board WHERE follow_up_id = $1', [id]))
          .rowCount === 1,
      15_000,
      'the assignment on the board',
    );
  }

  /** pg_terminate_backend on the worker's backends in the spec's database. */
  async function terminateWorkerBackends(onlyLockHolders: boolean): Promise<number> {
    const { rows } = await app.pool.query<{ pid: number }>(
      `SELECT a.pid, pg_terminate_backend(a.pid) FROM pg_stat_activity a
        WHERE a.datname = current_database() AND a.application_name LIKE $1
          AND (NOT $2 OR a.pid IN (SELECT pid FROM pg_locks
                                    WHERE locktype = 'advisory' AND granted))`,
      [`%-${worker.pid}`, onlyLockHolders],
    );
    return rows.length;
  }

  it('stays alive when the backends holding its advisory locks are terminated, and resumes', async () => {
    await waitFor(runningAll, 20_000, 'the worker running every subscription');
    await assignmentGoesThrough(app.pool);

    for (let round = 0; round < 3; round++) {
      expect(await terminateWorkerBackends(true)).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, 300));
      expect(worker.exited).toBeUndefined();
      await waitFor(runningAll, 20_000, `the subscriptions running again (round ${round})`);
      await assignmentGoesThrough(app.pool);
    }
    expect(worker.exited).toBeUndefined();
  }, 120_000);

  it('stays alive when every backend it has is terminated, as in a Postgres restart', async () => {
    expect(await terminateWorkerBackends(false)).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(worker.exited).toBeUndefined();
    await waitFor(runningAll, 20_000, 'the subscriptions running again');
    await assignmentGoesThrough(app.pool);
    expect(worker.exited).toBeUndefined();
  }, 60_000);
});
