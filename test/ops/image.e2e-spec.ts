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
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { dropDatabase, emptyDatabase } from './support/ops-databases';

const ROOT = join(__dirname, '../..');
const IMAGE = join(ROOT, 'scripts/image/image.mjs');

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

/** Package names the compiled app requires or imports, from every .js file under `dir`. */
function requiredPackages(dir: string): Map<string, string> {
  const found = new Map<string, string>(); // package → a file that needs it
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/\b(?:require|import)\(\s*["']([^"'.][^"']*)["']\s*\)/g)) {
          const spec = m[1];
          if (isBuiltin(spec)) continue;
          const parts = spec.split('/');
          const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
          if (!found.has(name)) found.set(name, path.slice(dir.length + 1));
        }
      }
    }
  };
  walk(dir);
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

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await dropDatabase(dbName);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('builds the app directory the runtime stage copies', () => {
    runImage(['build', appDir], process.env);
    runImage(['install', appDir, '--link'], process.env);
    const shipped = readdirSync(join(appDir, 'dist'));
    expect(shipped).toEqual(expect.arrayContaining(['apps', 'libs']));
    expect(shipped).not.toContain('test');
  }, 240_000);

  it('requires at run time only packages listed in dependencies (all `npm ci --omit=dev` installs)', () => {
    const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const runtime = new Map([
      ...requiredPackages(join(appDir, 'dist/apps')),
      ...requiredPackages(join(appDir, 'dist/libs')),
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
  }, 60_000);
});
