/**
 * npm run bench:auth — what signing in and staying signed in cost, each beside a raw baseline
 * measured in the same run. Prints JSON:
 * - argon2id: one verification at the chosen parameters (m = 19 MiB, t = 2, p = 1), back to back
 *   and four at a time (libuv's pool): the ceiling on sign-ins per second of one process;
 * - sign_in_http: POST /v1/session through the whole API (throttle check, directory read,
 *   Argon2id, session row, SignedIn event, cookie) at 8 connections;
 * - session_lookup: SessionService.lookup (the one statement each cookie request runs) beside a
 *   bare `SELECT 1` on the same pool, sequential and at 16 at a time;
 * - per_request: GET /v1/agencies with a bearer JWT (verification remembered per token, so
 *   about free), with the session cookie and with an API key, interleaved: what the lookup costs
 *   a real route.
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { PeopleReader } from '../libs/directory/src';
import { EventStore } from '../libs/event-store/src';
import {
  ARGON2_PARAMETERS,
  hashPassword,
  loadIdentityConfig,
  SecurityEvents,
  SessionService,
  verifyPassword,
} from '../libs/identity/src';
import {
  createDataSource,
  createPgPool,
  loadConfig,
  runMigrations,
  signToken,
} from '../libs/platform/src';
import { envInt, log, machineInfo, median, printJson, round, runForDuration } from './bench-utils';

const DB = 'liaison_bench_auth';
const DURATION_S = envInt('BENCH_DURATION_S', 5);
const ROUNDS = envInt('BENCH_ROUNDS', 2);
const PASSWORD = 'liaison-demo';

async function ensureDatabase(adminUrl: string): Promise<string> {
  const maintenance = new URL(adminUrl);
  maintenance.pathname = '/postgres'; // the app's own database need not exist yet
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

/** Signs in until the API answers (the development accounts are made at its boot). */
async function signIn(api: string, username: string): Promise<{ cookie: string; csrf: string }> {
  for (let i = 0; i < 200; i++) {
    try {
      const res = await fetch(`${api}/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (res.ok) {
        const { csrfToken } = (await res.json()) as { csrfToken: string };
        return { cookie: String(res.headers.get('set-cookie')).split(';')[0], csrf: csrfToken };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`could not sign in as ${username}`);
}

async function load(opts: autocannon.Options) {
  const r = await autocannon({ duration: DURATION_S, ...opts });
  return {
    per_s: r.requests.average,
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    non_2xx: r.non2xx,
  };
}

async function argon2(): Promise<Record<string, unknown>> {
  const stored = await hashPassword(PASSWORD);
  const sequential = await runForDuration(DURATION_S * 400, 1, async () =>
    (await verifyPassword(stored, PASSWORD)) ? 1 : 0,
  );
  const parallel = await runForDuration(DURATION_S * 1000, 4, async () =>
    (await verifyPassword(stored, PASSWORD)) ? 1 : 0,
  );
  return {
    parameters: {
      algorithm: 'argon2id',
      memory_kib: ARGON2_PARAMETERS.memoryCost,
      time_cost: ARGON2_PARAMETERS.timeCost,
      parallelism: ARGON2_PARAMETERS.parallelism,
    },
    verify_ms: round(sequential.elapsedMs / sequential.ops, 3),
    verifies_per_s_one_at_a_time: round(sequential.perSecond),
    verifies_per_s_four_at_a_time: round(parallel.perSecond),
  };
}

async function sessionLookup(databaseUrl: string, env: Record<string, string | undefined>) {
  const pool: Pool = createPgPool(databaseUrl, 16, 'bench-auth');
  try {
    const people = new PeopleReader(pool);
    const sessions = new SessionService(
      pool,
      loadIdentityConfig(env),
      people,
      new SecurityEvents(new EventStore(pool)),
    );
    const person = await people.byLogin('kisa.officer');
    if (!person) throw new Error('kisa.officer is missing');
    let cookie = '';
    await sessions.start(
      person,
      { headers: {}, method: 'POST', url: '/v1/session', ip: '127.0.0.1' },
      { header: (_name: string, value: string) => (cookie = value) },
      { method: 'password' },
    );
    const id = cookie.split(';')[0].split('=')[1];
    const measure = async (concurrency: number) => {
      const ms = DURATION_S * 300;
      const lookup = await runForDuration(ms, concurrency, async () =>
        (await sessions.lookup(id)) ? 1 : 0,
      );
      const bare = await runForDuration(ms, concurrency, async () => {
        await pool.query('SELECT 1');
        return 1;
      });
      return {
        lookup_us: round((lookup.elapsedMs * 1000 * concurrency) / lookup.ops),
        select_1_us: round((bare.elapsedMs * 1000 * concurrency) / bare.ops),
        lookups_per_s: round(lookup.perSecond),
        select_1_per_s: round(bare.perSecond),
      };
    };
    return { sequential: await measure(1), sixteen_at_a_time: await measure(16) };
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'development' });
  const databaseUrl = await ensureDatabase(config.databaseUrl);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    DEV_ACCOUNTS: 'true',
    DEMO_PASSWORD: PASSWORD,
    // Limits no benchmark reaches (their Redis round trips stay in the figure); the per-address
    // sign-in allowance would otherwise stop the sign-in load at ten a minute.
    RATE_LIMIT_PER_ADDRESS: '1000000000',
    RATE_LIMIT_PER_CALLER: '1000000000',
    RATE_LIMIT_SIGN_IN: '0',
  };
  const port = 3800 + Math.floor(Math.random() * 90);
  const api = `http://127.0.0.1:${port}`;
  log('starting the API');
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, '../apps/api/src/main.ts')],
    { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  try {
    const officer = await signIn(api, 'kisa.officer');
    log('argon2id in this process');
    const hashing = await argon2();

    log('sign-ins through the API');
    const signIns = await load({
      url: `${api}/v1/session`,
      connections: 8,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'kisa.officer', password: PASSWORD }),
    });

    log('session lookup beside SELECT 1');
    const lookup = await sessionLookup(databaseUrl, env);

    const admin = signToken(
      { sub: 'bench.admin', role: 'admin', expiresIn: '1h' },
      config.jwtSecret,
    );
    const keyRes = await fetch(`${api}/v1/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'bench',
        role: 'agency_officer',
        agency: 'KISA',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    });
    const { key } = (await keyRes.json()) as { key: string };
    const jwt = signToken(
      { sub: 'bench.kisa', role: 'agency_officer', agency: 'KISA', expiresIn: '1h' },
      config.jwtSecret,
    );
    const ways: Record<string, Record<string, string>> = {
      bearer_jwt: { authorization: `Bearer ${jwt}` },
      session_cookie: { cookie: officer.cookie },
      api_key: { authorization: `Bearer ${key}` },
    };
    const rounds: Record<string, number[]> = { bearer_jwt: [], session_cookie: [], api_key: [] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const way of r % 2 === 0 ? Object.keys(ways) : Object.keys(ways).reverse()) {
        const result = await load({
          url: `${api}/v1/agencies`,
          connections: 32,
          headers: ways[way],
        });
        if (result.non_2xx > 0) throw new Error(`${way}: ${result.non_2xx} answers not 2xx`);
        rounds[way].push(result.per_s);
        log(`round ${r + 1}/${ROUNDS} ${way}: ${Math.round(result.per_s)}/s`);
      }
    }
    const perS = (way: string) => round(median(rounds[way]));
    printJson({
      benchmark: 'auth',
      machine: machineInfo(),
      settings: { duration_s: DURATION_S, rounds: ROUNDS },
      argon2id: hashing,
      sign_in_http: { connections: 8, ...signIns },
      session_lookup: lookup,
      per_request: {
        route: 'GET /v1/agencies',
        bearer_jwt_per_s: perS('bearer_jwt'),
        session_cookie_per_s: perS('session_cookie'),
        api_key_per_s: perS('api_key'),
        session_vs_jwt: round(perS('session_cookie') / perS('bearer_jwt'), 3),
        api_key_vs_jwt: round(perS('api_key') / perS('bearer_jwt'), 3),
      },
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
