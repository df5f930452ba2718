import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'liaison-backup/v1';

/** What a backup holds and what its snapshot held, so a restore can check both. */
export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  /** `pg_dump --format=directory` of the database, taken in the snapshot the facts were read in. */
  database: {
    dir: string;
    serverVersion: string;
    pgDumpVersion: string;
    /** Read-model tables whose rows were left out: restore rebuilds them from the log. */
    viewTablesRebuilt: string[];
    lastMigration: string | null;
  };
  /** Read in the same snapshot as the dump: a restore must find exactly this. */
  snapshot: {
    events: number;
    streams: number;
    headPosition: number;
    seals: number;
    lastSeal: { sealId: number; eventCount: number; keyId: string } | null;
    sealKeyIds: string[];
  };
  /** Where attached files live (FILE_STORE) and whether this backup holds them. */
  attachments: { store: 'postgres' | 'disk'; inBackup: boolean; note: string };
  /** Every file of the backup but this one, with its SHA-256 (hex) and size. */
  files: { path: string; sha256: string; bytes: number }[];
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Paths of every file under `dir`, relative to `root`, sorted. */
export function filesUnder(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(root, path));
    else out.push(relative(root, path));
  }
  return out.sort();
}

export async function listFiles(root: string): Promise<BackupManifest['files']> {
  const files: BackupManifest['files'] = [];
  for (const path of filesUnder(root)) {
    if (path === MANIFEST_FILE) continue;
    const full = join(root, path);
    files.push({ path, sha256: await sha256File(full), bytes: statSync(full).size });
  }
  return files;
}

export function writeManifest(root: string, manifest: BackupManifest): void {
  writeFileSync(join(root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readManifest(root: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, MANIFEST_FILE), 'utf8')) as BackupManifest;
  } catch (err) {
    throw new BackupRefused(`${MANIFEST_FILE}: cannot be read (${(err as Error).message})`);
  }
  if (manifest.format !== MANIFEST_FORMAT || !Array.isArray(manifest.files)) {
    throw new BackupRefused(`${MANIFEST_FILE}: not a ${MANIFEST_FORMAT} manifest`);
  }
  return manifest;
}

/**
 * Every file the manifest lists must be there with its size and SHA-256, and nothing else may
 * be: one problem per file, naming it.
 */
export async function manifestProblems(root: string, manifest: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  const present = new Set(filesUnder(root).filter((p) => p !== MANIFEST_FILE));
  for (const f of manifest.files) {
    if (!present.has(f.path)) {
      problems.push(`${f.path}: missing`);
      continue;
    }
    const full = join(root, f.path);
    const bytes = statSync(full).size;
    const sha256 = await sha256File(full);
    if (sha256 !== f.sha256) {
      problems.push(
        `${f.path}: SHA-256 ${sha256} differs from the manifest's ${f.sha256}` +
          (bytes === f.bytes
            ? ' (same size: changed in place)'
            : ` (${bytes} bytes, not ${f.bytes})`),
      );
    }
  }
  for (const p of present) if (!listed.has(p)) problems.push(`${p}: not in the manifest`);
  return problems;
}

/** A backup that must not be restored, or a target that must not be restored into. */
export class BackupRefused extends Error {}
