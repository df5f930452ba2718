/**
 * npm run drill — Liaison's own chaos drill. Starts a Postgres cluster and a Redis of its own,
 * two APIs and two workers from the build (production mode), drives a mixed load through the
 * APIs while it kills, stops and freezes things one at a time, then checks what must hold and
 * prints the faults with their recovery times, the invariants, and `N passed, M failed`.
 * Exit code 1 when any invariant failed, 2 when the drill itself could not run.
 * Settings: DRILL_SECONDS (load, default 150; 30 for the short form), DRILL_USERS, DRILL_RATE,
 * DRILL_FAULTS (comma list or none), DRILL_OUTAGE_SECONDS, DRILL_KEEP=1 (see drill-config.ts).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt } from './app-processes';
import { checkRun } from './checks';
import { CommandClient, TrafficLog } from './command-client';
import { DrillConfig, loadDrillConfig } from './drill-config';
import { runFaults } from './faults';
import { Load } from './load';
import { RECOVERY_LIMIT_MS } from './recovery';
import { examples, faultTable, invariantTable, trafficSummary, verdict } from './report';
import { Stage } from './stage';
import { Tokens } from './tokens';

const say = (line: string) => console.log(`[drill] ${line}`);
/** Commands sent to an API just before it is killed. */
const IN_FLIGHT_COMMANDS = 24;

/** The load and, alongside it, the faults; the load runs on until the last fault was watched. */
async function loadWithFaults(stage: Stage, config: DrillConfig, runId: string) {
  const tokens = new Tokens(stage.env.JWT_SECRET!);
  const traffic: TrafficLog = { commands: [], attempts: [], lastSuccess: new Map() };
  const apiUrls = stage.apis.map((a) => a.baseUrl);
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
  const schedule = {
    startAt: drillStart + config.loadMs * 0.15,
    spacingMs: (config.loadMs * 0.75) / Math.max(1, config.faults.length),
    outageMs: config.outageMs,
    observeMs: config.observeMs,
    recoveryLimitMs: RECOVERY_LIMIT_MS,
  };
  // Recovered: every API has answered a command 2xx since the service came back.
  const recovered = (since: number) =>
    apiUrls.every((api) => (traffic.lastSuccess.get(api) ?? 0) >= since);
  const { apis, workers, postgres, redis } = stage;
  const inFlight = (apiIndex: number) => load.burst(apiIndex, IN_FLIGHT_COMMANDS);
  load.hold();
  const [, faults] = await Promise.all([
    load.run(),
    runFaults(
      config.faults,
      { apis, inFlight, workers, postgres, redis },
      schedule,
      recovered,
      say,
    ).finally(() => load.release()),
  ]);
  say(trafficSummary(traffic.commands, Date.now() - drillStart));
  say(`load: ${JSON.stringify(load.stats)}; settling`);
  return {
    runId,
    config,
    traffic,
    faults,
    drillStart,
    loadEnd: load.endsAt,
    auditorToken: tokens.auditor(),
  };
}

async function main(): Promise<number> {
  const config = loadDrillConfig();
  assertBuilt();
  const runId = randomBytes(3).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'liaison-drill-'));
  chmodSync(dir, 0o755); // Postgres may run as another OS user and must reach its directory
  const logDir = join(dir, 'logs');
  mkdirSync(logDir);
  const faults = config.faults.join(', ') || 'none';
  say(`run ${runId} in ${dir}; load ${config.loadMs / 1000} s; faults: ${faults}`);

  const stage = await Stage.create(dir, logDir);
  let failed = true;
  const interrupted = () => void stage.stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await stage.start(config, runId);
    say(`postgres ${stage.postgres.url}, redis ${stage.redis.url}; migrated`);
    say(`started ${stage.apps.map((a) => a.name).join(', ')}`);
    const run = await loadWithFaults(stage, config, runId);
    const { results, recoveries } = await checkRun(stage, run);

    console.log(`\n${faultTable(recoveries, run.drillStart)}\n`);
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
    await stage.stop();
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
