import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { startTestApi, TestApi } from './support/api';
import { testPool, waitFor } from './support/database';
import { createWorkshop, msitHead } from './support/fixtures';
import { call } from './support/http';

/**
 * Idempotency keys do not pile up for ever: the API purges the ones older than
 * IDEMPOTENCY_KEY_RETENTION_H (here 2 h) beside its requests, and keeps the younger ones.
 */
describe('Idempotency-Key retention', () => {
  let api: TestApi;
  let pool: Pool;
  beforeAll(async () => {
    process.env.IDEMPOTENCY_KEY_RETENTION_H = '2';
    api = await startTestApi();
    pool = testPool(2);
  });
  afterAll(async () => {
    delete process.env.IDEMPOTENCY_KEY_RETENTION_H;
    await api.close();
    await pool.end();
  });

  it('purges keys past the retention, keeps younger ones', async () => {
    const actor = `spec-${randomUUID()}`;
    await pool.query(
      `INSERT INTO idempotency_keys (actor, key, request_hash, response, completed_at, created_at)
       VALUES ($1, 'old', 'h', '{}', now() - interval '3 hours', now() - interval '3 hours'),
              ($1, 'young', 'h', '{}', now() - interval '1 hour', now() - interval '1 hour')`,
      [actor],
    );
    // any command with a key, as callers send them
    const w = await createWorkshop(api.url);
    const res = await call(
      api.url,
      'POST',
      `/v1/workshops/${w.workshopId}/actions`,
      msitHead,
      { description: 'retention', ownerAgency: 'KISA' },
      { 'idempotency-key': randomUUID() },
    );
    expect(res.status).toBe(201);
    const keys = () =>
      pool
        .query<{ key: string }>('SELECT key FROM idempotency_keys WHERE actor = $1 ORDER BY key', [
          actor,
        ])
        .then((r) => r.rows.map((k) => k.key));
    await waitFor(async () => (await keys()).length === 1, 5_000, 'the purge');
    expect(await keys()).toEqual(['young']);
  });
});
