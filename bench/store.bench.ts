/**
 * Event store throughput against a raw `pg` baseline, measured in one run on the same machine.
 *
 *   npm run bench:store            (node -r @swc-node/register bench/store.bench.ts)
 *
 * 1. single-event appends/s with 1 and with 16 concurrent writers: EventStore.append of one
 *    event with an exact expected version, beside one plain INSERT of the same row shape into a
 *    baseline table shaped like `events` (same columns, keys and indexes); at 16 writers both
 *    with the store's default coalescing of concurrent appends and with it switched off;
 * 2. 100-event batch appends (events/s) beside one multi-row INSERT of 100 rows;
 * 3. read-all (events/s): EventStore.readAll paging over the first READ_EVENTS events beside a
 *    plain keyset-paged SELECT … ORDER BY position over the same rows.
 *
 * Store and baseline are interleaved round by round (order flipped every round) and the median
 * is reported, because the machine is shared and noisy. Environment knobs: BENCH_DATABASE_URL,
 * BENCH_SECONDS (per sample, default 3), BENCH_ROUNDS (default 3), BENCH_READ_EVENTS
 * (default 200000), BENCH_BATCH_WRITERS (default 4), BENCH_ONLY.
 *
 * BENCH_PERSONAL_DATA=1: the appended events are PersonRegistered, and the store's side seals
 * their personal fields as the directory does (personal-fields.ts: per append, the data key read
 * and unwrapped, or made on a person's first event, and four fields sealed in one box); the
 * baseline inserts the same events in clear, and a third contender appends them through the
 * store in clear, so each write section also reports what encryption costs per event in the
 * same rounds, in throughput and in this process's CPU time.
 * Read-all reads the stored form and opens nothing, so it is left as it is.
 */
import { Pool } from 'pg';
import { Checkpoint, EventStore, NewEvent, START } from '../libs/event-store/src';
import { createPgPool } from '../libs/platform/src';
import {
  compare,
  envInt,
  interleave,
  log,
  machineInfo,
  median,
  printJson,
  RateSample,
  round,
  runForDuration,
  runOnce,
} from './bench-utils';
import {
  baselineInsertSql,
  baselineRow,
  cursors,
  DATABASE_URL,
  EVENTS_PER_STREAM,
  HISTORY_EVENTS,
  makeEvent,
  prepareDatabase,
  resetTables,
  uniqueTag,
} from './store-fixtures';
import { makePersonEvent, PERSONAL_DATA, sealEvents } from './personal-fields';

const SAMPLE_MS = envInt('BENCH_SECONDS', 3) * 1000;
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const READ_EVENTS = envInt('BENCH_READ_EVENTS', 200_000);
const BATCH_WRITERS = envInt('BENCH_BATCH_WRITERS', 4);
/** Comma-separated subset of sections to run (single1,single16,batch,read); all by default. */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'single1,single16,batch,read').split(','));
const BATCH_SIZE = 100;
const POOL_SIZE = 18;
const READ_PAGE = 5000;

const TARGETS = { single16: 0.75, batch: 0.5, readAll: 0.5 };

const INSERT_ONE = baselineInsertSql(1);
const INSERT_BATCH = baselineInsertSql(BATCH_SIZE);

/** The events every contender writes: PersonRegistered with BENCH_PERSONAL_DATA=1. */
const newEvent = PERSONAL_DATA ? makePersonEvent : makeEvent;

/** How the store's side turns a stream's new events into what it appends. */
type Encode = (streamId: string, events: NewEvent[]) => NewEvent[] | Promise<NewEvent[]>;
const inClear: Encode = (_, events) => events;

function storeSingle(store: EventStore, writers: number, ms = SAMPLE_MS, encode = inClear) {
  return async (): Promise<RateSample> => {
    const cs = cursors('s1', writers);
    return runForDuration(ms, writers, async (w) => {
      const c = cs[w];
      const events = await encode(c.streamId, [newEvent()]);
      await store.append(c.streamId, events, {
        expectedVersion: c.version === 0 ? 'no_stream' : c.version,
      });
      c.advance(1);
      return 1;
    });
  };
}

function baselineSingle(pool: Pool, writers: number, ms = SAMPLE_MS) {
  return async (): Promise<RateSample> => {
    const cs = cursors('b1', writers);
    return runForDuration(ms, writers, async (w) => {
      const c = cs[w];
      await pool.query(INSERT_ONE, baselineRow(c.streamId, c.version + 1, newEvent));
      c.advance(1);
      return 1;
    });
  };
}

function storeBatch(store: EventStore, writers: number, ms = SAMPLE_MS, encode = inClear) {
  return async (): Promise<RateSample> => {
    const tag = uniqueTag('sb');
    return runForDuration(ms, writers, async (w, i) => {
      const streamId = `${tag}-w${w}-${i}`;
      const events = await encode(
        streamId,
        Array.from({ length: BATCH_SIZE }, () => newEvent()),
      );
      await store.append(streamId, events, { expectedVersion: 'no_stream' });
      return BATCH_SIZE;
    });
  };
}

function baselineBatch(pool: Pool, writers: number, ms = SAMPLE_MS) {
  return async (): Promise<RateSample> => {
    const tag = uniqueTag('bb');
    return runForDuration(ms, writers, async (w, i) => {
      const streamId = `${tag}-w${w}-${i}`;
      const params = Array.from({ length: BATCH_SIZE }, (_, v) =>
        baselineRow(streamId, v + 1, newEvent),
      ).flat();
      await pool.query(INSERT_BATCH, params);
      return BATCH_SIZE;
    });
  };
}

function storeReadAll(store: EventStore, total: number) {
  return () =>
    runOnce(async () => {
      let after: Checkpoint = START;
      let units = 0;
      let ops = 0;
      while (units < total) {
        const page = await store.readAll({ after, limit: Math.min(READ_PAGE, total - units) });
        ops++;
        if (page.events.length === 0) throw new Error(`readAll ran dry after ${units} events`);
        units += page.events.length;
        after = page.checkpoint;
      }
      return { units, ops };
    });
}

/**
 * The same columns in the same representation as the store's read (hash as hex text, so both
 * sides move and parse the same bytes), keyset-paged on the primary key.
 */
const BASELINE_READ = `
  SELECT position, transaction_id, stream_id, version, event_id, type, schema_version,
         data, metadata, recorded_at, encode(hash, 'hex') AS hash
  FROM events WHERE position > $1 ORDER BY position LIMIT $2`;

function baselineReadAll(pool: Pool, total: number) {
  return () =>
    runOnce(async () => {
      let after = '0';
      let units = 0;
      let ops = 0;
      while (units < total) {
        const { rows } = await pool.query<{ position: string }>(BASELINE_READ, [
          after,
          Math.min(READ_PAGE, total - units),
        ]);
        ops++;
        if (rows.length === 0) throw new Error(`baseline read ran dry after ${units} rows`);
        units += rows.length;
        after = rows[rows.length - 1].position;
      }
      return { units, ops };
    });
}

/** Tops the events table up to `total` events through the store itself (realistic rows). */
async function seedEvents(store: EventStore, pool: Pool, total: number): Promise<number> {
  const count = async () =>
    Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n);
  let have = await count();
  if (have < total) {
    log(`seeding events: have ${have}, want ${total}`);
    const tag = uniqueTag('seed');
    const perBatch = 1000;
    let next = 0;
    const batches = Math.ceil((total - have) / perBatch);
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < batches) {
          const i = next++;
          const events = Array.from({ length: perBatch }, () => makeEvent());
          await store.append(`${tag}-${i}`, events, { expectedVersion: 'no_stream' });
        }
      }),
    );
    have = await count();
  }
  // Settle hint bits and statistics so neither reader pays for them on its first pass.
  await pool.query('VACUUM ANALYZE events');
  return have;
}

/**
 * The contenders of a write section: the store and the baseline, and with BENCH_PERSONAL_DATA=1
 * the store sealing personal fields (as "store") beside the same store in clear.
 */
function writers(
  store: (encode?: Encode) => () => Promise<RateSample>,
  baseline: () => Promise<RateSample>,
  sealed: Encode,
): Record<string, () => Promise<RateSample>> {
  return PERSONAL_DATA
    ? { store: store(sealed), store_in_clear: store(), baseline }
    : { store: store(), baseline };
}

/** With BENCH_PERSONAL_DATA=1, what sealing cost per event in the same rounds. */
function encryption(samples: Record<string, RateSample[]>) {
  const { store: sealed, store_in_clear: clear } = samples;
  if (!clear) return {};
  const perRound = (f: (s: number, c: number) => number) =>
    median(sealed.map((s, i) => f(s.perSecond, clear[i].perSecond)));
  return {
    personal_data: {
      note: 'store = personal fields sealed; store_in_clear = the same events unsealed',
      store_in_clear_per_s: round(median(clear.map((c) => c.perSecond))),
      sealed_over_clear: round(
        perRound((s, c) => s / c),
        3,
      ),
      cost_us_per_event: round(
        perRound((s, c) => 1e6 / s - 1e6 / c),
        3,
      ),
      // The bench process's CPU per event (sealing, preparing, sending; not Postgres's): what
      // encryption costs here whatever else the machine runs.
      cpu_us_per_event: {
        sealed: round(median(sealed.map((s) => s.cpuUs / s.units)), 3),
        in_clear: round(median(clear.map((c) => c.cpuUs / c.units)), 3),
      },
    },
  };
}

// ── Main ──────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const startedAt = Date.now();
  const machine = machineInfo();
  await prepareDatabase(DATABASE_URL);

  const pool = createPgPool(DATABASE_URL, POOL_SIZE, 'liaison-bench');
  const store = new EventStore(pool);
  // The same store with one statement per append: what coalescing adds is shown, not assumed.
  const uncoalesced = new EventStore(pool, undefined, { coalesce: false });
  const sealed: Encode = (streamId, events) => sealEvents(pool, streamId, events);
  try {
    const { rows } = await pool.query<{ v: string; sc: string }>(
      `SELECT current_setting('server_version') AS v, current_setting('synchronous_commit') AS sc`,
    );
    Object.assign(machine, { postgres_version: rows[0].v, synchronous_commit: rows[0].sc });
    await resetTables(pool, store);

    const result: Record<string, unknown> = {
      machine,
      settings: {
        sample_ms: SAMPLE_MS,
        rounds: ROUNDS,
        method:
          'store and baseline measured back to back in each round (order flipped every round); ' +
          'per_s = median over rounds; ratio = median of per-round store/baseline ratios',
        database: new URL(DATABASE_URL).pathname.slice(1),
        pool_size: POOL_SIZE,
        events_per_stream_single: EVENTS_PER_STREAM,
        history_events: HISTORY_EVENTS,
        personal_data: PERSONAL_DATA,
      },
    };

    log('warming up');
    await storeSingle(store, 4, 1000)();
    await baselineSingle(pool, 4, 1000)();
    await storeBatch(store, BATCH_WRITERS, 500)();
    await baselineBatch(pool, BATCH_WRITERS, 500)();
    if (PERSONAL_DATA) await storeSingle(store, 4, 1000, sealed)();

    if (ONLY.has('single1')) {
      log(`single appends, 1 writer (${ROUNDS} rounds × ${SAMPLE_MS} ms each side)`);
      const s1 = await interleave(
        'single/1',
        ROUNDS,
        writers((e) => storeSingle(store, 1, SAMPLE_MS, e), baselineSingle(pool, 1), sealed),
      );
      result.single_append_1_writer = {
        writers: 1,
        ...compare(s1.store, s1.baseline, null),
        ...encryption(s1),
      };
    }

    if (ONLY.has('single16')) {
      log('single appends, 16 writers');
      const s16 = await interleave(
        'single/16',
        ROUNDS,
        writers((e) => storeSingle(store, 16, SAMPLE_MS, e), baselineSingle(pool, 16), sealed),
      );
      result.single_append_16_writers = {
        writers: 16,
        note: 'EventStore.append as configured by default: concurrent single appends coalesced',
        ...compare(s16.store, s16.baseline, TARGETS.single16),
        ...encryption(s16),
      };
      log('single appends, 16 writers, one statement per append');
      const u16 = await interleave(
        'single/16/uncoalesced',
        ROUNDS,
        writers(
          (e) => storeSingle(uncoalesced, 16, SAMPLE_MS, e),
          baselineSingle(pool, 16),
          sealed,
        ),
      );
      result.single_append_16_writers_uncoalesced = {
        writers: 16,
        note: 'coalescing off: one append statement (and commit) per event',
        ...compare(u16.store, u16.baseline, TARGETS.single16),
        ...encryption(u16),
      };
    }

    if (ONLY.has('batch')) {
      log(`batch appends of ${BATCH_SIZE}, ${BATCH_WRITERS} writers`);
      const b = await interleave(
        'batch/100',
        ROUNDS,
        writers(
          (e) => storeBatch(store, BATCH_WRITERS, SAMPLE_MS, e),
          baselineBatch(pool, BATCH_WRITERS),
          sealed,
        ),
      );
      result.batch_append_100 = {
        writers: BATCH_WRITERS,
        batch_size: BATCH_SIZE,
        unit: 'events/s',
        ...compare(b.store, b.baseline, TARGETS.batch),
        ...encryption(b),
      };
    }

    if (ONLY.has('read')) {
      const eventsInTable = await seedEvents(store, pool, READ_EVENTS);
      log(`read-all over ${READ_EVENTS} of ${eventsInTable} events, pages of ${READ_PAGE}`);
      await storeReadAll(store, Math.min(READ_EVENTS, 20_000))(); // warm plans and caches
      await baselineReadAll(pool, Math.min(READ_EVENTS, 20_000))();
      const r = await interleave('read-all', ROUNDS, {
        store: storeReadAll(store, READ_EVENTS),
        baseline: baselineReadAll(pool, READ_EVENTS),
      });
      result.read_all = {
        events_read: READ_EVENTS,
        events_in_table: eventsInTable,
        page_size: READ_PAGE,
        unit: 'events/s',
        ...compare(r.store, r.baseline, TARGETS.readAll),
      };
    }

    machine.loadavg_at_end = machineInfo().loadavg_at_start;
    printJson({
      ...result,
      total_runtime_s: round((Date.now() - startedAt) / 1000, 3),
    });
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
