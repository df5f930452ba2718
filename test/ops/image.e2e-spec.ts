/**
 * The image's build and start path, run outside Docker exactly as the Dockerfile runs it
 * (scripts/image/image.mjs): build and lay out an app directory, migrate a fresh database with
 * the `migrate` command, start the API and a worker in production mode with the values of
 * .env.example, and ask the API's /health and the image's HEALTHCHECK command. The runtime
 * dependencies are this checkout's (CI installed them); a second check holds that the compiled
 * app requires nothing outside package.json's `dependencies`, which is all the image installs.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../support/free-port';
import { dropDatabase, emptyDatabase } from './support/ops-databases';

const ROOT = join(__dirname, '../..');
const IMAGE = join(ROOT, 'scripts/image/image.mjs');

/** Newest modification time of the sources under `dir` (specs aside). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx|mjs|css|html|json)$/.test(entry.name) && !/spec\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** True when this checkout's dist (apps and the web app) is newer than every source. */
function distIsFresh(): boolean {
  const built = ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js', 'dist/web/index.html']
    .map((p) => join(ROOT, p))
    .map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0));
  const sources = Math.max(...['apps', 'libs', 'scripts'].map((d) => newestSource(join(ROOT, d))));
  return Math.min(...built) > sources;
}

/** KEY=value lines of .env.example (comments and blank lines skipped). */
function envExample(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(join(ROOT, '.env.example'), 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  return env;
}

function runImage(args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): string {
  try {
    return execFileSync(process.execPath, [IMAGE, ...args], {
      cwd,
      env,
      encoding: 'utf8',
      stdio: 'pipe',
      timeout: 240_000,
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; status?: number };
    throw new Error(
      `image.mjs ${args.join(' ')} exited ${e.status}:\n${(e.stdout ?? '').slice(-1500)}\n${(e.stderr ?? '').slice(-3000)}`,
    );
  }
}

/**
 * Packages the compiled app loads, found by following its requires and imports from the entry
 * points (dev-time tools compiled beside it, never loaded by them, do not count).
 */
function requiredPackages(appDir: string, entries: string[]): Map<string, string> {
  const found = new Map<string, string>(); // package → a file that needs it
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)) {
      const spec = m[1];
      if (spec.startsWith('.')) {
        const base = resolve(dirname(file), spec);
        const target = [base, `${base}.js`, join(base, 'index.js')].find(
          (p) => existsSync(p) && statSync(p).isFile(),
        );
        if (target) visit(target);
        continue;
      }
      if (isBuiltin(spec)) continue;
      const parts = spec.split('/');
      const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      if (!found.has(name)) found.set(name, file.slice(appDir.length + 1));
    }
  };
  for (const entry of entries) visit(join(appDir, entry));
  return found;
}

async function waitFor<T>(
  what: string,
  ms: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} not within ${ms} ms (${String(last ?? 'no answer')})`);
}

describe('the image, built and started outside Docker by scripts/image/image.mjs', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'liaison-image-'));
  const appDir = join(tmp, 'app');
  const dbName = `ops_image_${randomBytes(4).toString('hex')}`;
  const children: ChildProcess[] = [];
  let output = '';

  const exited = (child: ChildProcess) =>
    new Promise<number | null>((done) =>
      child.exitCode !== null || child.signalCode !== null
        ? done(child.exitCode)
        : child.once('exit', (code) => done(code)),
    );

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await dropDatabase(dbName);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('builds the app directory the runtime stage copies', () => {
    // CI runs `npm run build` just before the tests: the same command need not run twice.
    runImage(['build', appDir, ...(distIsFresh() ? ['--no-compile'] : [])], process.env);
    runImage(['install', appDir, '--link'], process.env);
    const shipped = readdirSync(join(appDir, 'dist'));
    expect(shipped).toEqual(expect.arrayContaining(['apps', 'libs']));
    expect(shipped).not.toContain('test');
  }, 240_000);

  it('requires at run time only packages listed in dependencies (all `npm ci --omit=dev` installs)', () => {
    const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const runtime = requiredPackages(appDir, [
      'dist/apps/api/src/main.js',
      'dist/apps/worker/src/main.js',
      'dist/libs/platform/src/database/migrate.js',
    ]);
    const missing = [...runtime].filter(([name]) => !(name in pkg.dependencies));
    expect(missing).toEqual([]);
    expect(runtime.has('@nestjs/core')).toBe(true); // the scan does see the app's imports
  });

  it('migrates, starts the API and a worker in production mode, and /health answers ok', async () => {
    const url = await emptyDatabase(dbName);
    const { privateKey } = generateKeyPairSync('ed25519');
    const [port, workerPort] = [await freePort(), await freePort()];
    const prefix = `ops-image-${randomBytes(3).toString('hex')}`;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      ...envExample(),
      DATABASE_URL: url,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      PORT: String(port),
      WORKER_HEALTH_PORT: String(workerPort),
      AUDIT_SEAL_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      AUDIT_SEAL_PUBLIC_KEY: '',
      COUNTERPART_LINK_SECRET: randomBytes(32).toString('hex'),
      PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
      QUEUE_PREFIX: prefix,
      RATE_LIMIT_PREFIX: prefix,
      LOG_LEVEL: 'warn',
    };
    expect(env.NODE_ENV).toBe('production');

    const migrated = runImage(['start', 'migrate'], env, appDir);
    expect(migrated).toContain('migrations applied');

    for (const role of ['api', 'worker']) {
      const child = spawn(
        process.execPath,
        [join(appDir, 'scripts/image/image.mjs'), 'start', role],
        {
          cwd: appDir,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
      children.push(child);
    }

    const health = await waitFor('/health ok', 25_000, async () => {
      if (children.some((c) => c.exitCode !== null))
        throw new Error(`a process exited:\n${output}`);
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      const body = (await res.json()) as { status: string; workers: { alive: number } };
      return res.status === 200 && body.workers.alive > 0 ? body : undefined;
    });
    expect(health.status).toBe('ok');

    // The Dockerfile's HEALTHCHECK, for a container of each kind.
    const check = (extra: NodeJS.ProcessEnv) =>
      runImage(['healthcheck'], { ...env, ...extra }, appDir);
    const nobody = String(await freePort());
    expect(() => check({})).not.toThrow(); // the API's container
    expect(() => check({ PORT: nobody })).not.toThrow(); // a worker's: WORKER_HEALTH_PORT
    expect(() => check({ PORT: nobody, WORKER_HEALTH_PORT: nobody })).toThrow(/exited 1/);

    // `docker stop` sends SIGTERM to the script; it passes it on and both processes end.
    const started = Date.now();
    for (const child of children) child.kill('SIGTERM');
    const codes = await Promise.all(children.map(exited));
    // Nest closes (the worker drains its jobs), then ends by the signal it was sent: 128 + 15.
    expect(codes).toEqual([143, 143]);
    // …and cleanly: a worker that stops cleanly takes its heartbeat row with it.
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      expect((await db.query('SELECT * FROM worker_heartbeats')).rows).toEqual([]);
    } finally {
      await db.end();
    }
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);
});
