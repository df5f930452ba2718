/**
 * The log lines of a real API process (`apps/api/src/main.ts`, LOG_LEVEL=trace: every request
 * line pino writes) through a person's registration, reads, a rename, sign-in and erasure: none
 * holds their name or e-mail. Requests log their method, URL (ids, never names) and status.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { TEST_JWT_SECRET } from '../support/api';
import { freePort } from '../support/free-port';
import { call, caller } from '../support/http';

const admin = caller('admin');
const tag = randomUUID().slice(0, 8);
const secrets = [`로그시험${tag}`, `Log Person ${tag}`, `log.${tag}@kisa.example`, `개명${tag}`];

describe('personal data in log lines (e2e, API process)', () => {
  let child: ChildProcess;
  let output = '';
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: join(__dirname, '../..'),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'trace',
        PORT: String(port),
        JWT_SECRET: TEST_JWT_SECRET,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const until = Date.now() + 40_000;
    for (;;) {
      // Any answer means it listens (/health says 503 while no worker beats: none runs here).
      const ok = await fetch(`${url}/health`).then(
        () => true,
        () => false,
      );
      if (ok) break;
      if (Date.now() > until || child.exitCode !== null)
        throw new Error(`API not up:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 60_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('no line names the person, before or after their erasure', async () => {
    const created = await call<{ id: string }>(url, 'POST', '/v1/people', admin, {
      login: `logged.${tag}`,
      displayName: { ko: secrets[0], en: secrets[1] },
      email: secrets[2],
      agency: 'KISA',
      roles: ['agency_officer'],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await call(url, 'GET', `/v1/people/${id}`, admin)).status).toBe(200);
    const renamed = await call(url, 'PATCH', `/v1/people/${id}`, admin, {
      displayName: { ko: secrets[3], en: secrets[1] },
    });
    expect(renamed.status).toBe(200);
    // A failed sign-in names the login it was given, never a name or an address.
    await fetch(`${url}/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `logged.${tag}`, password: 'wrong password' }),
    });
    const erased = await call(url, 'POST', `/v1/people/${id}/erase`, admin, { reason: 'request' });
    expect(erased.status).toBe(200);
    expect((await call(url, 'GET', `/v1/people/${id}`, admin)).body).toMatchObject({
      email: '(erased)',
    });
    await new Promise((r) => setTimeout(r, 300)); // the last lines flushed
    expect(output).toContain(`/v1/people/${id}/erase`); // logging was on
    const naming = output.split('\n').filter((line) => secrets.some((s) => line.includes(s)));
    expect(naming).toEqual([]);
  }, 30_000);
});
