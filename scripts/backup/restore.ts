/**
 * npm run restore -- <backup dir> [--database-url URL]
 * Restores a backup into an EMPTY database and proves it: the manifest's SHA-256 of every file
 * (one changed byte and the restore stops, naming the file, before touching the database), one
 * pg_restore in a single transaction, migrations up to this release, the snapshot's counts, every
 * hash chain and signed seal (libs/audit), and the read models rebuilt from the log and checked
 * against a fresh replay (libs/views). Prints what it restored as JSON; exit 1 when refused or
 * not proven.
 */
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { AuditVerifier, loadSealKeys, SealKeys, VerifyReport } from '@liaison/audit';
import { EventStore } from '@liaison/event-store';
import { createDataSource, createPgPool, runMigrations } from '@liaison/platform';
import { checkProjection, PROJECTIONS, rebuildProjection } from '@liaison/views';
import { cliDatabaseUrl } from './cli-options';
import { BackupManifest, BackupRefused, manifestProblems, readManifest } from './manifest';
import { requireToolAtLeast, runTool, toolConnection, toolVersion } from './pg-tools';

export interface RestoreOptions {
  from: string;
  databaseUrl: string;
  /** The seal keys to verify with (default: the environment's, as the apps read them). */
  keys?: SealKeys;
  onStep?: (step: string) => void;
}

export interface RestoreReport {
  backup: string;
  createdAt: string;
  events: number;
  streams: number;
  headPosition: number;
  seals: number;
  sealKeyIds: string[];
  migrationsApplied: string[];
  audit: { ok: true; checked: number; seals: number; unsealed: number };
  views: { projection: string; events: number; differences: 0 }[];
  tables: Record<string, number>;
  stepsMs: Record<string, number>;
  elapsedMs: number;
}

export async function restore(o: RestoreOptions): Promise<RestoreReport> {
  const started = Date.now();
  // Each step's duration goes into the report: what an operator sizes a restore window by.
  const stepsMs: Record<string, number> = {};
  let current: { name: string; at: number } | undefined;
  const step = (name: string) => {
    const now = Date.now();
    if (current) stepsMs[current.name] = now - current.at;
    current = { name, at: now };
    o.onStep?.(name);
  };
  const from = resolve(o.from);

  step('checking the backup against its manifest');
  const manifest = readManifest(from);
  const problems = await manifestProblems(from, manifest);
  if (problems.length > 0) {
    throw new BackupRefused(`the backup does not match its manifest:\n  ${problems.join('\n  ')}`);
  }
  requireToolAtLeast(
    'pg_restore',
    toolVersion('pg_restore'),
    manifest.database.pgDumpVersion,
    'an archive of pg_dump',
  );

  step('checking that the target database is empty');
  await requireEmpty(o.databaseUrl);

  step('pg_restore (one transaction: a failure leaves the database empty)');
  const connection = toolConnection(o.databaseUrl);
  runTool(
    'pg_restore',
    [
      connection.dbname,
      '--single-transaction',
      '--exit-on-error',
      '--no-owner',
      '--no-privileges',
      join(from, manifest.database.dir),
    ],
    connection.env,
  );

  step('migrations');
  const dataSource = await createDataSource(o.databaseUrl).initialize();
  let migrationsApplied: string[];
  try {
    migrationsApplied = await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }

  const pool = createPgPool(o.databaseUrl, 4, 'liaison-restore');
  try {
    step('comparing with the snapshot the backup was taken in');
    const counts = await compareWithSnapshot(pool, manifest);

    step('verifying every hash chain and seal');
    const audit = await new AuditVerifier(pool, o.keys ?? loadSealKeys()).verify();
    if (!audit.ok) {
      throw new Error(
        `the restored log does not verify: ${describeBreak(audit)} (the database keeps the ` +
          'restored copy for inspection: drop it before another restore)',
      );
    }

    const store = new EventStore(pool);
    const views: RestoreReport['views'] = [];
    for (const projection of PROJECTIONS) {
      step(`rebuilding ${projection.name} from the log`);
      await rebuildProjection({ pool, store, projection, restart: true });
      const check = await checkProjection({ pool, store, projection });
      if (check.differences.length > 0) {
        throw new Error(
          `${projection.name} differs from a fresh replay after the rebuild: ${JSON.stringify(check.differences[0])}`,
        );
      }
      views.push({ projection: projection.name, events: check.events, differences: 0 });
    }

    return {
      backup: from,
      createdAt: manifest.createdAt,
      ...counts,
      seals: audit.seals.seals,
      sealKeyIds: manifest.snapshot.sealKeyIds,
      migrationsApplied,
      audit: {
        ok: true,
        checked: audit.checked,
        seals: audit.seals.seals,
        unsealed: audit.seals.unsealed,
      },
      views,
      tables: await tableRows(pool),
      stepsMs: (step('done'), stepsMs),
      elapsedMs: Date.now() - started,
    };
  } finally {
    await pool.end();
  }
}

/** Any table, view or sequence outside the system schemas means "not empty". */
async function requireEmpty(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'liaison-restore' });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
        ORDER BY 1`,
    );
    if (rows.length > 0) {
      throw new BackupRefused(
        `the target database is not empty (${rows.length} relations, e.g. ${rows
          .slice(0, 3)
          .map((r) => r.name)
          .join(', ')}): restore only into a new database`,
      );
    }
  } finally {
    await client.end();
  }
}

async function compareWithSnapshot(
  pool: ReturnType<typeof createPgPool>,
  manifest: BackupManifest,
): Promise<{ events: number; streams: number; headPosition: number }> {
  const { rows } = await pool.query<{ n: string; streams: string; head: string | null }>(
    'SELECT count(*) AS n, count(DISTINCT stream_id) AS streams, max(position) AS head FROM events',
  );
  const found = {
    events: Number(rows[0].n),
    streams: Number(rows[0].streams),
    headPosition: Number(rows[0].head ?? 0),
  };
  const s = manifest.snapshot;
  if (
    found.events !== s.events ||
    found.streams !== s.streams ||
    found.headPosition !== s.headPosition
  ) {
    throw new Error(
      `restored ${JSON.stringify(found)}, but the backup's snapshot held ${JSON.stringify({
        events: s.events,
        streams: s.streams,
        headPosition: s.headPosition,
      })}`,
    );
  }
  return found;
}

function describeBreak(report: VerifyReport): string {
  const b = report.firstBroken;
  if (!b) return 'not ok';
  const where = b.streamId ? ` (${b.streamId} v${b.version})` : '';
  return `${b.check} check, position ${b.position}${where}: ${b.problem}`;
}

/** Rows per table of the restored database, counted (what the restore prints). */
async function tableRows(pool: ReturnType<typeof createPgPool>): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const out: Record<string, number> = {};
  for (const { name } of rows) {
    const r = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM public."${name}"`);
    out[name] = Number(r.rows[0].n);
  }
  return out;
}

async function main(argv: string[]): Promise<void> {
  const from = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!from) throw new BackupRefused('usage: npm run restore -- <backup dir> [--database-url URL]');
  const report = await restore({
    from,
    databaseUrl: cliDatabaseUrl(argv),
    onStep: (s) => process.stderr.write(`[restore] ${s}\n`),
  });
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`restore failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
