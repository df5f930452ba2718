/**
 * `npm run backup` and `npm run restore` never put the database password in a tool's arguments
 * (any user of the machine reads those in `ps`): pg_dump and pg_restore get it in their
 * environment. The real tools run, behind a shim on PATH that records what each was given.
 * Idempotency keys stay out of the backup.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/throwaway-database';
import { dropDatabase, emptyDatabase } from './support/ops-databases';

const ROOT = join(__dirname, '../..');
// The test server trusts local connections, so any password is accepted: what matters here is
// only where it travels.
const PASSWORD = 'spec-secret-Zq81';

function run(script: 'backup' | 'restore', args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', `scripts/backup/${script}.ts`, ...args],
      { cwd: ROOT, env, timeout: 90_000 },
      (err, _stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

const withPassword = (url: string) => {
  const u = new URL(url);
  u.password = PASSWORD;
  return u.toString();
};

describe('backup and restore: the password stays out of argv', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'liaison-pgpass-'));
  const shims = join(tmp, 'bin');
  const log = join(tmp, 'calls.log');
  const target = `ops_pgpass_${Date.now().toString(36)}`;
  let source: ThrowawayDatabase;

  beforeAll(async () => {
    source = await createThrowawayDatabase('ops_pgpass_src', 2);
    execFileSync('mkdir', ['-p', shims]);
    for (const tool of ['pg_dump', 'pg_restore']) {
      const real = execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
      writeFileSync(
        join(shims, tool),
        `#!/bin/sh\nprintf '%s args:' ${tool} >> "${log}"\nprintf ' %s' "$@" >> "${log}"\n` +
          `printf ' env:%s\\n' "$PGPASSWORD" >> "${log}"\nexec "${real}" "$@"\n`,
      );
      chmodSync(join(shims, tool), 0o755);
    }
  }, 60_000);
  afterAll(async () => {
    await source?.drop();
    await dropDatabase(target);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('pg_dump and pg_restore get the password in PGPASSWORD, never in their arguments', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${shims}:${process.env.PATH}` };
    delete env.PGPASSWORD;
    const out = join(tmp, 'backup');
    await source.pool.query(
      `INSERT INTO idempotency_keys (actor, key, request_hash) VALUES ('spec', 'k', 'h')`,
    );
    // the URL through the environment, as the README says to pass it
    const backedUp = await run('backup', ['--out', out], {
      ...env,
      DATABASE_URL: withPassword(source.url),
      DATABASE_DIRECT_URL: withPassword(source.url),
    });
    expect(backedUp).toMatchObject({ code: 0 });
    const restoreUrl = withPassword(await emptyDatabase(target));
    const restored = await run('restore', [out], {
      ...env,
      DATABASE_URL: restoreUrl,
      DATABASE_DIRECT_URL: restoreUrl,
    });
    expect(restored).toMatchObject({ code: 0 });
    // idempotency keys are left out of the backup (they expire; README, Backup and restore)
    const check = new Client({ connectionString: restoreUrl });
    await check.connect();
    const keys = await check.query('SELECT 1 FROM idempotency_keys');
    await check.end();
    expect(keys.rowCount).toBe(0);

    const calls = readFileSync(log, 'utf8')
      .split('\n')
      .filter((line) => / --dbname=/.test(line));
    expect(calls.map((c) => c.split(' ')[0]).sort()).toEqual(['pg_dump', 'pg_restore']);
    for (const call of calls) {
      const [args, env] = call.split(' env:');
      expect(args).not.toContain(PASSWORD);
      expect(env).toBe(PASSWORD);
    }
  }, 120_000);
});
