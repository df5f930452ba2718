import { execFileSync } from 'node:child_process';
import { Client } from 'pg';

/** "15.20" from `pg_dump (PostgreSQL) 15.20 (Debian …)`. */
export function toolVersion(tool: 'pg_dump' | 'pg_restore'): string {
  const text = execFileSync(tool, ['--version'], { encoding: 'utf8' });
  const m = /\(PostgreSQL\)\s+(\d+(?:\.\d+)?)/.exec(text);
  if (!m) throw new Error(`cannot read the version of ${tool}: "${text.trim()}"`);
  return m[1];
}

export const major = (version: string): number => Number(version.split('.')[0]);

export async function serverVersion(client: Client): Promise<string> {
  const { rows } = await client.query<{ v: string }>(
    "SELECT current_setting('server_version') AS v",
  );
  return rows[0].v.split(' ')[0];
}

/**
 * pg_dump reads only servers of its own major version or older, and pg_restore only archives
 * of one; say which binaries to use instead of failing half-way.
 */
export function requireToolAtLeast(
  tool: 'pg_dump' | 'pg_restore',
  toolVersionText: string,
  needed: string,
  what: string,
): void {
  if (major(toolVersionText) < major(needed)) {
    throw new Error(
      `${tool} ${toolVersionText} cannot handle ${what} ${needed}: use ${tool} ${major(needed)} or newer ` +
        '(e.g. /usr/lib/postgresql/<version>/bin on PATH)',
    );
  }
}

/** Runs a Postgres tool, its stderr kept for the error. */
export function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'pipe', 'pipe'], env, maxBuffer: 64 << 20 });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`${tool} failed: ${stderr.trim().slice(-2000) || (err as Error).message}`);
  }
}

/**
 * How a Postgres tool is told where to connect without the password in its arguments, which
 * any user of the machine sees in `ps`: the URL without it (`--dbname`), the password in the
 * tool's own environment (PGPASSWORD, readable only by the same user). Without a password in
 * the URL the tool finds one as libpq does (PGPASSWORD already set, or ~/.pgpass).
 */
export function toolConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = url.password
    ? decodeURIComponent(url.password)
    : (url.searchParams.get('password') ?? undefined);
  url.password = '';
  url.searchParams.delete('password');
  return {
    dbname: `--dbname=${url.toString()}`,
    env: password === undefined ? process.env : { ...process.env, PGPASSWORD: password },
  };
}
