/**
 * With DATABASE_DIRECT_URL set, what holds session state (the relay's advisory lock and its
 * LISTEN) runs on the direct pool, so DATABASE_URL can point at a transaction-mode pooler.
 * Both URLs reach the same database here; the direct one names its sessions (application_name).
 */
import { Pool } from 'pg';
import { assign, holdWorkshop } from '../../libs/routing/src/testing/routing-scenario';
import { waitFor } from '../support/database';
import {
  cleanUpRoutingEnv,
  eventTypes,
  prepareRoutingEnv,
  RoutingApp,
  RoutingTestEnv,
  startRoutingApp,
} from '../support/routing-harness';

describe('the direct Postgres connection', () => {
  let env: RoutingTestEnv;
  let app: RoutingApp;

  beforeAll(async () => {
    const prepared = await prepareRoutingEnv('direct');
    env = { ...prepared, databaseDirectUrl: `${prepared.databaseUrl}?application_name=direct` };
    app = await startRoutingApp(env);
  });
  afterAll(async () => {
    await app?.close();
    if (env) await cleanUpRoutingEnv(env);
  });

  /** application_name of the sessions in the spec's database that match `where`. */
  const sessions = async (pool: Pool, where: string): Promise<string[]> => {
    const { rows } = await pool.query<{ application_name: string }>(
      `SELECT a.application_name FROM pg_stat_activity a
       WHERE a.datname = $1 AND ${where} ORDER BY 1`,
      [env.databaseName],
    );
    return rows.map((r) => r.application_name);
  };

  it("the relay's advisory lock and LISTEN are on the direct pool, and routing works", async () => {
    const lockHolders = () =>
      sessions(
        app.pool,
        `EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid
                   AND l.locktype = 'advisory' AND l.granted)`,
      );
    await waitFor(async () => (await lockHolders()).length > 0, 5000, 'the relay lock');
    expect(await lockHolders()).toEqual(['direct']);
    expect(await sessions(app.pool, `a.query ILIKE 'LISTEN %'`)).toEqual(['direct']);

    const workshop = await holdWorkshop(app.bus);
    const { id } = await assign(app.bus, workshop, 'KISA');
    await waitFor(
      async () => (await eventTypes(app.store, id)).includes('FollowUpDelivered'),
      5000,
      'delivery',
    );
  });
});
