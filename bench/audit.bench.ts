/**
 * Audit throughput over 1,000,000 events, beside a plain keyset-paged read of the same events
 * in the same run:
 *
 *   npm run bench:audit        (npm run build && node dist/bench/audit.bench.js)
 *
 * It runs the build, as the API does: from TypeScript sources each verification worker thread
 * would first spend a few hundred milliseconds compiling itself.
 *
 * 1. plain read: SELECT … WHERE position > $1 ORDER BY position LIMIT 10000, rows parsed by pg
 *    as usual (what any reader of the log pays);
 * 2. chain verification (every stream's hash chain recomputed), with 2 worker threads and with 1;
 * 3. seal verification (Merkle tree over the global order, signatures);
 * 4. full verify (both over one snapshot, side by side: what GET /audit/verify runs);
 * 5. NDJSON export into a discarding stream.
 * Sealing the log once (events/s) is reported too. Target: verification ≥ 200,000 events/s,
 * checked for the chains alone and for the full verify. The events are generated in SQL with valid hash chains (checked: verify must pass).
 *
 * Runs on its own database (liaison_bench_audit, dropped and recreated unless
 * BENCH_AUDIT_REUSE=1 finds it complete). Knobs: BENCH_AUDIT_EVENTS (default 1,000,000),
 * BENCH_ROUNDS (default 2).
 */
import { Writable } from 'node:stream';
import { Client, Pool } from 'pg';
import { ChainVerifier } from '../libs/audit/src/chains/chain-verifier';
import { eventBodyText } from '../libs/event-store/src/event-hash';
import { Exporter } from '../libs/audit/src/export/exporter';
import { loadSealKeys } from '../libs/audit/src/keys/seal-keys';
import { SealVerifier } from '../libs/audit/src/seals/seal-verifier';
import { Sealer } from '../libs/audit/src/seals/sealer';
import { AuditVerifier } from '../libs/audit/src/verify/audit-verifier';
import { createDataSource, createPgPool, runMigrations } from '../libs/platform/src';
import {
  envInt,
  interleave,
  log,
  machineInfo,
  median,
  printJson,
  RateSample,
  round,
  runOnce,
} from './bench-utils';

const DATABASE_URL =
  process.env.BENCH_AUDIT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/liaison_bench_audit';
const EVENTS = envInt('BENCH_AUDIT_EVENTS', 1_000_000);
const ROUNDS = envInt('BENCH_ROUNDS', 2);
const VERSIONS = 10; // events per stream
const CHUNK_STREAMS = 10_000; // streams per generating statement (100,000 events)
const PAGE = 10_000;
const TARGET_PER_S = 200_000;

// ── Database and data ─────────────────────────────────────────────────────────────────────────

async function adminQuery(sql: string): Promise<void> {
  const admin = new URL(DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function prepareDatabase(): Promise<boolean> {
  const name = new URL(DATABASE_URL).pathname.slice(1);
  if (process.env.BENCH_AUDIT_REUSE === '1') {
    try {
      const pool = createPgPool(DATABASE_URL, 1, 'liaison-bench-audit');
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
      await pool.end();
      if (Number(rows[0].n) === EVENTS) return false;
    } catch {
      // not there yet: create it below
    }
  }
  log(`creating database ${name}`);
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${name}"`);
  const dataSource = await createDataSource(DATABASE_URL).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  return true;
}

/**
 * The hash contract's body as a format() string: the contract's own text, fed placeholders
 * (each names its argument, so the fields may stand in any order).
 */
const BODY_FORMAT = eventBodyText({
  dataJson: '%1$s',
  eventId: '%2$s',
  metadataJson: '%3$s',
  recordedAtIso: '%4$s',
  schemaVersion: 1,
  streamId: '%5$s',
  type: '%6$s',
});

/**
 * One realistic follow-up event per (stream s, version v), written as canonical JSON (keys in
 * JavaScript sort order) so its canonical body, and so its hash, can be computed in SQL.
 */
const EVENT_FUNCTION = `
CREATE FUNCTION pg_temp.bench_event(s int, v int, OUT stream_id text, OUT event_id uuid,
  OUT type text, OUT data text, OUT metadata text, OUT recorded_at timestamptz, OUT body text)
LANGUAGE sql IMMUTABLE AS $$
  SELECT x.stream_id, x.event_id, x.type, x.data, x.metadata, x.recorded_at,
    format('${BODY_FORMAT}',
      x.data, x.event_id, x.metadata,
      to_char(x.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), x.stream_id, x.type)
  FROM (SELECT
      'follow-up-' || lpad(to_hex(s), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(s * 7919), 12, '0') AS stream_id,
      (lpad(to_hex(s), 8, '0') || '-' || lpad(to_hex(v), 4, '0') || '-4000-8000-' || lpad(to_hex(s * 31 + v), 12, '0'))::uuid AS event_id,
      (ARRAY['FollowUpAssigned','FollowUpRouted','FollowUpAcknowledged','FollowUpStarted','FollowUpProgressReported'])[1 + (v - 1) % 5] AS type,
      format('{"agency":"%s","due":{"at":"%s","tz":"Asia/Seoul"},"note":"progress note %s for task","seq":%s,"tags":["ai","security"],"workshopId":"%s"}',
        (ARRAY['KISA','MSIT','NIS','FSC'])[1 + s % 4],
        to_char(timestamp '2025-01-01' + s * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        v, s * 10 + v, '00000000-0000-4000-8000-' || lpad(to_hex(s / 10), 12, '0')) AS data,
      format('{"actor":"user-%s","agency":"%s","causation_id":"%s","correlation_id":"%s","role":"agency_officer"}',
        s % 97, (ARRAY['KISA','MSIT','NIS','FSC'])[1 + s % 4],
        lpad(to_hex(s), 8, '0') || '-' || lpad(to_hex(v - 1), 4, '0') || '-4000-8000-' || lpad(to_hex(s * 31 + v - 1), 12, '0'),
        'c0000000-0000-4000-8000-' || lpad(to_hex(s), 12, '0')) AS metadata,
      timestamptz '2025-06-01 00:00:00+00' + (s * 10 + v) * interval '1 millisecond' AS recorded_at) x
$$`;

/** Streams [first, first + n) with VERSIONS events each; chains computed version by version. */
const CHUNK_SQL = `
WITH RECURSIVE chain AS (
    SELECT s, 1 AS v, e.stream_id, e.event_id, e.type, e.data, e.metadata, e.recorded_at,
      sha256(convert_to(e.body, 'UTF8')) AS hash
    FROM generate_series($1::int, $1::int + $2::int - 1) AS s, LATERAL pg_temp.bench_event(s, 1) e
  UNION ALL
    SELECT c.s, c.v + 1, e.stream_id, e.event_id, e.type, e.data, e.metadata, e.recorded_at,
      sha256(c.hash || convert_to(e.body, 'UTF8'))
    FROM chain c, LATERAL pg_temp.bench_event(c.s, c.v + 1) e WHERE c.v < $3::int
)
INSERT INTO events (stream_id, version, event_id, type, schema_version, data, metadata, recorded_at, hash)
SELECT stream_id, v, event_id, type, 1, data::jsonb, metadata::jsonb, recorded_at, hash
FROM chain ORDER BY s / 500, v, s`;

async function generateEvents(): Promise<number> {
  const streams = Math.ceil(EVENTS / VERSIONS);
  const start = Date.now();
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      const client = new Client({ connectionString: DATABASE_URL });
      await client.connect();
      try {
        await client.query("SET work_mem = '256MB'");
        await client.query(EVENT_FUNCTION);
        while (next < streams) {
          const first = next;
          next += CHUNK_STREAMS;
          await client.query(CHUNK_SQL, [
            first,
            Math.min(CHUNK_STREAMS, streams - first),
            VERSIONS,
          ]);
          log(`generated ${Math.min(next, streams) * VERSIONS} events`);
        }
      } finally {
        await client.end();
      }
    }),
  );
  return Date.now() - start;
}

// ── Contenders ────────────────────────────────────────────────────────────────────────────────

const PLAIN_READ = `SELECT position, transaction_id, stream_id, version, event_id, type,
  schema_version, data, metadata, recorded_at, encode(hash, 'hex') AS hash
  FROM events WHERE position > $1 ORDER BY position LIMIT $2`;

function plainRead(pool: Pool) {
  return () =>
    runOnce(async () => {
      let after = '0';
      let units = 0;
      let ops = 0;
      for (;;) {
        const { rows } = await pool.query<{ position: string }>(PLAIN_READ, [after, PAGE]);
        ops++;
        if (rows.length === 0) break;
        units += rows.length;
        after = rows[rows.length - 1].position;
      }
      return { units, ops };
    });
}

function timed(work: () => Promise<number>) {
  return () => runOnce(async () => ({ units: await work(), ops: 1 }));
}

const discard = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

function summary(samples: RateSample[], baseline: RateSample[]) {
  const rates = samples.map((s) => s.perSecond);
  return {
    events_per_s: round(median(rates)),
    vs_plain_read: round(median(rates.map((r, i) => r / baseline[i].perSecond)), 3),
    rounds: rates.map((r) => round(r)),
  };
}

// ── Main ──────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const startedAt = Date.now();
  const machine = machineInfo();
  const fresh = await prepareDatabase();
  const pool = createPgPool(DATABASE_URL, 8, 'liaison-bench-audit');
  const keys = loadSealKeys({ NODE_ENV: 'development' });
  try {
    const generateMs = fresh ? await generateEvents() : null;
    if (fresh) await pool.query('VACUUM ANALYZE events');
    const events = Number(
      (await pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n,
    );

    log('sealing');
    const sealing = await runOnce(async () => {
      const seals = await new Sealer(pool, keys).sealAll();
      return { units: seals.reduce((n, s) => n + s.segmentCount, 0), ops: seals.length };
    });

    log('checking the generated log verifies');
    const check = await new AuditVerifier(pool, keys).verify();
    if (!check.ok)
      throw new Error(`generated log does not verify: ${JSON.stringify(check.firstBroken)}`);

    const chains = new ChainVerifier(pool);
    const seals = new SealVerifier(pool, keys);
    const full = new AuditVerifier(pool, keys);
    const exporter = new Exporter(pool, keys);
    const samples = await interleave('audit', ROUNDS, {
      plain_read: plainRead(pool),
      chains_2_workers: timed(async () => (await chains.verify({ workers: 2 })).checked),
      chains_in_process: timed(async () => (await chains.verify({ workers: 1 })).checked),
      seals: timed(async () => (await seals.verify()).checked),
      full_verify: timed(async () => (await full.verify({ workers: 2 })).checked),
      export: timed(async () => {
        await exporter.writeTo(discard());
        return events;
      }),
    });
    const baseline = samples.plain_read;
    const meets = (rounds: RateSample[]) => median(rounds.map((s) => s.perSecond)) >= TARGET_PER_S;
    printJson({
      machine,
      settings: {
        events,
        streams: Math.ceil(events / VERSIONS),
        rounds: ROUNDS,
        page: PAGE,
        method: 'contenders run back to back each round (order flipped every round); medians',
        database: new URL(DATABASE_URL).pathname.slice(1),
      },
      generate_ms: generateMs,
      // null when the reused database was sealed already
      seal_once:
        sealing.ops === 0
          ? null
          : { events: sealing.units, seals: sealing.ops, events_per_s: round(sealing.perSecond) },
      plain_keyset_read: {
        events_per_s: round(median(baseline.map((s) => s.perSecond))),
        rounds: baseline.map((s) => round(s.perSecond)),
      },
      chain_verification: {
        ...summary(samples.chains_2_workers, baseline),
        workers: 2,
        target_per_s: TARGET_PER_S,
        meets_target: meets(samples.chains_2_workers),
      },
      chain_verification_in_process: summary(samples.chains_in_process, baseline),
      seal_verification: summary(samples.seals, baseline),
      // what GET /audit/verify and `npm run audit -- verify` run: chains and seals side by side
      full_verify: {
        ...summary(samples.full_verify, baseline),
        target_per_s: TARGET_PER_S,
        meets_target: meets(samples.full_verify),
      },
      export_ndjson: summary(samples.export, baseline),
      total_seconds: round((Date.now() - startedAt) / 1000, 3),
    });
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
