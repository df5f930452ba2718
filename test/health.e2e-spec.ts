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

  it('GET /health reports Postgres and Redis up', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { projections: { name: string }[] };
    expect(body).toMatchObject({
      status: 'ok',
      checks: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
    expect(body.projections.map((p: { name: string }) => p.name).sort()).toEqual([
      'projection:follow-up-board',
      'projection:workshops',
    ]);
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
