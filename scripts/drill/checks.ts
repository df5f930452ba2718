/**
 * After the load: lets the system drain and its timers come due, then checks every invariant
 * and works out each fault's recovery.
 */
import { Pool } from 'pg';
import { Death } from './app-processes';
import { TrafficLog } from './command-client';
import { DrillConfig } from './drill-config';
import { FaultRecord } from './faults';
import { commandChecks } from './invariants/command-checks';
import { InvariantResult, Tally } from './invariants/invariant';
import { drillEvents, eventsAt, followUpEvents } from './invariants/log-reader';
import { routingChecks, routingLags } from './invariants/routing-checks';
import { auditVerifies, nothingStuck, viewsEqualRebuild } from './invariants/system-checks';
import { foldTasks } from './invariants/task-fold';
import { timerChecks } from './invariants/timer-checks';
import { FaultRecovery, faultsRecovered, recoveries } from './recovery';
import { REDELIVER_AFTER_MS, Stage, SWEEP_INTERVAL_MS } from './stage';

export interface RunFacts {
  runId: string;
  config: DrillConfig;
  traffic: TrafficLog;
  faults: FaultRecord[];
  drillStart: number;
  loadEnd: number;
  auditorToken: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function noDeaths(stage: Stage, drillStart: number): InvariantResult {
  const tally = new Tally('no process died unless the drill killed it');
  for (const app of stage.apps) {
    const own: Death[] = stage.deaths.filter((d) => d.app === app.name);
    tally.check(own.length === 0, () => {
      // The first death is the defect; later ones may be restarts into an outage.
      const first = own[0];
      const lines = first.tail.trim().split('\n');
      const reason = lines.find((l) => /^\w*Error\b/.test(l)) ?? lines[lines.length - 1];
      const at = ((first.at - drillStart) / 1000).toFixed(1);
      return `${app.name} died ${own.length}×, first at ${at} s (code ${first.code}): ${reason.slice(0, 200)}`;
    });
  }
  return tally.result();
}

export async function checkRun(
  stage: Stage,
  run: RunFacts,
): Promise<{ results: InvariantResult[]; recoveries: FaultRecovery[] }> {
  const { config, traffic } = run;
  const pool = new Pool({ connectionString: stage.postgres.url, max: 2 });
  pool.on('error', () => {}); // an idle connection lost is not the drill's failure
  try {
    const settled = await nothingStuck(
      pool,
      config.settleMs,
      REDELIVER_AFTER_MS + SWEEP_INTERVAL_MS + config.timerSlackMs,
    );
    // Every near due date's timers fall before the load's end; give them their slack.
    const timersDue = run.loadEnd + config.timerSlackMs + 1_000;
    if (Date.now() < timersDue) await sleep(timersDue - Date.now());

    const tasks = foldTasks(await followUpEvents(pool));
    const written = await drillEvents(pool, run.runId);
    const positions = traffic.commands
      .filter((c) => c.outcome === 'ok')
      .map((c) => Number((c.final!.body as { position?: unknown }).position))
      .filter(Number.isFinite);
    const atPosition = await eventsAt(pool, positions);
    const apiUrls = stage.apis.map((a) => a.baseUrl);
    const rows = recoveries(run.faults, traffic.attempts, apiUrls, routingLags(tasks), run.loadEnd);

    const results: InvariantResult[] = [
      ...commandChecks(traffic.commands, written, atPosition),
      ...routingChecks(tasks),
      ...timerChecks(tasks, {
        reminderLeadMs: config.reminderLeadMs,
        escalationGraceMs: config.escalationGraceMs,
        slackMs: config.timerSlackMs,
      }),
      await viewsEqualRebuild(stage.env),
      await auditVerifies(apiUrls[0], run.auditorToken, stage.env),
      settled,
      noDeaths(stage, run.drillStart),
      faultsRecovered(rows),
    ];
    return { results, recoveries: rows };
  } finally {
    await pool.end().catch(() => {});
  }
}
