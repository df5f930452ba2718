import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import { startTestApi, TestApi } from './support/api';
import { testPool } from './support/database';
import { createWorkshop, inDays, msitHead, WorkshopFixture } from './support/fixtures';
import { call } from './support/http';

describe('Idempotency-Key', () => {
  let api: TestApi;
  let pool: Pool;
  let w: WorkshopFixture;
  beforeAll(async () => {
    api = await startTestApi();
    pool = testPool(2);
    w = await createWorkshop(api.url);
  });
  afterAll(async () => {
    await api.close();
    await pool.end();
  });

  const assignment = (title: string) => ({
    workshopId: w.workshopId,
    sourceId: w.actionId,
    assigneeAgency: 'KISA',
    title,
    dueAt: '2031-01-01T00:00:00Z',
  });
  const countFollowUps = async (title: string) =>
    Number(
      (
        await pool.query(
          `SELECT count(*) AS n FROM events WHERE type = 'FollowUpAssigned' AND data->>'title' = $1`,
          [title],
        )
      ).rows[0].n,
    );

  it('returns the first answer for the same key and body, and assigns once', async () => {
    const key = randomUUID();
    const title = `idempotent ${key}`;
    const first = await call(api.url, 'POST', '/v1/follow-ups', msitHead, assignment(title), {
      'idempotency-key': key,
    });
    const again = await call(api.url, 'POST', '/v1/follow-ups', msitHead, assignment(title), {
      'idempotency-key': key,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await countFollowUps(title)).toBe(1);
  });

  it('answers the same key with another body with 422', async () => {
    const key = randomUUID();
    await call(api.url, 'POST', '/v1/follow-ups', msitHead, assignment(`a ${key}`), {
      'idempotency-key': key,
    });
    const other = await call(api.url, 'POST', '/v1/follow-ups', msitHead, assignment(`b ${key}`), {
      'idempotency-key': key,
    });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ details: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await countFollowUps(`b ${key}`)).toBe(0);
  });

  it('runs a racing retry at most once', async () => {
    const key = randomUUID();
    const title = `race ${key}`;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(api.url, 'POST', '/v1/follow-ups', msitHead, assignment(title), {
          'idempotency-key': key,
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([201, 409]).toContain(a.status);
    expect(await countFollowUps(title)).toBe(1);
  });

  it('lets a key be used again after the command failed', async () => {
    const key = randomUUID();
    const title = `retry ${key}`;
    const past = { ...assignment(title), dueAt: '2020-01-01T00:00:00Z' };
    const failed = await call(api.url, 'POST', '/v1/follow-ups', msitHead, past, {
      'idempotency-key': key,
    });
    expect(failed.status).toBe(422);
    const fixed = { ...assignment(title), dueAt: inDays(3) };
    // A different body after a failure is a new attempt, not a reuse.
    const ok = await call(api.url, 'POST', '/v1/follow-ups', msitHead, fixed, {
      'idempotency-key': key,
    });
    expect(ok.status).toBe(201);
  });
});
