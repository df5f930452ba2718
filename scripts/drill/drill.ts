/**
 * npm run drill — Liaison's own chaos drill. Starts a Postgres cluster and a Redis of its own,
 * two APIs and two workers from the build (production mode), drives a mixed load through the
 * APIs while it kills, stops and freezes things one at a time, then checks what must hold and
 * prints the faults with their recovery times, the invariants, and `N passed, M failed`.
 * Exit code 1 when any invariant failed, 2 when the drill itself could not run.
 * Settings: DRILL_SECONDS (load, default 150; 25 for the short form), DRILL_USERS, DRILL_RATE,
 * DRILL_FAULTS (comma list or none), DRILL_OUTAGE_SECONDS, DRILL_KEEP=1 (see drill-config.ts).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { freePort } from '../demo/processes';
import { AppProcess, assertBuilt, Death } from './app-processes';
import { PostgresCluster, RedisServer } from './cluster';
import { CommandClient, TrafficLog } from './command-client';
import { loadDrillConfig } from './drill-config';
import { runFaults } from './faults';
import { InvariantResult, Tally } from './invariants/invariant';
import { drillEvents, eventsAt, followUpEvents } from './invariants/log-reader';
import { commandChecks } from './invariants/command-checks';
import { routingChecks, routingLags } from './invariants/routing-checks';
import { auditVerifies, nothingStuck, viewsEqualRebuild } from './invariants/system-checks';
import { timerChecks } from './invariants/timer-checks';
import { foldTasks } from './invariants/task-fold';
import { Load } from './load';
import { faultsRecovered, recoveries } from './recovery';
import { examples, faultTable, invariantTable, trafficSummary, verdict } from './report';
import { runMigrations } from './migrate';
import { Tokens } from './tokens';

/** The sweep's settings in the drill: Redis loses its jobs here, and they must come back
 * within the run, not after the production default of minutes. */
const SWEEP_INTERVAL_MS = 2_000;
const REDELIVER_AFTER_MS = 5_000;

const say = (line: string) => console.log(`[drill] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  const config = loadDrillConfig();
  assertBuilt();
  const runId = randomBytes(3).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'liaison-drill-'));
  chmodSync(dir, 0o755); // Postgres may run as another OS user and must reach its directory
  const logDir = join(dir, 'logs');
  mkdirSync(logDir);
  say(
    `run ${runId} in ${dir}; load ${config.loadMs / 1000} s, faults: ${config.faults.join(', ') || 'none'}`,
  );

  const postgres = await PostgresCluster.create(join(dir, 'pg'));
  const redis = await RedisServer.create(join(dir, 'redis'));
  const apps: AppProcess[] = [];
  const deaths: Death[] = [];
  let pool: Pool | undefined;
  let failed = true;
  const teardown = async () => {
    await Promise.all(apps.map((a) => a.stop().catch(() => {})));
    await pool?.end().catch(() => {});
    await redis.stop();
    await postgres.stop();
  };
  const interrupted = () => void teardown().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await postgres.start();
    await postgres.createDatabase();
    await redis.start();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      AUDIT_SEAL_PRIVATE_KEY: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '10',
      QUEUE_PREFIX: `drill-${runId}`,
      REMINDER_LEAD_MS: String(config.reminderLeadMs),
      ESCALATION_GRACE_MS: String(config.escalationGraceMs),
      SWEEP_INTERVAL_MS: String(SWEEP_INTERVAL_MS),
      REDELIVER_AFTER_MS: String(REDELIVER_AFTER_MS),
      JOB_LOCK_MS: '5000', // a killed worker's job goes to the other within the run
    };
    await runMigrations(env);
    say(`postgres ${postgres.url}, redis ${redis.url}; migrated`);

    for (const i of [1, 2]) {
      const port = await freePort();
      apps.push(
        new AppProcess(`api-${i}`, 'api', { ...env, PORT: String(port) }, logDir, deaths, port),
      );
    }
    for (const i of [1, 2]) {
      // Workers log at info: one line per delivery and timer, which is what explains a failure.
      // Each its own health port: two on one machine cannot share the default.
      const port = await freePort();
      const workerEnv = { ...env, LOG_LEVEL: 'info', WORKER_HEALTH_PORT: String(port) };
      apps.push(new AppProcess(`worker-${i}`, 'worker', workerEnv, logDir, deaths, port));
    }
    const apis = apps.filter((a) => a.kind === 'api');
    const workers = apps.filter((a) => a.kind === 'worker');
    // One at a time: two shared cores boot four Nest apps faster in turn than all at once.
    for (const app of apps) await app.start();
    say(`started ${apps.map((a) => a.name).join(', ')}`);

    const tokens = new Tokens(env.JWT_SECRET!);
    const traffic: TrafficLog = { commands: [], attempts: [] };
    const apiUrls = apis.map((a) => a.baseUrl);
    const client = new CommandClient(
      apiUrls,
      traffic,
      runId,
      config.requestTimeoutMs,
      config.retryBudgetMs,
    );
    const drillStart = Date.now();
    const load = new Load(client, tokens, {
      endsAt: drillStart + config.loadMs,
      users: config.users,
      commandsPerSecond: config.commandsPerSecond,
      reminderLeadMs: config.reminderLeadMs,
      escalationGraceMs: config.escalationGraceMs,
    });
    const spacingMs = (config.loadMs * 0.75) / Math.max(1, config.faults.length);
    const [, faults] = await Promise.all([
      load.run(),
      runFaults(
        config.faults,
        { apis, workers, postgres, redis },
        {
          startAt: drillStart + config.loadMs * 0.15,
          spacingMs,
          outageMs: config.outageMs,
          observeMs: config.observeMs,
        },
        say,
      ).then((records) => {
        const last = records[records.length - 1];
        if (last) load.extendTo(last.restoredAt + config.observeMs);
        return records;
      }),
    ]);
    const loadEnd = load.endsAt;
    const loadMs = Date.now() - drillStart;
    say(trafficSummary(traffic.commands, loadMs));
    say(`load: ${JSON.stringify(load.stats)}; settling`);

    pool = new Pool({ connectionString: postgres.url, max: 2 });
    pool.on('error', () => {}); // an idle connection lost is not the drill's failure
    const settled = await nothingStuck(
      pool,
      config.settleMs,
      REDELIVER_AFTER_MS + SWEEP_INTERVAL_MS + config.timerSlackMs,
    );
    // Every near due date's timers fall before the load's end; give them their slack.
    const timersDue = loadEnd + config.timerSlackMs + 1_000;
    if (Date.now() < timersDue) await sleep(timersDue - Date.now());

    const tasks = foldTasks(await followUpEvents(pool));
    const written = await drillEvents(pool, runId);
    const positions = traffic.commands
      .filter((c) => c.outcome === 'ok')
      .map((c) => Number((c.final!.body as { position?: unknown }).position))
      .filter(Number.isFinite);
    const atPosition = await eventsAt(pool, positions);
    const lags = routingLags(tasks);
    const rows = recoveries(faults, traffic.attempts, apiUrls, lags, loadEnd);

    const deathsTally = new Tally('no process died unless the drill killed it');
    for (const app of apps) {
      const own = deaths.filter((d) => d.app === app.name);
      deathsTally.check(own.length === 0, () => {
        // The first death is the defect; later ones may be restarts into an outage.
        const first = own[0];
        const lines = first.tail.trim().split('\n');
        const reason = lines.find((l) => /^\w*Error\b/.test(l)) ?? lines[lines.length - 1];
        const at = ((first.at - drillStart) / 1000).toFixed(1);
        return `${app.name} died ${own.length}×, first at ${at} s (code ${first.code}): ${reason.slice(0, 200)}`;
      });
    }

    const results: InvariantResult[] = [
      ...commandChecks(traffic.commands, written, atPosition),
      ...routingChecks(tasks),
      ...timerChecks(tasks, {
        reminderLeadMs: config.reminderLeadMs,
        escalationGraceMs: config.escalationGraceMs,
        slackMs: config.timerSlackMs,
      }),
      await viewsEqualRebuild(env),
      await auditVerifies(apiUrls[0], tokens.auditor(), env),
      settled,
      deathsTally.result(),
      faultsRecovered(rows),
    ];

    console.log('');
    console.log(faultTable(rows, drillStart));
    console.log('');
    console.log(invariantTable(results));
    const detail = examples(results);
    if (detail) console.log(`\n${detail}`);
    const { line, failed: failures } = verdict(results);
    failed = failures > 0;
    console.log(`\nlogs: ${logDir}${failed || config.keep ? '' : ' (removed: all passed)'}`);
    console.log(line);
    return failed ? 1 : 0;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await teardown();
    if (!failed && !config.keep) rmSync(dir, { recursive: true, force: true });
    else rmSync(join(dir, 'pg', 'data'), { recursive: true, force: true }); // logs only
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[drill] could not run: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
