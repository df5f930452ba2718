/**
 * npm run bench:web — the web app's weight and speed. Prints JSON:
 *  - the JavaScript and CSS the first page ships (gzip bytes; target ≤ 250 KB of JavaScript);
 *  - in headless Chromium, the time from navigation to a usable inbox (the KISA officer's) and
 *    board (the MSIT bureau head's): the first page of rows on screen, with BENCH_WEB_TASKS
 *    tasks (default 10,000) in the views; median of BENCH_WEB_ROUNDS loads (target ≤ 1 s);
 *  - the live-change delay: from a command's answer to the change on another browser's open
 *    inbox (server-sent events, GET /v1/live), BENCH_WEB_LIVE times; p95 (target ≤ 1 s).
 * The API and the projections run in this process on a database of the bench's own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { chromium } from 'playwright-core';
import { EventStore, EventWakeUps } from '@liaison/event-store';
import { DevelopmentAccounts } from '@liaison/identity';
import {
  createDataSource,
  createPgPool,
  loadConfig,
  runMigrations,
  signToken,
} from '@liaison/platform';
import { createProjectionRunners } from '@liaison/views';
import { createApiApp } from '../apps/api/src/app.factory';
import { envInt, log, machineInfo, median, printJson, round } from './bench-utils';

const DB = 'liaison_bench_web';
const TASKS = envInt('BENCH_WEB_TASKS', 10_000);
const ROUNDS = envInt('BENCH_WEB_ROUNDS', 5);
const CONCURRENCY = envInt('BENCH_WEB_CONCURRENCY', 16);
const LIVE = envInt('BENCH_WEB_LIVE', 20);
const SECRET = 'liaison-bench-secret-0123456789abcdef0123456789';
const ROOT = join(__dirname, '..');
const WEB = join(ROOT, 'dist', 'web');

function firstPageBytes() {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const assets = (pattern: RegExp) =>
    [...html.matchAll(pattern)].map((m) => readFileSync(join(WEB, m[1].replace(/^\//, ''))));
  const gz = (files: Buffer[]) => files.reduce((sum, f) => sum + gzipSync(f).length, 0);
  return {
    js_gzip_bytes: gz(assets(/<script[^>]+src="([^"]+)"/g)),
    css_gzip_bytes: gz(assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)),
  };
}

async function freshDatabase(): Promise<string> {
  const base = new URL(loadConfig({ ...process.env, NODE_ENV: 'test' }).databaseUrl);
  base.pathname = '/postgres';
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  base.pathname = `/${DB}`;
  const dataSource = await createDataSource(base.toString()).initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  return base.toString();
}

async function main(): Promise<void> {
  if (!existsSync(join(WEB, 'index.html'))) {
    execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
  }
  const bytes = firstPageBytes();

  const url = await freshDatabase();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    TEST_DATABASE_URL: url,
    JWT_SECRET: SECRET,
    RATE_LIMIT_PREFIX: `bench-web-${Date.now()}`,
    LOG_LEVEL: 'warn',
  });
  const app = await createApiApp();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await app.get(DevelopmentAccounts).seed('liaison-demo');
  const pool = createPgPool(url, 6, 'bench-web');
  const wakeUps = new EventWakeUps(pool);
  await wakeUps.start();
  const runners = createProjectionRunners({
    pool,
    store: new EventStore(pool),
    wakeUps,
    pollIntervalMs: 50,
  });
  runners.start();

  const head = signToken({ sub: 'bench.head', role: 'bureau_head', agency: 'MSIT' }, SECRET);
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${head}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, string & number>;
  };
  const { id: workshopId } = await post('/v1/workshops', {
    title: 'Bench workshop',
    heldOn: '2026-11-18',
    hostAgency: 'MSIT',
    counterparts: ['OPENAI'],
    attendingAgencies: ['KISA', 'FSI'],
    topics: ['bench'],
  });
  const { actionId } = await post(`/v1/workshops/${workshopId}/actions`, {
    description: 'Bench action',
    ownerAgency: 'MSIT',
  });

  log(`assigning ${TASKS} tasks to KISA through the API (${CONCURRENCY} at a time)`);
  const seedStart = performance.now();
  let next = 0;
  let last = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < TASKS) {
        const i = next++;
        const { position } = await post('/v1/follow-ups', {
          workshopId,
          sourceId: actionId,
          assigneeAgency: 'KISA',
          title: `Bench task ${i}`,
          dueAt: new Date(Date.now() + (1 + (i % 60)) * 86_400_000).toISOString(),
        });
        last = Math.max(last, position);
      }
    }),
  );
  const seedS = (performance.now() - seedStart) / 1000;
  const caughtUp = await fetch(`${base}/v1/follow-ups?limit=1&minPosition=${last}`, {
    headers: { authorization: `Bearer ${head}` },
  });
  log(
    `seeded in ${round(seedS)} s; views caught up: ${caughtUp.headers.get('x-liaison-stale') !== 'true'}`,
  );

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  async function usable(login: string, path: string, heading: string): Promise<number[]> {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('User name').fill(login);
    await page.getByLabel('Password').fill('liaison-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now();
      await page.goto(`${base}${path}`);
      await page
        .getByRole('link', { name: /Bench task/ })
        .first()
        .waitFor({ timeout: 30_000 });
      times.push(performance.now() - start);
    }
    await context.close();
    return times;
  }
  const inbox = await usable('kisa.officer', '/inbox', 'Inbox');
  const board = await usable('msit.head', '/board', 'Board');

  // live: the officer's inbox stays open; each new task is timed from the API's answer
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Seoul' });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in?next=%2Finbox`);
  await page.getByLabel('User name').fill('kisa.officer');
  await page.getByLabel('Password').fill('liaison-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
  const live: number[] = [];
  for (let i = 0; i < LIVE; i++) {
    await post('/v1/follow-ups', {
      workshopId,
      sourceId: actionId,
      assigneeAgency: 'KISA',
      title: `Live ${i}`,
      dueAt: new Date(Date.now() + 3_600_000).toISOString(), // due first: on the first page
    });
    const answered = performance.now();
    await page.getByRole('link', { name: `Live ${i}`, exact: true }).waitFor({ timeout: 10_000 });
    live.push(performance.now() - answered);
  }
  await context.close();
  await browser.close();
  const sorted = [...live].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];

  await runners.stop();
  await wakeUps.stop();
  await pool.end();
  await app.close();

  printJson({
    bench: 'web',
    first_page: { ...bytes, js_target_gzip_bytes: 250 * 1024 },
    tasks_in_views: TASKS,
    seed_s: round(seedS),
    inbox_usable_ms: { median: round(median(inbox)), rounds: inbox.map((t) => round(t)) },
    board_usable_ms: { median: round(median(board)), rounds: board.map((t) => round(t)) },
    usable_target_ms: 1000,
    live_change_delay_ms: {
      p95: round(p95),
      median: round(median(live)),
      rounds: live.map((t) => round(t)),
    },
    live_target_p95_ms: 1000,
    machine: machineInfo(),
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
