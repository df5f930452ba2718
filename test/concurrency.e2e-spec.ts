import { Pool } from 'pg';
import { startTestApi, TestApi } from './support/api';
import { testPool } from './support/database';
import { createFollowUp, createWorkshop, kisaOfficer } from './support/fixtures';
import { call } from './support/http';

describe('concurrent commands through HTTP', () => {
  let api: TestApi;
  let pool: Pool;
  beforeAll(async () => {
    api = await startTestApi();
    pool = testPool(2);
  });
  afterAll(async () => {
    await api.close();
    await pool.end();
  });

  it('lets one of 20 parallel acknowledges with the same If-Match win; the rest get 409', async () => {
    const id = await createFollowUp(api.url, await createWorkshop(api.url));
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(
          api.url,
          'POST',
          `/v1/follow-ups/${id}/acknowledge`,
          kisaOfficer,
          {},
          { 'if-match': '1' },
        ),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);

    const { rows } = await pool.query(
      'SELECT version, type FROM events WHERE stream_id = $1 ORDER BY version',
      [`follow-up-${id}`],
    );
    expect(rows).toEqual([
      { version: 1, type: 'FollowUpAssigned' },
      { version: 2, type: 'FollowUpAcknowledged' },
    ]);
  });

  it('applies every one of 20 parallel notes sent without If-Match, through two APIs', async () => {
    const other = await startTestApi(); // its own stream cache, as another process has
    try {
      const id = await createFollowUp(api.url, await createWorkshop(api.url), 'in_progress');
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call(i % 2 ? api.url : other.url, 'POST', `/v1/follow-ups/${id}/progress`, kisaOfficer, {
            note: `note ${i}`,
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      const { rows } = await pool.query(
        `SELECT count(*)::int AS n FROM events WHERE stream_id = $1 AND type = 'FollowUpProgressReported'`,
        [`follow-up-${id}`],
      );
      expect(rows[0].n).toBe(20);
    } finally {
      await other.close();
    }
  });

  it('answers a stale If-Match with 409 naming both versions', async () => {
    const id = await createFollowUp(api.url, await createWorkshop(api.url), 'acknowledged');
    const res = await call(
      api.url,
      'POST',
      `/v1/follow-ups/${id}/start`,
      kisaOfficer,
      {},
      { 'if-match': '1' },
    );
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ details: { code: 'CONCURRENCY_CONFLICT' } });
    expect(res.body.message).toMatch(/version 2, expected 1/);
  });
});
