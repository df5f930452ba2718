/**
 * `npm run backup` and `npm run restore`, as an operator runs them (the scripts in child
 * processes): a log of workshops and follow-ups, sealed with a key of the spec's own and with an
 * unsealed tail, is backed up and restored into a fresh database, which then verifies, has the
 * same views (rebuilt from the log: the backup leaves their rows out) and the same as-of answers.
 * A backup with one byte changed, and a target that is not empty, are refused.
 */
import { execFile } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { Pool } from 'pg';
import { Fold, loadSealKeys, readStateAsOf, Sealer } from '@liaison/audit';
import { EventStore } from '@liaison/event-store';
import {
  evolveFollowUp,
  FollowUpEvent,
  FollowUpState,
  initialFollowUpState,
} from '@liaison/follow-up';
import { createPgPool } from '@liaison/platform';
import { PROJECTIONS, rebuildProjection } from '@liaison/views';
import { seedStreams, waitUntilAllReadable } from '../../libs/audit/src/testing/seed';
import { appendStreams } from '../../libs/views/src/testing/append-history';
import { historyArbitrary } from '../../libs/views/src/testing/follow-up-history.arbitrary';
import { boardRows, workshopRows } from '../../libs/views/src/testing/read-model-rows';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/throwaway-database';
import { dropDatabase, emptyDatabase } from './support/ops-databases';

const ROOT = join(__dirname, '../..');
const followUpFold: Fold<FollowUpState> = {
  initialState: initialFollowUpState,
  evolve: (s, e) => evolveFollowUp(s, e as unknown as FollowUpEvent),
};

function npmScript(
  script: 'backup' | 'restore',
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', `scripts/backup/${script}.ts`, ...args],
      { cwd: ROOT, env, timeout: 90_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('backup and restore', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'liaison-backup-'));
  const backupDir = join(tmp, 'backup');
  const suffix = randomBytes(4).toString('hex');
  const targets = {
    restored: `ops_restored_${suffix}`,
    tampered: `ops_tampered_${suffix}`,
    forged: `ops_forged_${suffix}`,
  };
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const env = {
    ...process.env,
    AUDIT_SEAL_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  let source: ThrowawayDatabase;
  let restored: Pool;
  const followUpIds: string[] = [];
  let sealedEvents = 0;
  let snapshot: { events: number; seals: number };
  const workshopIds: string[] = [];

  beforeAll(async () => {
    source = await createThrowawayDatabase('ops_backup_src', 4);
    const store = new EventStore(source.pool);
    for (const history of fc.sample(historyArbitrary, { numRuns: 6, seed: 1729 })) {
      await appendStreams(store, [...history.workshops, ...history.followUps]);
      followUpIds.push(...history.followUps.map((s) => s.streamId.replace(/^follow-up-/, '')));
      workshopIds.push(...history.workshops.map((s) => s.streamId.replace(/^workshop-/, '')));
    }
    await waitUntilAllReadable(source.pool);
    const keys = loadSealKeys({
      NODE_ENV: 'production',
      AUDIT_SEAL_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    const seals = await new Sealer(source.pool, keys).sealAll();
    sealedEvents = seals[seals.length - 1].eventCount;
    await seedStreams(store, 2, 3); // an unsealed tail: protected by its chains only
    await waitUntilAllReadable(source.pool);
    for (const projection of PROJECTIONS) {
      await rebuildProjection({ pool: source.pool, store, projection });
    }
  }, 60_000);

  afterAll(async () => {
    await restored?.end();
    await source?.drop();
    for (const name of Object.values(targets)) await dropDatabase(name);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('backs up one snapshot, while commands keep appending, with a SHA-256 per file', async () => {
    // Appends go on during the backup: what it records and what it dumps must still be one
    // instant (the restore below checks the restored log against the recorded counts).
    let writing = true;
    let written = 0;
    const store = new EventStore(source.pool);
    const writer = (async () => {
      for (; writing; written++) await seedStreams(store, 1, 1);
    })();
    const run = await npmScript('backup', ['--database-url', source.url, '--out', backupDir], env);
    writing = false;
    await writer;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(written).toBeGreaterThan(0);
    snapshot = (JSON.parse(run.stdout) as { snapshot: typeof snapshot }).snapshot;
    const { rows } = await source.pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
    expect(snapshot.events).toBeGreaterThanOrEqual(sealedEvents + 6);
    expect(snapshot.events).toBeLessThanOrEqual(Number(rows[0].n));
    expect(snapshot.seals).toBeGreaterThan(0);

    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as {
      files: { path: string; sha256: string }[];
      database: { viewTablesRebuilt: string[] };
      attachments: { store: string; inBackup: boolean };
    };
    expect(manifest.files.map((f) => f.path)).toContain('database/toc.dat');
    // The default file store is tables of the dump: attached files travel with it.
    expect(manifest.attachments).toMatchObject({ store: 'postgres', inBackup: true });
    for (const f of manifest.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.database.viewTablesRebuilt).toEqual(
      expect.arrayContaining(['follow_up_board', 'workshop_progress']),
    );
  }, 60_000);

  it('restores into an empty database: the log verifies, the views and as-of answers are equal', async () => {
    const url = await emptyDatabase(targets.restored);
    const run = await npmScript('restore', [backupDir, '--database-url', url], env);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      events: number;
      audit: { ok: boolean; seals: number; unsealed: number };
      views: { projection: string; differences: number }[];
    };
    expect(report.events).toBe(snapshot.events);
    expect(report.audit.ok).toBe(true);
    expect(report.audit.seals).toBe(snapshot.seals);
    expect(report.audit.unsealed).toBe(snapshot.events - sealedEvents);
    // Every view rebuilt from the log and checked, none differing.
    expect(report.views.map((v) => v.projection).sort()).toEqual(
      PROJECTIONS.map((p) => p.name).sort(),
    );
    for (const view of report.views) expect(view.differences).toBe(0);

    restored = createPgPool(url, 2, 'ops-restored');
    expect(await boardRows(restored, 'public', followUpIds)).toEqual(
      await boardRows(source.pool, 'public', followUpIds),
    );
    expect((await boardRows(restored, 'public', followUpIds)).length).toBe(followUpIds.length);
    expect(await workshopRows(restored, 'public', workshopIds)).toEqual(
      await workshopRows(source.pool, 'public', workshopIds),
    );

    // A task as it stood after its first event, from the original and from the restored copy.
    const streamId = `follow-up-${followUpIds[0]}`;
    const first = await new EventStore(source.pool).readStream(streamId, { raw: true });
    const asOf = { asOf: new Date(first[0].recordedAt) };
    const original = await readStateAsOf(new EventStore(source.pool), streamId, asOf, followUpFold);
    const copy = await readStateAsOf(new EventStore(restored), streamId, asOf, followUpFold);
    expect(copy).toEqual(original);
    expect(copy.version).toBeGreaterThan(0);
  }, 90_000);

  it('refuses a backup with one byte changed, naming the file, and leaves the target empty', async () => {
    const tampered = join(tmp, 'tampered');
    cpSync(backupDir, tampered, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(tampered, 'manifest.json'), 'utf8')) as {
      files: { path: string; bytes: number }[];
    };
    const victim = [...manifest.files].sort((a, b) => b.bytes - a.bytes)[0].path;
    const path = join(tampered, victim);
    const bytes = readFileSync(path);
    bytes[Math.floor(statSync(path).size / 2)] ^= 0x01;
    writeFileSync(path, bytes);

    const url = await emptyDatabase(targets.tampered);
    const run = await npmScript('restore', [tampered, '--database-url', url], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${victim}: SHA-256`);
    expect(run.stderr).toContain('same size: changed in place');
    const check = createPgPool(url, 1, 'ops-tampered');
    try {
      const { rows } = await check.query(
        `SELECT 1 FROM pg_tables WHERE schemaname = 'public' LIMIT 1`,
      );
      expect(rows).toEqual([]);
    } finally {
      await check.end();
    }
  }, 60_000);

  it('refuses a backup whose manifest was rewritten to match a changed event: the chains catch it', async () => {
    const forged = join(tmp, 'forged');
    cpSync(backupDir, forged, { recursive: true });
    const manifestPath = join(forged, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      files: { path: string; sha256: string; bytes: number }[];
    };
    // The events' COPY data: one seeded note changed, the file and its manifest entry rewritten.
    const entry = manifest.files.find(
      (f) =>
        f.path.endsWith('.dat.gz') &&
        gunzipSync(readFileSync(join(forged, f.path))).includes('step 1 of stream 0'),
    );
    if (!entry) throw new Error('no data file holds the seeded events');
    const text = gunzipSync(readFileSync(join(forged, entry.path))).toString('utf8');
    const changed = gzipSync(Buffer.from(text.replace('step 1 of stream 0', 'step 1 of stream X')));
    writeFileSync(join(forged, entry.path), changed);
    entry.sha256 = createHash('sha256').update(changed).digest('hex');
    entry.bytes = changed.length;
    writeFileSync(manifestPath, JSON.stringify(manifest));

    const url = await emptyDatabase(targets.forged);
    const run = await npmScript('restore', [forged, '--database-url', url], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /the restored log does not verify: chain check, position \d+ \(follow-up-/,
    );
  }, 60_000);

  it('refuses a target that is not empty', async () => {
    const run = await npmScript('restore', [backupDir, '--database-url', source.url], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/target database is not empty .*public\./);
  }, 60_000);
});
