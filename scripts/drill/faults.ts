/**
 * The faults, injected one at a time while the load runs: each takes something away, keeps it
 * away for the outage, brings it back and notes when.
 */
import { AppProcess } from './app-processes';
import { PostgresCluster } from './postgres-cluster';
import { RedisServer } from './redis-server';
import { FaultKind } from './drill-config';

export interface FaultRecord {
  kind: FaultKind;
  target: string;
  startedAt: number;
  /** When the service was back (process ready, server accepting connections). */
  restoredAt: number;
  /** The drill could not bring it back: the rest of the run says what that cost. */
  error?: string;
}

export interface Targets {
  apis: AppProcess[];
  /** Starts commands at the API with this index, so that some are in flight when it dies. */
  inFlight: (apiIndex: number) => void;
  workers: AppProcess[];
  postgres: PostgresCluster;
  redis: RedisServer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Long enough for a burst's first commands to reach their append, too short for most to end. */
const IN_FLIGHT_MS = 15;

async function inject(kind: FaultKind, t: Targets, outageMs: number): Promise<string> {
  switch (kind) {
    case 'worker-kill': {
      // The first worker started first, so it most likely holds the relay's and the
      // projections' locks: killing it makes the other take over.
      const worker = t.workers[0];
      await worker.kill();
      await worker.start(); // at once, as an orchestrator restarts a crashed process
      return worker.name;
    }
    case 'api-kill': {
      const api = t.apis.length - 1;
      // Killed while busy: commands cut off between their append and their answer are the
      // ones a retry must not apply again.
      t.inFlight(api);
      await sleep(IN_FLIGHT_MS);
      await t.apis[api].kill();
      await t.apis[api].start();
      return t.apis[api].name;
    }
    case 'redis-restart':
      await t.redis.shutdownNoSave();
      await sleep(outageMs);
      await t.redis.start();
      return 'redis (shutdown nosave)';
    case 'postgres-restart':
      await t.postgres.stopImmediate();
      await sleep(outageMs);
      await t.postgres.start();
      return 'postgres (-m immediate)';
    case 'postgres-freeze':
      t.postgres.freeze('SIGSTOP');
      try {
        await sleep(outageMs + 2_000); // longer than a request's patience
      } finally {
        t.postgres.freeze('SIGCONT');
      }
      return 'postgres (SIGSTOP)';
  }
}

export interface FaultSchedule {
  /** The first fault. */
  startAt: number;
  /** From one fault's start to the next's. */
  spacingMs: number;
  outageMs: number;
  /** The least time between one fault's end and the next, to see the system recover. */
  observeMs: number;
  /** Longest the drill waits for `recovered` before the next fault. */
  recoveryLimitMs: number;
}

const RECOVERY_POLL_MS = 100;

/**
 * Runs the faults in turn, one every `spacingMs` at most, and after each waits until the system
 * recovered (`recovered(restoredAt)`, or the limit passed) and then `observeMs` more: two
 * faults at once would measure neither.
 */
export async function runFaults(
  kinds: readonly FaultKind[],
  targets: Targets,
  schedule: FaultSchedule,
  recovered: (since: number) => boolean,
  onFault: (line: string) => void,
): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  for (const [i, kind] of kinds.entries()) {
    const due = schedule.startAt + i * schedule.spacingMs;
    if (due > Date.now()) await sleep(due - Date.now());
    const startedAt = Date.now();
    onFault(`fault ${i + 1}/${kinds.length}: ${kind}`);
    let target: string = kind;
    let error: string | undefined;
    try {
      target = await inject(kind, targets, schedule.outageMs);
    } catch (err) {
      error = err instanceof Error ? err.message.split('\n')[0] : String(err);
      onFault(`  could not complete ${kind}: ${error}`);
    }
    const restoredAt = Date.now();
    records.push({ kind, target, startedAt, restoredAt, ...(error && { error }) });
    const limit = restoredAt + schedule.recoveryLimitMs;
    while (!recovered(restoredAt) && Date.now() < limit) await sleep(RECOVERY_POLL_MS);
    await sleep(schedule.observeMs);
  }
  return records;
}
