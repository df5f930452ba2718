/**
 * Routing throughput and latency, beside plain BullMQ, in one run on the same machine.
 *
 *   npm run bench:routing          (node -r @swc-node/register bench/routing.bench.ts)
 *
 * The routing workers run in child processes (test/fixtures/routing-worker.process.ts, the
 * worker's routing module); this process plays the API and sends assignments through the
 * CommandBus. Database liaison_bench_routing (made anew), a unique BullMQ prefix.
 *
 * 1. latency at a fixed rate: BENCH_RATE assignments/s (default 500) for BENCH_SECONDS (10),
 *    sent open-loop; per task, command accepted → its job on `agency-<code>` (the job's
 *    creation stamp) and → an agency worker picking it up; again at BENCH_LOW_RATE (200);
 * 2. sustained routing: BENCH_BACKLOG (10000) assignment events appended while the relay (which
 *    routes) waits on stand-by, then drained: routed/s from its release to the last
 *    FollowUpRouted (delivery and timers run alongside, on the same cores);
 * 3. baseline: plain BullMQ `add` → worker at the same rate, and a drain of the same backlog.
 * Knobs: BENCH_WORKERS (worker processes, default 1: the machine has 2 cores for everything),
 * BENCH_REDIS_URL, BENCH_PG_SOCKET_DIR (Postgres over its Unix socket), BENCH_KEEP.
 */
import { Job, Queue, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { EventStore } from '../libs/event-store/src';
import { agencyQueue, jobIds, RELAY_SUBSCRIPTION } from '../libs/routing/src';
import {
  assign,
  holdWorkshop,
  ScenarioWorkshop,
} from '../libs/routing/src/testing/routing-scenario';
import { createPrivateDatabase } from '../test/support/throwaway-database';
import {
  cleanUpRoutingEnv,
  RoutingApp,
  RoutingTestEnv,
  startRoutingApp,
  workerProcessEnv,
} from '../test/support/routing-harness';
import { WorkerProcess } from '../test/support/worker-process';
import { envInt, log, machineInfo, printJson, round } from './bench-utils';
import { assignedEvent, percentiles, sleep, waitUntil } from './routing-bench-fixtures';

const RATE = envInt('BENCH_RATE', 500);
/** A second, lower rate, to show the latency while the rate stays within capacity. */
const LOW_RATE = envInt('BENCH_LOW_RATE', 200);
const SECONDS = envInt('BENCH_SECONDS', 10);
const BACKLOG = envInt('BENCH_BACKLOG', 10_000);
const WORKERS = envInt('BENCH_WORKERS', 1);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** e.g. /var/run/postgresql: talk to Postgres over its Unix socket, as a co-located deployment. */
const PG_SOCKET_DIR = process.env.BENCH_PG_SOCKET_DIR;
const DATABASE = 'liaison_bench_routing';
const AGENCIES = ['KISA', 'NIS', 'AISI', 'FSI', 'MOFA', 'FSC', 'NAISC', 'MSIT'];

async function main(): Promise<void> {
  const tcpUrl = await createPrivateDatabase(DATABASE);
  const env: RoutingTestEnv = {
    databaseName: DATABASE,
    databaseUrl: PG_SOCKET_DIR
      ? `postgres://postgres@localhost/${DATABASE}?host=${encodeURIComponent(PG_SOCKET_DIR)}`
      : tcpUrl,
    redisUrl: REDIS_URL,
    prefix: `bench-${randomUUID().slice(0, 8)}`,
    routingEnv: {},
  };
  env.routingEnv = {
    QUEUE_PREFIX: env.prefix,
    TIMER_CONCURRENCY: process.env.BENCH_TIMER_CONCURRENCY ?? '32',
    ...(process.env.BENCH_DELIVERY_CONCURRENCY && {
      DELIVERY_CONCURRENCY: process.env.BENCH_DELIVERY_CONCURRENCY,
    }),
    RELAY_POLL_MS: '50',
    DB_POOL_SIZE: process.env.BENCH_DB_POOL_SIZE ?? '20',
  };
  const app = await startRoutingApp(env, { workers: false });
  const workers = Array.from({ length: WORKERS }, () => new WorkerProcess(workerProcessEnv(env)));
  try {
    await Promise.all(workers.map((w) => w.start(60_000)));
    const workshop = await holdWorkshop(app.bus);
    log(`${WORKERS} worker process(es) up; warming up`);
    await atFixedRate(app, workshop, RATE, 1);
    const latency = await atFixedRate(app, workshop, RATE, SECONDS);
    const lowRate = await atFixedRate(app, workshop, LOW_RATE, SECONDS);
    const sustained = await backlog(app, workshop, workers);
    const plain = await plainBullmq(env);
    printJson({
      bench: 'routing',
      machine: machineInfo(),
      settings: {
        rate_per_s: RATE,
        seconds: SECONDS,
        backlog: BACKLOG,
        worker_processes: WORKERS,
        postgres: PG_SOCKET_DIR ? `unix socket ${PG_SOCKET_DIR}` : 'tcp 127.0.0.1',
      },
      routing: { at_fixed_rate: latency, at_lower_rate: lowRate, sustained },
      plain_bullmq: plain,
      targets: {
        p99_ms_at_500_per_s: 100,
        routed_per_s: 1000,
        p99_met: latency.accepted_to_agency_queue_ms.p99 <= 100,
        throughput_met: sustained.routed_per_s >= 1000,
      },
    });
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await app.close();
    if (!process.env.BENCH_KEEP) await cleanUpRoutingEnv(env); // BENCH_KEEP=1 to inspect
  }
}

/** Assignments sent open-loop at `rate`/s; latency from accepted to the agency queue. */
async function atFixedRate(
  app: RoutingApp,
  workshop: ScenarioWorkshop,
  rate: number,
  seconds: number,
) {
  const total = rate * seconds;
  const accepted = new Map<string, number>();
  const sends: Promise<void>[] = [];
  const from = await headPosition(app);
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const agency = AGENCIES[i % AGENCIES.length];
    sends.push(assign(app.bus, workshop, agency).then((r) => void accepted.set(r.id, Date.now())));
  }
  await Promise.all(sends);
  const sendSeconds = (performance.now() - start) / 1000;
  const ids = [...accepted.keys()];
  await waitUntil(
    async () => ((await countSince(app, 'FollowUpDelivered', from)).n >= total ? true : undefined),
    120_000,
    'every task delivered',
  );
  const jobs = await deliverJobs(app, ids);
  const toQueue = jobs.map((j) => j.timestamp - (accepted.get(j.followUpId) ?? 0));
  const toWorker = jobs.map((j) => j.processedOn - (accepted.get(j.followUpId) ?? 0));
  log(`fixed rate ${rate}/s × ${seconds}s: p99 ${round(percentiles(toQueue).p99)} ms`);
  return {
    rate_per_s: rate,
    assignments: total,
    achieved_rate_per_s: round(total / sendSeconds),
    accepted_to_agency_queue_ms: percentiles(toQueue),
    accepted_to_agency_worker_ms: percentiles(toWorker),
  };
}

interface DeliverJob {
  followUpId: string;
  timestamp: number;
  processedOn: number;
}

/** The deliver job of every task (all delivered by now). */
async function deliverJobs(app: RoutingApp, followUpIds: string[]): Promise<DeliverJob[]> {
  const { rows } = await app.pool.query<{ stream_id: string; event_id: string; agency: string }>(
    `SELECT stream_id, event_id, data->>'assigneeAgency' AS agency FROM events
     WHERE type = 'FollowUpAssigned' AND stream_id = ANY($1::text[])`,
    [followUpIds.map((id) => `follow-up-${id}`)],
  );
  const found: DeliverJob[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const page = await Promise.all(
      rows
        .slice(i, i + 500)
        .map((r) => app.queues.get(agencyQueue(r.agency)).getJob(jobIds.deliver(r.event_id))),
    );
    for (const job of page) {
      if (!job?.processedOn) throw new Error(`a deliver job is missing or unprocessed`);
      const followUpId = (job.data as { task: { followUpId: string } }).task.followUpId;
      found.push({ followUpId, timestamp: job.timestamp, processedOn: job.processedOn });
    }
  }
  return found;
}

/** The last global position, so that a phase counts only the events it caused. */
async function headPosition(app: RoutingApp): Promise<number> {
  const { rows } = await app.pool.query<{ p: string | null }>(
    'SELECT max(position) AS p FROM events',
  );
  return Number(rows[0].p ?? 0);
}

/** Events of a type after a position (cheap: no list of streams to match). */
async function countSince(app: RoutingApp, type: string, position: number) {
  const { rows } = await app.pool.query<{ n: number; last: Date | null }>(
    `SELECT count(*)::int AS n, max(recorded_at) AS last FROM events
     WHERE position > $1 AND type = $2`,
    [position, type],
  );
  return rows[0];
}

/**
 * A backlog of assignments, appended while the relay cannot run: this process holds the
 * relay's advisory lock, so the restarted workers' relays wait on stand-by. Then the lock is
 * released and one relay drains the backlog (delivery and timers alike run beside it).
 * Rate: from the release to the last FollowUpRouted.
 */
async function backlog(app: RoutingApp, workshop: ScenarioWorkshop, workers: WorkerProcess[]) {
  const store = app.get(EventStore);
  const ids = Array.from({ length: BACKLOG }, () => randomUUID());
  const from = await headPosition(app);
  await Promise.all(workers.map((w) => w.stop()));
  const lock = await app.pool.connect();
  // The key a Subscription locks: 'subscription:<name>' (libs/event-store/src/subscription.ts).
  const key = `subscription:${RELAY_SUBSCRIPTION}`;
  try {
    await lock.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
    await Promise.all(workers.map((w) => w.start(60_000)));
    log(`appending a backlog of ${BACKLOG} assignments (the relay on stand-by)`);
    for (let i = 0; i < ids.length; i += 200) {
      await Promise.all(
        ids.slice(i, i + 200).map((id, j) => {
          const event = assignedEvent(id, workshop, AGENCIES[(i + j) % AGENCIES.length]);
          return store.append(`follow-up-${id}`, [event], { expectedVersion: 'no_stream' });
        }),
      );
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
    lock.release();
  }
  const releasedAt = Date.now();
  const last = await waitUntil(
    async () => {
      const routed = await countSince(app, 'FollowUpRouted', from);
      return routed.n >= BACKLOG ? routed.last : undefined;
    },
    300_000,
    'the backlog routed',
  );
  const seconds = ((last?.getTime() ?? Date.now()) - releasedAt) / 1000;
  log(`backlog routed at ${Math.round(BACKLOG / seconds)}/s`);
  return { tasks: BACKLOG, seconds: round(seconds), routed_per_s: round(BACKLOG / seconds) };
}

/** The same shapes with nothing but BullMQ: add → a worker that does nothing. */
async function plainBullmq(env: RoutingTestEnv) {
  const connection = { url: env.redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue('plain', { connection, prefix: env.prefix });
  const processed = new Map<string, number>();
  const worker = new Worker(
    'plain',
    async (job: Job) => void processed.set(String(job.id), Date.now()),
    { connection, prefix: env.prefix, concurrency: 32 },
  );
  try {
    const total = RATE * SECONDS;
    const added: Job[] = [];
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const wait = start + (i * 1000) / RATE - performance.now();
      if (wait > 1) await sleep(wait);
      added.push(await queue.add('plain', { i }, { removeOnComplete: 50_000 }));
    }
    await waitUntil(async () => processed.size >= total || undefined, 60_000, 'plain jobs');
    const latency = added.map((j) => (processed.get(String(j.id)) ?? 0) - j.timestamp);
    processed.clear();
    const drainStart = performance.now();
    for (let i = 0; i < BACKLOG; i += 1000) {
      const chunk = Array.from({ length: Math.min(1000, BACKLOG - i) }, (_, k) => ({
        name: 'plain',
        data: { i: i + k },
        opts: { removeOnComplete: 50_000 },
      }));
      await queue.addBulk(chunk);
    }
    await waitUntil(async () => processed.size >= BACKLOG || undefined, 120_000, 'plain backlog');
    const drainSeconds = (performance.now() - drainStart) / 1000;
    return {
      at_fixed_rate: { jobs: total, add_to_worker_ms: percentiles(latency) },
      sustained: {
        jobs: BACKLOG,
        seconds: round(drainSeconds),
        jobs_per_s: round(BACKLOG / drainSeconds),
      },
    };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
