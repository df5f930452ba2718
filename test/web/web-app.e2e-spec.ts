import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, TestApi } from '../support/api';
import { WEB_APP_PATHS } from '../../apps/api/src/web/web-app';
import { ensureWebBuilt, WEB_DIR } from './support/web-browser';

/** The API serves the built app from its own origin, and nothing of the API is shadowed by it. */
describe('web: the app served by the API', () => {
  let api: TestApi;

  beforeAll(async () => {
    ensureWebBuilt();
    api = await startTestApi();
  }, 120_000);
  afterAll(() => api?.close());

  it('answers index.html for every app path, uncached, under the CSP', async () => {
    for (const path of WEB_APP_PATHS) {
      const concrete = path.replace(':id', '0b7e6a52-8c1f-4d55-9a51-7a3c0b7e6a52');
      const res = await fetch(`${api.url}${concrete}`);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await res.text()).toContain('<div id="root"></div>');
    }
  });

  it('has no inline script for the CSP to refuse', () => {
    const html = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/ src="\/assets\//);
  });

  it('serves the hashed assets with a year-long immutable cache', async () => {
    const files = readdirSync(join(WEB_DIR, 'assets'));
    const script = files.find((f) => f.endsWith('.js'));
    const font = files.find((f) => f.endsWith('.woff2'));
    for (const file of [script, font]) {
      const res = await fetch(`${api.url}/assets/${file}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      // read to the end: a body left unread keeps its connection busy, and the API's close
      // waits for it (the bundle outgrew the socket's buffers and the suite's close timed out)
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    expect((await fetch(`${api.url}/assets/missing.js`)).status).toBe(404);
  });

  it('leaves the API, the probes and unknown paths alone', async () => {
    const board = await fetch(`${api.url}/v1/follow-ups`);
    expect(board.status).toBe(401);
    expect(board.headers.get('content-type')).toContain('application/json');
    const health = await fetch(`${api.url}/health/live`);
    expect(health.headers.get('content-type')).toContain('application/json');
    for (const path of ['/nowhere', '/v1', '/inbox/extra', '/admin/queues/x']) {
      const res = await fetch(`${api.url}${path}`);
      expect({ path, html: res.headers.get('content-type')?.includes('text/html') }).toEqual({
        path,
        html: false,
      });
    }
  });
});
