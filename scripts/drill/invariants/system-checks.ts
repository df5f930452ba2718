/**
 * The system after the load: it drains (subscriptions caught up, no job left behind), its views
 * equal a replay of the log, and the audit trail verifies. The views and the audit are checked
 * with the project's own tools (`projections:check` and `audit` from the build, and the
 * auditor's route), as an operator would.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { InvariantResult, Tally } from './invariant';
import { backlog, Backlog } from './log-reader';

const DIST = join(__dirname, '..', '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The built form of an npm script's CLI: package.json names its source (`node -r
 * @swc-node/register <path>.ts`), the build holds `<path>.js`. Read there so that the drill
 * follows a CLI that moves, and runs it without compiling it again.
 */
function builtCli(script: string): string {
  const pkg = JSON.parse(readFileSync(join(DIST, '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const source = /(\S+)\.ts\b/.exec(pkg.scripts[script] ?? '')?.[1];
  const built = source && join(DIST, `${source}.js`);
  if (!built || !existsSync(built)) {
    throw new Error(`npm run ${script}: no built CLI (${built || 'no .ts in the script'})`);
  }
  return built;
}

/** Runs an npm script's CLI from the build; a missing CLI is a failed run, not a crash. */
function runCli(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let cli: string;
  try {
    cli = builtCli(script);
  } catch (err) {
    return Promise.resolve({ code: -1, stdout: '', stderr: String(err) });
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Waits, up to `withinMs`, for every subscription to reach the head and every due job to be
 * finished; the result says what is still left if it never did. */
export async function nothingStuck(
  pool: Pool,
  withinMs: number,
  unfinishedOlderThanMs: number,
): Promise<InvariantResult> {
  const started = Date.now();
  let last: Backlog | undefined;
  let error: string | undefined;
  while (Date.now() - started < withinMs) {
    try {
      last = await backlog(pool, unfinishedOlderThanMs);
      error = undefined;
      const lag = Object.values(last.lags).reduce((a, b) => a + b, 0);
      if (lag === 0 && last.unfinishedJobs === 0) break;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    await sleep(500);
  }
  const tally = new Tally('nothing stuck (lags 0, no unfinished jobs, no dead letters)');
  if (!last) {
    tally.check(false, () => `could not read the backlog: ${error}`);
    return tally.result();
  }
  for (const [name, lag] of Object.entries(last.lags)) {
    tally.check(lag === 0, () => `${name} still ${lag} events behind`);
  }
  tally.check(last.unfinishedJobs === 0, () => `${last.unfinishedJobs} due jobs never finished`);
  tally.check(last.deadLetters === 0, () => `${last.deadLetters} dead letters`);
  return tally.result(`drained ${((Date.now() - started) / 1000).toFixed(1)} s after the load`);
}

/** `npm run projections:check`, from the build. */
export async function viewsEqualRebuild(env: NodeJS.ProcessEnv): Promise<InvariantResult> {
  const { code, stdout, stderr } = await runCli('projections:check', [], env, 180_000);
  const tally = new Tally('views equal a rebuild');
  const summaries = stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { projection: string; differences: number; events: number });
  for (const s of summaries) {
    tally.check(s.differences === 0, () => `${s.projection}: ${s.differences} rows differ`);
  }
  if (code !== 0 && !summaries.some((s) => s.differences > 0)) {
    tally.check(false, () => `projections:check exited ${code}: ${stderr.trim().slice(0, 300)}`);
  }
  if (stdout) tally.examples.push(...stdout.split('\n').slice(0, 2).filter(Boolean));
  return tally.result();
}

/** Seals the log (the CLI, with the APIs' key), then `GET /v1/audit/verify` as an auditor. */
export async function auditVerifies(
  apiUrl: string,
  auditorToken: string,
  env: NodeJS.ProcessEnv,
): Promise<InvariantResult> {
  const tally = new Tally('audit verify ok');
  const sealed = await runCli('audit', ['seal'], env, 120_000);
  tally.check(
    sealed.code === 0,
    () => `audit seal exited ${sealed.code}: ${sealed.stderr.trim().slice(0, 300)}`,
  );
  try {
    const res = await fetch(`${apiUrl}/v1/audit/verify`, {
      headers: { authorization: `Bearer ${auditorToken}` },
      signal: AbortSignal.timeout(180_000),
    });
    const body = (await res.json()) as { ok?: boolean; checked?: number; firstBroken?: unknown };
    tally.check(
      res.status === 200 && body.ok === true,
      () => `verify answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`,
    );
    return tally.result(`${body.checked ?? '?'} events verified`);
  } catch (err) {
    tally.check(false, () => `verify failed: ${String(err)}`);
    return tally.result();
  }
}
