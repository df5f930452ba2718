/**
 * The drill's settings, from DRILL_* variables. Every loop in the drill is bounded by these
 * times, so a run ends even when the system under test never recovers.
 */
export const FAULT_KINDS = [
  'worker-kill',
  'api-kill',
  'redis-restart',
  'postgres-restart',
  'postgres-freeze',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface DrillConfig {
  /** How long the load runs; the faults are spread over it. */
  loadMs: number;
  /** Virtual users working tasks through, each one request at a time. */
  users: number;
  /** Ceiling on commands per second across all users. */
  commandsPerSecond: number;
  /** How long one command may keep being retried (same Idempotency-Key) before it counts as
   * unanswered. */
  retryBudgetMs: number;
  /** One HTTP attempt; a frozen Postgres holds requests, so the client gives up and retries. */
  requestTimeoutMs: number;
  faults: FaultKind[];
  /** How long a stopped service stays down before the drill brings it back. */
  outageMs: number;
  /** The least time the drill watches the system recover before the next fault. */
  observeMs: number;
  /** Deadline timers: short, so that they fire during the drill. */
  reminderLeadMs: number;
  escalationGraceMs: number;
  /** How long after its time a timer may take to fire (a lost Redis job waits for the sweep). */
  timerSlackMs: number;
  /** After the load: how long the system gets to drain (lags to 0) before the checks. */
  settleMs: number;
  /** Keep the temp directory (data and logs) even when every invariant passed. */
  keep: boolean;
}

type Env = Record<string, string | undefined>;

function seconds(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback * 1000;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 3600) {
    throw new Error(`${name} must be a number of seconds from 0 to 3600 (got "${raw}")`);
  }
  return Math.round(value * 1000);
}

function count(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be an integer from 1 to ${max} (got "${raw}")`);
  }
  return value;
}

function faults(env: Env): FaultKind[] {
  const raw = env.DRILL_FAULTS;
  if (raw === undefined || raw === '') return [...FAULT_KINDS];
  if (raw === 'none') return [];
  const kinds = raw.split(',').map((s) => s.trim());
  for (const k of kinds) {
    if (!FAULT_KINDS.includes(k as FaultKind)) {
      throw new Error(`DRILL_FAULTS: "${k}" is not one of ${FAULT_KINDS.join(', ')} (or none)`);
    }
  }
  return kinds as FaultKind[];
}

/**
 * DRILL_SECONDS is the load's length (default 150: about four minutes in all with start-up and
 * checks); 30 gives the short form of about a minute. Shorter loads get shorter outages and
 * timers so that every fault and timer still fits. The load runs on past DRILL_SECONDS if the
 * faults need it (each is watched for a while after it ends), by at most their own bounds.
 */
export function loadDrillConfig(env: Env = process.env): DrillConfig {
  const loadMs = seconds(env, 'DRILL_SECONDS', 150);
  const short = loadMs < 60_000;
  return {
    loadMs,
    users: count(env, 'DRILL_USERS', short ? 4 : 8, 200),
    commandsPerSecond: count(env, 'DRILL_RATE', short ? 25 : 40, 10_000),
    retryBudgetMs: seconds(env, 'DRILL_RETRY_SECONDS', short ? 20 : 90),
    requestTimeoutMs: seconds(env, 'DRILL_REQUEST_TIMEOUT_SECONDS', 5),
    faults: faults(env),
    outageMs: seconds(env, 'DRILL_OUTAGE_SECONDS', short ? 2 : 4),
    observeMs: short ? 2_000 : 10_000,
    reminderLeadMs: short ? 4_000 : 10_000,
    escalationGraceMs: short ? 3_000 : 8_000,
    timerSlackMs: short ? 8_000 : 12_000,
    settleMs: seconds(env, 'DRILL_SETTLE_SECONDS', short ? 20 : 45),
    keep: env.DRILL_KEEP === '1',
  };
}
