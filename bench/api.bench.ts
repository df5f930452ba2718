/**
 * npm run bench:api — commands per second and latency for a follow-up verb (`progress`) at 32
 * connections through the whole API (auth, validation, decide, append), beside a bare Fastify
 * route doing one plain `pg` INSERT, measured in the same run, interleaved. The verb runs twice
 * each round: with a bearer token and with a session cookie (the development account
 * kisa.officer, with its CSRF token), whose lookup reads the session and the person's current
 * roles on every request. Each side first runs unmeasured for BENCH_WARMUP_S (default 3) seconds.
 * Prints JSON.
 *
 * BENCH_PERSONAL_DATA=1 adds person updates with and without sealed personal fields to every
 * round (api-personal-data.ts), and reports them beside the bare route and each other.
 *
 * Environment: BENCH_DATABASE_URL (default: DATABASE_URL's server, database liaison_bench_api),
 * BENCH_CONNECTIONS (32), BENCH_DURATION_S (8), BENCH_ROUNDS (3), BENCH_TASKS (512),
 * BENCH_WARMUP_S (3), BENCH_API_NODE_ARGS (extra node flags for the API process).
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource, loadConfig, runMigrations, signToken } from '../libs/platform/src';
import { envInt, log, machineInfo, median, printJson, round } from './bench-utils';
import { personUpdate, preparePeople } from './api-personal-data';

/** The database the API and the baseline run on: BENCH_DATABASE_URL's, else liaison_bench_api. */
const DB = process.env.BENCH_DATABASE_URL
  ? new URL(process.env.BENCH_DATABASE_URL).pathname.slice(1)
  : 'liaison_bench_api';
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 32);
const DURATION_S = envInt('BENCH_DURATION_S', 8);
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const TASKS = envInt('BENCH_TASKS', 512);
/** Unmeasured load on each side before the rounds, so neither is measured while compiling. */
const WARMUP_S = envInt('BENCH_WARMUP_S', 3);
/** With 1, person updates with and without sealed personal fields too (api-personal-data.ts). */
const PERSONAL_DATA = process.env.BENCH_PERSONAL_DATA === '1';
/** Extra node flags for the API process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
const API_NODE_ARGS = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);

async function ensureDatabase(adminUrl: string): Promise<string> {
  const maintenance = new URL(adminUrl);
  maintenance.pathname = '/postgres'; // the app's own database need not exist
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB]);
  if (rowCount === 0) await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${DB}`;
  const dataSource = await createDataSource(url.toString()).initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  return url.toString();
}

function start(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
}

async function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve) =>
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      // ready, not /health: no worker runs here, so the whole system reads as degraded
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('API did not become healthy');
}

async function post<T>(url: string, token: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A workshop with TASKS follow-ups assigned to KISA, each started so `progress` applies. */
async function prepareTasks(api: string, head: string, officer: string): Promise<string[]> {
  const w = await post<{ id: string }>(`${api}/v1/workshops`, head, {
    title: 'Benchmark workshop',
    heldOn: '2026-11-18',
    hostAgency: 'MSIT',
    counterparts: ['OPENAI'],
    attendingAgencies: ['KISA'],
    topics: ['load'],
  });
  const a = await post<{ actionId: string }>(`${api}/v1/workshops/${w.id}/actions`, head, {
    description: 'Benchmark action',
    ownerAgency: 'MSIT',
  });
  const ids: string[] = [];
  for (let i = 0; i < TASKS; i++) {
    const f = await post<{ id: string }>(`${api}/v1/follow-ups`, head, {
      workshopId: w.id,
      sourceId: a.actionId,
      assigneeAgency: 'KISA',
      title: `Task ${i}`,
      dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    await post(`${api}/v1/follow-ups/${f.id}/acknowledge`, officer, {});
    await post(`${api}/v1/follow-ups/${f.id}/start`, officer, {});
    ids.push(f.id);
  }
  return ids;
}

/** Signs in with a development account (made at the API's boot in development). */
async function signIn(api: string, username: string) {
  const res = await fetch(`${api}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: process.env.DEMO_PASSWORD ?? 'liaison-demo' }),
  });
  if (!res.ok) throw new Error(`sign-in ${username} → ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: String(res.headers.get('set-cookie')).split(';')[0], csrfToken };
}

interface LoadResult {
  per_s: number;
  p50_ms: number;
  p99_ms: number;
  non_2xx: number;
}

async function load(opts: autocannon.Options, duration = DURATION_S): Promise<LoadResult> {
  const r = await autocannon({ connections: CONNECTIONS, duration, ...opts });
  return {
    per_s: r.requests.average,
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    non_2xx: r.non2xx,
  };
}

async function main(): Promise<void> {
  // The API runs in development mode (HS256 tokens, the development accounts): so do its tokens.
  const config = loadConfig({ ...process.env, NODE_ENV: 'development' });
  const databaseUrl = await ensureDatabase(process.env.BENCH_DATABASE_URL ?? config.databaseUrl);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    // Rate limiting stays on (its Redis round trips are part of the figure) with allowances
    // no benchmark reaches: one caller from one address sends thousands a second here. Set
    // both to 0 to measure without it.
    RATE_LIMIT_PER_ADDRESS: process.env.RATE_LIMIT_PER_ADDRESS ?? '1000000000',
    RATE_LIMIT_PER_CALLER: process.env.RATE_LIMIT_PER_CALLER ?? '1000000000',
  };

  // From source through swc (transpiled once at load, the same code as dist): no build first,
  // and no dist/ half-written by another build running at the same time.
  log('starting the API and the bare baseline server');
  const apiPort = 3900 + Math.floor(Math.random() * 90);
  const apiMain = join(__dirname, '../apps/api/src/main.ts');
  const apiProcess = start([...API_NODE_ARGS, '-r', '@swc-node/register', apiMain], {
    ...env,
    PORT: String(apiPort),
  });
  const bareProcess = start(
    ['-r', '@swc-node/register', join(__dirname, 'bare-insert-server.ts')],
    env,
  );
  const api = `http://127.0.0.1:${apiPort}`;
  const bare = `http://127.0.0.1:${await firstLine(bareProcess)}`;
  try {
    await waitForHealth(api);
    const head = signToken(
      { sub: 'bench.head', role: 'bureau_head', agency: 'MSIT' },
      config.jwtSecret,
    );
    const officer = signToken(
      { sub: 'bench.kisa', role: 'agency_officer', agency: 'KISA' },
      config.jwtSecret,
    );
    log(`preparing ${TASKS} follow-ups in progress`);
    const ids = await prepareTasks(api, head, officer);
    const signedIn = await signIn(api, 'kisa.officer');
    const admin = signToken({ sub: 'bench.admin', role: 'admin' }, config.jwtSecret);
    if (PERSONAL_DATA) log(`registering ${TASKS} people`);
    const people = PERSONAL_DATA ? await preparePeople(post, api, admin, TASKS) : [];

    let next = 0;
    const body = JSON.stringify({ note: 'Progress on the working-level channel' });
    const verb = (auth: Record<string, string>, duration?: number) =>
      load(
        {
          url: api,
          requests: [
            {
              method: 'POST',
              headers: { ...auth, 'content-type': 'application/json' },
              body,
              // Round-robin over the tasks, so concurrent requests rarely meet on one stream.
              setupRequest: (req) => ({
                ...req,
                path: `/v1/follow-ups/${ids[next++ % ids.length]}/progress`,
              }),
            },
          ],
        },
        duration,
      );
    const baseline = (duration?: number) =>
      load(
        {
          url: `${bare}/insert`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        },
        duration,
      );

    const person = (kind: 'sealed' | 'clear', duration?: number) =>
      load({ url: api, requests: [personUpdate(kind, people, admin)] }, duration);

    const api_rounds: LoadResult[] = [];
    const session_rounds: LoadResult[] = [];
    const bare_rounds: LoadResult[] = [];
    const sealed_rounds: LoadResult[] = [];
    const clear_rounds: LoadResult[] = [];
    const runs: Record<string, { run: (d?: number) => Promise<LoadResult>; rounds: LoadResult[] }> =
      {
        api: {
          run: (d?: number) => verb({ authorization: `Bearer ${officer}` }, d),
          rounds: api_rounds,
        },
        session: {
          run: (d?: number) =>
            verb({ cookie: signedIn.cookie, 'x-csrf-token': signedIn.csrfToken }, d),
          rounds: session_rounds,
        },
        bare: { run: baseline, rounds: bare_rounds },
        ...(PERSONAL_DATA && {
          person_sealed: { run: (d?: number) => person('sealed', d), rounds: sealed_rounds },
          person_clear: { run: (d?: number) => person('clear', d), rounds: clear_rounds },
        }),
      };
    const contenders = Object.keys(runs);
    // Each contender once, unmeasured: the first seconds of a fresh process run unoptimised
    // code (a cold first round measured 0.2 where the later ones measured 0.35); the baseline
    // is warmed the same way.
    log(`warming up each side for ${WARMUP_S} s`);
    for (const which of contenders) {
      await runs[which].run(WARMUP_S);
    }
    for (let r = 0; r < ROUNDS; r++) {
      const order = contenders.map((_, i, all) => all[(i + r) % all.length]);
      for (const which of order) {
        const result = await runs[which].run();
        runs[which].rounds.push(result);
        log(
          `round ${r + 1}/${ROUNDS} ${which}: ${Math.round(result.per_s)}/s p99 ${result.p99_ms} ms`,
        );
      }
    }
    const ratio = median(api_rounds.map((a, i) => a.per_s / bare_rounds[i].per_s));
    const sessionRatio = median(session_rounds.map((a, i) => a.per_s / bare_rounds[i].per_s));
    printJson({
      benchmark: 'api',
      machine: machineInfo(),
      settings: {
        connections: CONNECTIONS,
        duration_s: DURATION_S,
        warmup_s: WARMUP_S,
        rounds: ROUNDS,
        tasks: TASKS,
      },
      follow_up_progress: {
        per_s: round(median(api_rounds.map((r) => r.per_s))),
        p50_ms: median(api_rounds.map((r) => r.p50_ms)),
        p99_ms: median(api_rounds.map((r) => r.p99_ms)),
        non_2xx: api_rounds.reduce((n, r) => n + r.non_2xx, 0),
      },
      follow_up_progress_session_cookie: {
        per_s: round(median(session_rounds.map((r) => r.per_s))),
        p50_ms: median(session_rounds.map((r) => r.p50_ms)),
        p99_ms: median(session_rounds.map((r) => r.p99_ms)),
        non_2xx: session_rounds.reduce((n, r) => n + r.non_2xx, 0),
      },
      bare_fastify_pg_insert: {
        per_s: round(median(bare_rounds.map((r) => r.per_s))),
        p50_ms: median(bare_rounds.map((r) => r.p50_ms)),
        p99_ms: median(bare_rounds.map((r) => r.p99_ms)),
      },
      ratio: round(ratio, 3),
      ratio_session_cookie: round(sessionRatio, 3),
      target: 0.5,
      meets_target: ratio >= 0.5 && sessionRatio >= 0.5,
      ...(PERSONAL_DATA && {
        personal_data: personalData(sealed_rounds, clear_rounds, bare_rounds),
      }),
    });
  } finally {
    apiProcess.kill('SIGTERM');
    bareProcess.kill('SIGTERM');
    await new Promise((r) => apiProcess.once('exit', r)); // a CPU profile is written on exit
  }
}

/** Person updates beside the bare route, and what sealing cost per update, round by round. */
function personalData(sealed: LoadResult[], clear: LoadResult[], bare: LoadResult[]) {
  const summary = (rounds: LoadResult[]) => ({
    per_s: round(median(rounds.map((r) => r.per_s))),
    p50_ms: median(rounds.map((r) => r.p50_ms)),
    p99_ms: median(rounds.map((r) => r.p99_ms)),
    non_2xx: rounds.reduce((n, r) => n + r.non_2xx, 0),
    ratio_to_bare: round(median(rounds.map((r, i) => r.per_s / bare[i].per_s)), 3),
  });
  return {
    person_update_sealed: summary(sealed),
    person_update_clear: summary(clear),
    sealed_over_clear: round(median(sealed.map((s, i) => s.per_s / clear[i].per_s)), 3),
    cost_us_per_event: round(median(sealed.map((s, i) => 1e6 / s.per_s - 1e6 / clear[i].per_s)), 3),
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
