/**
 * npm run backup -- [--out DIR] [--database-url URL]
 * A consistent backup: one pg_dump (directory format) of the whole database taken in a snapshot
 * this script exported, the facts a restore checks read in that same snapshot, and a manifest
 * with the SHA-256 of every file. The read models' rows are left out (the restore rebuilds them
 * from the log). Prints the manifest's summary as JSON; exit 1 on failure.
 */
import { mkdirSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { FilesConfig, loadFilesConfig } from '@liaison/files';
import { PROJECTIONS } from '@liaison/views';
import { BackupManifest, listFiles, MANIFEST_FORMAT, writeManifest } from './manifest';
import {
  requireToolAtLeast,
  runTool,
  serverVersion,
  toolConnection,
  toolVersion,
} from './pg-tools';
import { cliDatabaseUrl, option } from './cli-options';

/**
 * Rows that must not come back: a restored database has no live workers, and sign-in sessions
 * ended after the backup would live again (everyone signs in anew after a restore). Idempotency
 * keys expire (IDEMPOTENCY_KEY_RETENTION_H) and their stored answers copy what the log holds: a
 * retry after a restore runs again, and a command bound to its key finds its first run by the
 * event ids the key derives.
 */
const EPHEMERAL_TABLES = ['worker_heartbeats', 'sessions', 'idempotency_keys'];
const DATABASE_DIR = 'database';

export interface BackupOptions {
  databaseUrl: string;
  out: string;
}

export async function backup(o: BackupOptions): Promise<BackupManifest> {
  const out = resolve(o.out);
  if (existsSync(out) && readdirSync(out).length > 0) {
    throw new Error(`${out} is not empty: a backup goes to a new directory`);
  }
  mkdirSync(out, { recursive: true });

  const client = new Client({
    connectionString: o.databaseUrl,
    application_name: 'liaison-backup',
  });
  await client.connect();
  try {
    const server = await serverVersion(client);
    const pgDump = toolVersion('pg_dump');
    requireToolAtLeast('pg_dump', pgDump, server, 'a server of version');

    // pg_dump joins this snapshot, so the facts below describe exactly what it dumps.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    const snapshot = await snapshotFacts(client);
    const lastMigration = await lastMigrationName(client);
    const viewTables = PROJECTIONS.flatMap((p) => p.tables.map((t) => t.name));

    const connection = toolConnection(o.databaseUrl);
    runTool(
      'pg_dump',
      [
        connection.dbname,
        `--snapshot=${rows[0].id}`,
        '--format=directory',
        `--file=${join(out, DATABASE_DIR)}`,
        '--no-owner',
        '--no-privileges',
        '--exclude-schema=projection_rebuild',
        '--exclude-schema=projection_check*',
        ...[...viewTables, ...EPHEMERAL_TABLES].map((t) => `--exclude-table-data=public.${t}`),
      ],
      connection.env,
    );
    await client.query('COMMIT');

    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      createdAt: new Date().toISOString(),
      database: {
        dir: DATABASE_DIR,
        serverVersion: server,
        pgDumpVersion: pgDump,
        viewTablesRebuilt: viewTables,
        lastMigration,
      },
      snapshot,
      attachments: attachmentsNote(loadFilesConfig()),
      files: await listFiles(out),
    };
    writeManifest(out, manifest);
    return manifest;
  } finally {
    await client.end();
  }
}

async function snapshotFacts(client: Client): Promise<BackupManifest['snapshot']> {
  const events = await client.query<{ n: string; streams: string; head: string | null }>(
    'SELECT count(*) AS n, count(DISTINCT stream_id) AS streams, max(position) AS head FROM events',
  );
  const seals = await client.query<{ seal_id: string; event_count: string; key_id: string }>(
    'SELECT seal_id, event_count, key_id FROM audit_seals ORDER BY seal_id',
  );
  const last = seals.rows[seals.rows.length - 1];
  return {
    events: Number(events.rows[0].n),
    streams: Number(events.rows[0].streams),
    headPosition: Number(events.rows[0].head ?? 0),
    seals: seals.rows.length,
    lastSeal: last
      ? { sealId: Number(last.seal_id), eventCount: Number(last.event_count), keyId: last.key_id }
      : null,
    sealKeyIds: [...new Set(seals.rows.map((s) => s.key_id))],
  };
}

async function lastMigrationName(client: Client): Promise<string | null> {
  const { rows } = await client.query<{ name: string }>(
    'SELECT name FROM schema_migrations ORDER BY timestamp DESC, id DESC LIMIT 1',
  );
  return rows[0]?.name ?? null;
}

async function main(argv: string[]): Promise<void> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = option(argv, '--out') ?? join('backups', `liaison-${stamp}`);
  const started = Date.now();
  const manifest = await backup({ databaseUrl: cliDatabaseUrl(argv), out });
  const bytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
  process.stdout.write(
    `${JSON.stringify({
      backup: resolve(out),
      snapshot: manifest.snapshot,
      files: manifest.files.length,
      bytes,
      elapsedMs: Date.now() - started,
    })}\n`,
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`backup failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}

/** The default store is tables in the dump; a folder store is not copied (the note says so). */
function attachmentsNote(files: FilesConfig): BackupManifest['attachments'] {
  if (files.store.kind === 'postgres') {
    return { store: 'postgres', inBackup: true, note: 'in the dump (file_blobs, file_chunks)' };
  }
  const note =
    `FILE_STORE folder ${files.store.root} is not copied by this backup: copy it beside the ` +
    'backup (the files are named by their SHA-256, so a copy taken after the dump is complete)';
  console.warn(note);
  return { store: 'disk', inBackup: false, note };
}
