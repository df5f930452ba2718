/**
 * Search speed, measured in one run on a dedicated database (liaison_bench_search, dropped and
 * created afresh, migrated):
 *
 *   npm run bench:search     (node -r @swc-node/register bench/search.bench.ts)
 *
 * The search table is filled with set-based SQL (BENCH_FOLLOW_UPS follow-ups, default 100,000,
 * three comments each, and 2,000 workshops), not through the projection: this measures the
 * query. Each follow-up has its board row too, with one in ten restricted and one in ten
 * confidential: an officer's search checks a task's classification there. Text is drawn from a vocabulary of 2,048 words (Korean of two and three syllables,
 * English) with a skewed frequency (index = 2048·u³), so some words are in a third of the
 * documents and most in few, as in real prose. Each query runs through SearchReader (the
 * route's code) as an auditor (all), MSIT's bureau head (the host of half) and KISA's officer
 * (an eighth), beside a plain primary-key lookup of one document in the same run.
 * Knobs: BENCH_SEARCH_DATABASE_URL, BENCH_FOLLOW_UPS, BENCH_QUERY_ITERATIONS (default 200),
 * BENCH_SEARCH_REUSE=1 (measure again on the documents an earlier run left).
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { Actor } from '../libs/follow-up/src/domain/context';
import { ProjectionFreshness } from '../libs/views/src/read-your-writes/projection-freshness';
import { SearchReader } from '../libs/views/src/search/search.reader';
import { createDataSource, createPgPool, runMigrations } from '../libs/platform/src';
import { envInt, log, machineInfo, printJson, round } from './bench-utils';

const DATABASE_URL =
  process.env.BENCH_SEARCH_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/liaison_bench_search';
const FOLLOW_UPS = envInt('BENCH_FOLLOW_UPS', 100_000);
const ITERATIONS = envInt('BENCH_QUERY_ITERATIONS', 200);
const TARGET_P99_MS = 50;
const CHUNK = 2000;

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

// Words 0–1023 Korean (syllables from fixed strides through the 11,172 Hangul syllables),
// 1024–2047 English-like (letters of an md5): deterministic, so runs compare.
const VOCABULARY = `
  CREATE TEMP TABLE vocab AS
  SELECT i, CASE WHEN i < 1024 THEN
      chr((44032 + (i::bigint * 7919) % 11172)::int) || chr((44032 + (i::bigint * 104729 + 17) % 11172)::int) ||
      CASE WHEN i % 3 = 0 THEN chr((44032 + (i::bigint * 1299709 + 5) % 11172)::int) ELSE '' END
    ELSE translate(substr(md5(i::text), 1, 3 + i % 6), '0123456789', 'ghijklmnop') END AS word
  FROM generate_series(0, 2047) AS i`;

/** n words from the skewed vocabulary, chosen by a hash of (doc, slot): repeatable. */
const words = (n: number, seed: string) => `(
  SELECT string_agg(v.word, ' ' ORDER BY k) FROM generate_series(1, ${n}) AS k
  JOIN vocab v ON v.i = floor(2048 * power(((hashint8((${seed})::bigint * 64 + k) & 2147483647)::float8 / 2147483647), 3))::int)`;

const AGENCIES = `(ARRAY['KISA','NIS','AISI','FSC','FSI','NAISC','MOFA','MSIT'])`;

// Ids are uuids, as the projection writes them (the officer's classification check casts a
// task's id to the board's uuid key): md5 of a name, so runs compare and the lookup finds them.
const FOLLOW_UP_ID = `md5('follow-up ' || g)::uuid::text`;
const COMMENT_ID = `md5('comment ' || g || ' ' || c)::uuid::text`;
const WORKSHOP_ID = `md5('workshop ' || (g % 2000))::uuid`;
const followUpId = (g: number) =>
  createHash('md5')
    .update(`follow-up ${g}`)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');

async function fill(pool: ReturnType<typeof createPgPool>): Promise<void> {
  await pool.query('SET maintenance_work_mem = 262144'); // KiB: the trigram index builds faster
  const client = await pool.connect();
  try {
    await client.query(VOCABULARY);
    // Statements of CHUNK follow-ups: a long transaction anywhere in the cluster holds back
    // every subscription's reads (they read below the oldest open transaction), so a bench on
    // a shared server must not write 400,000 rows in one.
    for (let from = 1; from <= FOLLOW_UPS; from += CHUNK) {
      const to = Math.min(FOLLOW_UPS, from + CHUNK - 1);
      await client.query(
        `
      INSERT INTO search_documents (doc_key, kind, item_id, parent_id, number, workshop_id, title,
        body, scope_host, scope_assignee, scope_attendees, changed_at, last_position,
        classification_level, classification_agencies, classification_people)
      SELECT 'follow-up:' || ${FOLLOW_UP_ID}, 'follow-up', ${FOLLOW_UP_ID}, NULL, NULL, NULL, ${words(6, 'g')},
        ${words(20, 'g + 10000000')}, CASE WHEN g % 2 = 0 THEN 'MSIT' ELSE 'MOFA' END,
        ${AGENCIES}[1 + g % 8], '{}', now() - g * interval '1 second', g, 'public', '{}', '{}'
      FROM generate_series($1::int, $2::int) AS g`,
        [from, to],
      );
      await client.query(
        `
      INSERT INTO search_documents (doc_key, kind, item_id, parent_id, number, workshop_id, title,
        body, scope_host, scope_assignee, scope_attendees, changed_at, last_position,
        classification_level, classification_agencies, classification_people)
      SELECT 'comment:' || ${COMMENT_ID}, 'comment', ${COMMENT_ID}, ${FOLLOW_UP_ID}, NULL, NULL,
        f.title, ${words(15, 'g * 4 + c + 20000000')}, f.scope_host, f.scope_assignee, '{}',
        now() - g * interval '1 second', g, 'public', '{}', '{}'
      FROM generate_series($1::int, $2::int) AS g, generate_series(1, 3) AS c
      JOIN LATERAL (SELECT title, scope_host, scope_assignee FROM search_documents
        WHERE doc_key = 'follow-up:' || ${FOLLOW_UP_ID}) f ON true`,
        [from, to],
      );
      // The board rows: an officer's search reads a task's classification there. One task in
      // ten is restricted (its assignee and NIS named), one in ten confidential (one person).
      await client.query(
        `
      INSERT INTO follow_up_board (follow_up_id, workshop_id, host_agency, source_id, source_kind,
        assignee_agency, title, status, priority, due_at, overdue, escalated, version,
        last_position, last_event_type, last_changed_at, created_at, supporting_agencies,
        classification_level, classification_agencies, classification_people)
      SELECT d.item_id::uuid, ${WORKSHOP_ID}, d.scope_host, gen_random_uuid(), 'action',
        d.scope_assignee, d.title, 'routed', 'normal', now() + interval '7 days', false, false, 2,
        d.last_position, 'FollowUpRouted', d.changed_at, d.changed_at, '{}',
        CASE g % 10 WHEN 3 THEN 'restricted' WHEN 7 THEN 'confidential' ELSE 'public' END,
        CASE g % 10 WHEN 3 THEN ARRAY[d.scope_assignee, 'NIS'] ELSE '{}' END,
        CASE g % 10 WHEN 7 THEN ARRAY[gen_random_uuid()::text] ELSE '{}' END
      FROM generate_series($1::int, $2::int) AS g
      JOIN search_documents d ON d.doc_key = 'follow-up:' || ${FOLLOW_UP_ID}`,
        [from, to],
      );
    }
    await client.query(`
      INSERT INTO search_documents (doc_key, kind, item_id, parent_id, number, workshop_id, title,
        body, scope_host, scope_assignee, scope_attendees, changed_at, last_position,
        classification_level, classification_agencies, classification_people)
      SELECT 'workshop:' || ${WORKSHOP_ID}, 'workshop', ${WORKSHOP_ID}::text, NULL, NULL, NULL, ${words(5, 'g + 30000000')},
        ${words(30, 'g + 40000000')}, 'MSIT', NULL, '{}', now() - g * interval '1 minute', g, 'public', '{}', '{}'
      FROM generate_series(1, 2000) AS g`);
    // As autovacuum leaves a live table: statistics, and the GIN indexes' pending lists merged
    // (right after 400,000 inserts every GIN scan also read the whole pending list: 76 ms for
    // an attendees lookup that found nothing).
    await client.query('VACUUM ANALYZE search_documents');
    await client.query('VACUUM ANALYZE follow_up_board');
  } finally {
    client.release();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed(n: number, work: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await work(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(times, 50), 2),
    p95Ms: round(percentile(times, 95), 2),
    p99Ms: round(percentile(times, 99), 2),
  };
}

async function main(): Promise<void> {
  const machine = machineInfo();
  // BENCH_SEARCH_REUSE=1 measures again on the documents of an earlier run (filling takes minutes).
  const reuse = process.env.BENCH_SEARCH_REUSE === '1';
  if (!reuse) {
    log(`fresh database ${DATABASE_URL}`);
    await freshDatabase();
  }
  const pool = createPgPool(DATABASE_URL, 4, 'liaison-bench-search');
  try {
    const started = performance.now();
    if (!reuse) await fill(pool);
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM search_documents');
    log(`${rows[0].n} documents in ${round((performance.now() - started) / 1000, 1)} s`);
    const vocab = await pool.query<{ i: number; word: string }>(
      `SELECT i, CASE WHEN i < 1024 THEN
          chr((44032 + (i::bigint * 7919) % 11172)::int) || chr((44032 + (i::bigint * 104729 + 17) % 11172)::int) ||
          CASE WHEN i % 3 = 0 THEN chr((44032 + (i::bigint * 1299709 + 5) % 11172)::int) ELSE '' END
        ELSE translate(substr(md5(i::text), 1, 3 + i % 6), '0123456789', 'ghijklmnop') END AS word
       FROM unnest(ARRAY[1, 3, 30, 300, 301, 900, 1030, 1100, 1500, 2000]) AS i`,
    );
    const word = new Map(vocab.rows.map((r) => [r.i, r.word]));
    const queries: Record<string, string> = {
      'ko 2 syllables, common (1 in 3 docs)': word.get(1)!,
      'ko 3 syllables, common': word.get(3)!,
      'ko 3 syllables, mid (word 30)': word.get(30)!,
      'ko 3 syllables, rare (word 300)': word.get(300)!,
      'ko 2 syllables, rare (word 301)': word.get(301)!,
      'ko 3 syllables, rare (word 900)': word.get(900)!,
      'en, mid (word 1100)': word.get(1100)!,
      'en, rare (word 2000)': word.get(2000)!,
      'ko + en, two words': `${word.get(30)} ${word.get(1030)}`,
      'ko 1 syllable (titles only)': word.get(300)!.slice(0, 1),
    };
    const reader = new SearchReader(pool, new ProjectionFreshness(pool));
    const actors: Record<string, Actor> = {
      auditor: { id: 'bench', role: 'auditor' },
      'MSIT bureau head': { id: 'bench', role: 'bureau_head', agency: 'MSIT' },
      'KISA officer': { id: 'bench', role: 'agency_officer', agency: 'KISA' },
    };
    const results: Record<string, unknown> = {};
    let worstP99 = 0;
    for (const [label, q] of Object.entries(queries)) {
      for (const [who, actor] of Object.entries(actors)) {
        const first = await reader.search(actor, { q, limit: 20 });
        const t = await timed(ITERATIONS, () => reader.search(actor, { q, limit: 20 }));
        worstP99 = Math.max(worstP99, t.p99Ms);
        results[`${label} — ${who}`] = { q, firstPage: first.items.length, ...t };
        log(`${label} — ${who} (${q}): p50 ${t.p50Ms} ms, p95 ${t.p95Ms} ms, p99 ${t.p99Ms} ms`);
      }
    }
    const lookup = await timed(ITERATIONS, (i) =>
      pool.query('SELECT doc_key, title FROM search_documents WHERE doc_key = $1', [
        `follow-up:${followUpId(1 + ((i * 7919) % FOLLOW_UPS))}`,
      ]),
    );
    printJson({
      benchmark: 'search',
      machine,
      documents: Number(rows[0].n),
      followUps: FOLLOW_UPS,
      comments: FOLLOW_UPS * 3,
      iterations: ITERATIONS,
      queries: results,
      baseline: { 'primary-key lookup of one document': lookup },
      target: { p99Ms: TARGET_P99_MS, worstP99Ms: worstP99, met: worstP99 <= TARGET_P99_MS },
    });
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
