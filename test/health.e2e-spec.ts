import { startTestApi, TestApi } from './support/api';
import { admin } from './support/fixtures';

/** /metrics and /docs are behind roles (admins; auditors too for the docs). */
const asAdmin = { headers: { authorization: `Bearer ${admin.token}` } };

describe('operations endpoints', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('GET /health/ready and /health/live answer 200 while Postgres and Redis are up', async () => {
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ok',
      checks: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
  });

  it('GET /health reports the dependencies, every subscription and the workers', async () => {
    // The shared test database has no worker: 503 "degraded" is the truthful answer there
    // (test/worker/health-truth.e2e-spec.ts shows the 200 with a worker running).
    const res = await fetch(`${api.url}/health`);
    const json = (await res.json()) as { details?: object };
    const body = (res.status === 503 ? json.details : json) as {
      checks: object;
      projections: { name: string }[];
      subscriptions: { name: string }[];
    };
    expect(body.checks).toEqual({ postgres: { status: 'up' }, redis: { status: 'up' } });
    expect(body.projections.map((p) => p.name).sort()).toEqual([
      'projection:follow-up-board',
      'projection:search',
      'projection:workshops',
    ]);
    expect(body.subscriptions.map((p) => p.name)).toContain('relay:routing');
  });

  it('GET /metrics serves Prometheus text', async () => {
    const res = await fetch(`${api.url}/metrics`, asAdmin);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('liaison_process_cpu_seconds_total');
    expect(text).toMatch(
      /liaison_projection_lag_positions\{projection="projection:follow-up-board"\} \d+/,
    );
  });

  it('GET /docs-json serves the OpenAPI document', async () => {
    const res = await fetch(`${api.url}/docs-json`, asAdmin);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { openapi: string }).openapi).toMatch(/^3\./);
  });

  it('answers an unknown route with the error JSON shape', async () => {
    const res = await fetch(`${api.url}/v1/nowhere`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /v1/nowhere',
    });
  });
});
