/**
 * Read-model speed, measured in one run on a dedicated database (liaison_bench_proj, dropped and
 * created afresh):
 *
 *   npm run bench:projections     (node -r @swc-node/register bench/projections.bench.ts)
 *
 * 1. rebuild: `rebuildProjection` of the follow-up board over the whole log (~1,000,000 events:
 *    100,000 follow-ups of 10 valid events each, plus 2,000 workshops), beside a plain read of
 *    the same events with `EventStore.readAll` in the same run: the floor a replay cannot beat;
 * 2. board queries on the resulting 100,000 tasks through the query handlers: p50/p99 latency
 *    for the common filters (agency+status, an officer's status filter, overdue, workshopId).
 *
 * The log is written with set-based SQL (fake hashes: projections never check them), since a
 * million appends through the store would measure the store, not the projections.
 * Knobs: BENCH_PROJ_DATABASE_URL, BENCH_FOLLOW_UPS (default 100000), BENCH_QUERY_ITERATIONS
 * (default 400).
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { Checkpoint, EventStore, START } from '../libs/event-store/src';
import { Actor } from '../libs/follow-up/src/domain/context';
import { followUpBoardProjection } from '../libs/views/src/board/follow-up-board.projection';
import { BoardReader } from '../libs/views/src/queries/board.reader';
import { ListFollowUpsHandler } from '../libs/views/src/queries/list-follow-ups/list-follow-ups.handler';
import {
  ListFollowUpsParams,
  ListFollowUpsQuery,
} from '../libs/views/src/queries/list-follow-ups/list-follow-ups.query';
import { ProjectionFreshness } from '../libs/views/src/read-your-writes/projection-freshness';
import { rebuildProjection } from '../libs/views/src/rebuild/rebuild-projection';
import { readForReplay } from '../libs/views/src/rebuild/replay-reader';
import { createDataSource, createPgPool, runMigrations } from '../libs/platform/src';
import { envInt, log, machineInfo, printJson, round } from './bench-utils';

const DATABASE_URL =
  process.env.BENCH_PROJ_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/liaison_bench_proj';
const FOLLOW_UPS = envInt('BENCH_FOLLOW_UPS', 100_000);
const WORKSHOPS = 2000;
const ACTIONS_PER_WORKSHOP = 5;
const QUERY_ITERATIONS = envInt('BENCH_QUERY_ITERATIONS', 400);
const READ_PAGE = 10_000;
const AGENCIES = ['KISA', 'NIS', 'AISI', 'FSC', 'FSI', 'NAISC', 'MOFA', 'MSIT'];
const HOSTS = ['MSIT', 'MOFA'];
const STATUSES = [
  'routed',
  'acknowledged',
  'in_progress',
  'submitted',
  'accepted',
  'cancelled',
] as const;
const TARGETS = { rebuildEventsPerS: 50_000, boardP99Ms: 20 };

// ── The log ───────────────────────────────────────────────────────────────────────────────────

/** Ten events per follow-up, each sequence valid in the state machine; six endings. */
const PATTERNS = [
  [
    'Assigned',
    'Routed',
    'Delivered',
    'ReminderSent',
    'Acknowledged',
    'Started',
    'ProgressReported',
    'ProgressReported',
    'Submitted',
    'Accepted',
  ],
  [
    'Assigned',
    'Routed',
    'Delivered',
    'Acknowledged',
    'Started',
    'ReminderSent',
    'ProgressReported',
    'Overdue',
    'Escalated',
    'ProgressReported',
  ],
  [
    'Assigned',
    'Routed',
    'Delivered',
    'Declined',
    'Reassigned',
    'Routed',
    'Delivered',
    'Acknowledged',
    'ReminderSent',
    'Overdue',
  ],
  [
    'Assigned',
    'Routed',
    'Delivered',
    'Acknowledged',
    'Overdue',
    'DueDateExtended',
    'Started',
    'ProgressReported',
    'ReminderSent',
    'Submitted',
  ],
  [
    'Assigned',
    'Routed',
    'Delivered',
    'Acknowledged',
    'Started',
    'Declined',
    'ReminderSent',
    'Overdue',
    'Escalated',
    'Cancelled',
  ],
  [
    'Assigned',
    'Routed',
    'Delivered',
    'ReminderSent',
    'Overdue',
    'Escalated',
    'DueDateExtended',
    'ReminderSent',
    'Overdue',
    'RoutingFailed',
  ],
].map((p) => p.map((t) => `FollowUp${t}`));

const META = `'{"actor":"bench","role":"system","correlation_id":"bench"}'::jsonb`;

/** Follow-up n: its pattern (n % 6), agency (n / 6), workshop (n / 7), source and due time all
 * derive from n, chosen so that agencies, statuses and hosts are spread independently. */
const INSERT_FOLLOW_UPS = `
  INSERT INTO events (stream_id, version, event_id, type, schema_version, data, metadata,
    recorded_at, hash)
  SELECT 'follow-up-' || f.id, v, gen_random_uuid(), t.type, 1,
    CASE t.type
      WHEN 'FollowUpAssigned' THEN jsonb_build_object('followUpId', f.id, 'workshopId', f.ws,
        'hostAgency', f.host, 'sourceId', f.src, 'sourceKind', 'action', 'assigneeAgency', f.agency,
        'title', 'Follow-up ' || n, 'dueAt', f.due, 'priority',
        (ARRAY['low','normal','high','urgent'])[n % 4 + 1])
      WHEN 'FollowUpReassigned' THEN jsonb_build_object('followUpId', f.id, 'fromAgency', f.agency,
        'assigneeAgency', f.other, 'reason', 'better placed')
      WHEN 'FollowUpDueDateExtended' THEN jsonb_build_object('followUpId', f.id,
        'previousDueAt', f.due, 'dueAt', f.later, 'reason', 'more time')
      ELSE jsonb_build_object('followUpId', f.id, 'agency', f.agency, 'reason', 'r', 'note', 'n')
    END,
    ${META}, now() + make_interval(secs => n * 0.001 + v), '\\x00'::bytea
  FROM generate_series($1::int, $2::int) AS n
  CROSS JOIN LATERAL (SELECT
    md5('fu' || n)::uuid::text AS id,
    md5('ws' || n / 7 % ${WORKSHOPS})::uuid::text AS ws,
    (ARRAY['MSIT','MOFA'])[n / 7 % ${WORKSHOPS} % 2 + 1] AS host,
    md5('src' || n / 7 % ${WORKSHOPS} || '-' || n % ${ACTIONS_PER_WORKSHOP})::uuid::text AS src,
    $3::text[] AS agencies) AS a
  CROSS JOIN LATERAL (SELECT a.id, a.ws, a.host, a.src,
    a.agencies[n / 6 % 8 + 1] AS agency, a.agencies[(n / 6 + 3) % 8 + 1] AS other,
    to_char((timestamptz '2026-01-01Z' + make_interval(days => n % 180, hours => n % 24))
      AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS due,
    to_char((timestamptz '2026-08-01Z' + make_interval(days => n % 30))
      AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS later) AS f
  CROSS JOIN LATERAL unnest(($4::text[][])[n % 6 + 1:n % 6 + 1]) WITH ORDINALITY AS t(type, v)
  ORDER BY n / 500, v, n`;

const INSERT_WORKSHOPS = `
  INSERT INTO events (stream_id, version, event_id, type, schema_version, data, metadata,
    recorded_at, hash)
  SELECT 'workshop-' || md5('ws' || w)::uuid, v + 1, gen_random_uuid(),
    CASE WHEN v = 0 THEN 'WorkshopHeld' ELSE 'ActionAgreed' END, 1,
    CASE WHEN v = 0 THEN jsonb_build_object('workshopId', md5('ws' || w)::uuid,
        'title', 'Workshop ' || w, 'heldOn', to_char(date '2025-01-01' + w % 365, 'YYYY-MM-DD'),
        'hostAgency', (ARRAY['MSIT','MOFA'])[w % 2 + 1], 'counterparts', '["OPENAI"]'::jsonb,
        'attendingAgencies', '["KISA","NIS"]'::jsonb, 'topics', '["AI security"]'::jsonb)
      ELSE jsonb_build_object('workshopId', md5('ws' || w)::uuid,
        'actionId', md5('src' || w || '-' || (v - 1))::uuid, 'description', 'Action ' || v,
        'ownerAgency', 'KISA', 'supportingAgencies', '[]'::jsonb)
    END,
    ${META}, now(), '\\x00'::bytea
  FROM generate_series(0, ${WORKSHOPS - 1}) AS w, generate_series(0, ${ACTIONS_PER_WORKSHOP}) AS v
  ORDER BY w, v`;

async function freshDatabase(): Promise<void> {
  const admin = new URL(DATABASE_URL);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const dataSource = await createDataSource(DATABASE_URL).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function writeLog(pool: Pool): Promise<{ events: number; seconds: number }> {
  const started = performance.now();
  await pool.query(INSERT_WORKSHOPS);
  const chunk = 10_000; // one transaction each, like many writers over time
  for (let lo = 0; lo < FOLLOW_UPS; lo += chunk) {
    await pool.query(INSERT_FOLLOW_UPS, [
      lo,
      Math.min(FOLLOW_UPS, lo + chunk) - 1,
      AGENCIES,
      PATTERNS,
    ]);
    log(`log: ${Math.min(FOLLOW_UPS, lo + chunk)} / ${FOLLOW_UPS} follow-ups written`);
  }
  await pool.query('VACUUM ANALYZE events');
  await untilReadable(pool);
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  return { events: rows[0].n, seconds: (performance.now() - started) / 1000 };
}

/**
 * Readers take only events below the oldest open transaction, cluster-wide: one idle-in-
 * transaction session elsewhere on the server would hide the log from the rebuild and make it
 * look fast. Wait until every event is readable (or give up loudly).
 */
async function untilReadable(pool: Pool): Promise<void> {
  for (let waited = 0; ; waited += 200) {
    const { rows } = await pool.query<{ hidden: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM events
         WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot())) AS hidden`,
    );
    if (!rows[0].hidden) return;
    if (waited > 120_000) throw new Error('an open transaction on the server hides the log');
    if (waited % 5000 === 0) log('waiting for older transactions on the server to finish');
    await new Promise((r) => setTimeout(r, 200));
  }
}

// ── Measurements ──────────────────────────────────────────────────────────────────────────────

/** What a live subscription reads: every column of every event, through the store. */
async function plainRead(store: EventStore): Promise<{ events: number; seconds: number }> {
  const started = performance.now();
  let after: Checkpoint = START;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: READ_PAGE });
    if (page.events.length === 0) break;
    events += page.events.length;
    after = page.checkpoint;
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}

/** What a rebuild reads (the board's streams and columns), without applying anything. */
async function replayRead(
  pool: Pool,
  store: EventStore,
): Promise<{ events: number; seconds: number }> {
  const started = performance.now();
  let after: Checkpoint = START;
  let events = 0;
  for (;;) {
    const page = await readForReplay(pool, store, followUpBoardProjection, after, READ_PAGE);
    if (page.length === 0) break;
    events += page.length;
    after = page[page.length - 1];
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}

async function rebuild(pool: Pool, store: EventStore) {
  const started = performance.now();
  let lastLog = 0;
  const result = await rebuildProjection({
    pool,
    store,
    projection: followUpBoardProjection,
    batchSize: READ_PAGE,
    restart: true,
    onProgress: (p) => {
      if (p.events - lastLog < 200_000) return;
      lastLog = p.events;
      log(`rebuild: ${p.events} events`);
    },
  });
  return { events: result.events, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function latency(
  handler: ListFollowUpsHandler,
  make: (i: number) => [Actor, ListFollowUpsParams],
): Promise<{ p50_ms: number; p99_ms: number; max_ms: number; mean_rows: number }> {
  for (let i = 0; i < 30; i++) await handler.execute(new ListFollowUpsQuery(...make(i)));
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < QUERY_ITERATIONS; i++) {
    const query = new ListFollowUpsQuery(...make(i + 1000));
    const t = performance.now();
    const page = await handler.execute(query);
    times.push(performance.now() - t);
    rows += page.items.length;
  }
  times.sort((a, b) => a - b);
  return {
    p50_ms: round(percentile(times, 50), 3),
    p99_ms: round(percentile(times, 99), 3),
    max_ms: round(times[times.length - 1], 3),
    mean_rows: round(rows / QUERY_ITERATIONS, 3),
  };
}

async function boardQueries(pool: Pool) {
  const handler = new ListFollowUpsHandler(new BoardReader(pool), new ProjectionFreshness(pool));
  const auditor: Actor = { id: 'bench-auditor', role: 'auditor' };
  const head = (i: number): Actor => ({
    id: 'bench-head',
    role: 'bureau_head',
    agency: HOSTS[i % 2],
  });
  const officer = (agency: string): Actor => ({
    id: 'bench-officer',
    role: 'agency_officer',
    agency,
  });
  const agency = (i: number) => AGENCIES[(i * 5) % AGENCIES.length];
  const status = (i: number) => STATUSES[(i * 7) % STATUSES.length];
  /** Each query as each kind of reader asks it: auditor, a bureau head, an officer. */
  const asSomeone = (i: number, a: string): Actor => [auditor, head(i), officer(a)][i % 3];
  const common = {
    agency_status: await latency(handler, (i) => [
      asSomeone(i, agency(i)),
      { agency: agency(i), status: status(i) },
    ]),
    overdue: await latency(handler, (i) => [asSomeone(i, agency(i)), { overdue: true }]),
    workshop: await latency(handler, (i) => {
      const w = (i * 7919) % WORKSHOPS;
      return [i % 2 === 0 ? auditor : head(w), { workshopId: md5Uuid(`ws${w}`) }];
    }),
  };
  const other = {
    officer_inbox_due_first: await latency(handler, (i) => [officer(agency(i)), { open: true }]),
    officer_statuses_by_priority: await latency(handler, (i) => [
      officer(agency(i)),
      { status: ['routed', 'acknowledged', 'in_progress'], sort: 'priority', order: 'desc' },
    ]),
    auditor_by_last_change: await latency(handler, () => [
      auditor,
      { sort: 'lastChangedAt', order: 'desc' },
    ]),
  };
  return { common, other };
}

/** The uuid the SQL above makes of a text: md5(text)::uuid. */
function md5Uuid(text: string): string {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function main(): Promise<void> {
  const machine = machineInfo();
  log(`fresh database ${DATABASE_URL}`);
  await freshDatabase();
  const pool = createPgPool(DATABASE_URL, 4, 'liaison-bench-projections');
  try {
    const store = new EventStore(pool);
    const written = await writeLog(pool);
    log(`log: ${written.events} events in ${written.seconds.toFixed(1)} s`);

    const read = await plainRead(store);
    log(`plain read (store.readAll): ${Math.round(read.events / read.seconds)} events/s`);
    const lean = await replayRead(pool, store);
    log(`replay read: ${Math.round(lean.events / lean.seconds)} events/s`);
    const rebuilt = await rebuild(pool, store);
    const rebuildRate = rebuilt.events / rebuilt.seconds;
    log(`rebuild: ${Math.round(rebuildRate)} events/s`);
    const tasks = Number((await pool.query('SELECT count(*) AS n FROM follow_up_board')).rows[0].n);

    const queries = await boardQueries(pool);
    const worstP99 = Math.max(...Object.values(queries.common).map((q) => q.p99_ms));
    printJson({
      bench: 'projections',
      machine,
      log: {
        events: written.events,
        follow_ups: FOLLOW_UPS,
        workshops: WORKSHOPS,
        write_s: round(written.seconds),
      },
      rebuild: {
        projection: followUpBoardProjection.name,
        events: rebuilt.events,
        seconds: round(rebuilt.seconds),
        events_per_s: round(rebuildRate),
        /** EventStore.readAll over the whole log: what a live subscription reads. */
        plain_read_events_per_s: round(read.events / read.seconds),
        /** The rebuild's own read (its streams and columns only) without applying: its floor. */
        replay_read_events: lean.events,
        replay_read_events_per_s: round(lean.events / lean.seconds),
        share_of_plain_read: round(rebuildRate / (read.events / read.seconds), 3),
        target_events_per_s: TARGETS.rebuildEventsPerS,
        meets_target: rebuildRate >= TARGETS.rebuildEventsPerS,
      },
      board_queries: {
        tasks,
        iterations: QUERY_ITERATIONS,
        page_size: 50,
        /** The target applies to these: agency+status, overdue, workshopId. */
        common_filters: queries.common,
        other_queries: queries.other,
        target_p99_ms: TARGETS.boardP99Ms,
        meets_target: worstP99 <= TARGETS.boardP99Ms,
      },
    });
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
