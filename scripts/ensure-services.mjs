#!/usr/bin/env node
// Makes sure Postgres and Redis answer, then creates the databases Liaison needs.
// Order of attempts: services already running → `docker compose up -d --wait` where a Docker
// engine answers → locally installed servers. Usage: node scripts/ensure-services.mjs [--test]
import { execSync } from 'node:child_process';
import net from 'node:net';
import pg from 'pg';

const databaseUrl = new URL(
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/liaison',
);
const testDatabaseUrl = new URL(
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/liaison_test',
);
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

const log = (msg) => console.error(`[services] ${msg}`);

function reachable(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const forTests = process.argv.includes('--test');
const postgresUrl = forTests ? testDatabaseUrl : databaseUrl;
const services = [
  { name: 'Postgres', host: postgresUrl.hostname, port: postgresUrl.port || 5432 },
  { name: 'Redis', host: redisUrl.hostname, port: redisUrl.port || 6379 },
];

async function missing() {
  const down = [];
  for (const s of services) if (!(await reachable(s.host, s.port))) down.push(s);
  return down;
}

function tryRun(cmd) {
  try {
    execSync(cmd, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
    return true;
  } catch {
    return false;
  }
}

async function waitUntilUp(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await missing()).length === 0) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

function startLocal(name) {
  if (name === 'Postgres') {
    return tryRun(
      'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | tail -n 1) main start',
    );
  }
  return tryRun(
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no',
  );
}

async function ensureUp() {
  let down = await missing();
  if (down.length === 0) return log('Postgres and Redis are reachable');
  log(`not reachable: ${down.map((s) => s.name).join(', ')}`);

  if (tryRun('docker info')) {
    log('starting them with docker compose');
    if (tryRun('docker compose up -d --wait') && (await waitUntilUp(60_000))) return;
  }
  for (const s of down) {
    log(`starting the locally installed ${s.name}`);
    startLocal(s.name);
  }
  if (await waitUntilUp(30_000)) return log('Postgres and Redis are up');

  down = await missing();
  console.error(
    `Could not reach ${down.map((s) => `${s.name} at ${s.host}:${s.port}`).join(' and ')}.\n` +
      'Liaison needs Postgres and Redis. Any one of these works:\n' +
      '  1. start them yourself and set DATABASE_URL / REDIS_URL;\n' +
      '  2. run `docker compose up -d --wait` with a Docker engine running;\n' +
      '  3. install them locally (Debian: apt-get install postgresql redis-server).',
  );
  process.exit(1);
}

async function ensureDatabase(url) {
  const name = url.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

await ensureUp();
await ensureDatabase(postgresUrl);
