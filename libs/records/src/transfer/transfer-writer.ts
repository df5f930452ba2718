import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import { Accessor, AuditEvent, AuditService } from '@liaison/audit';
import { FileStore, readVerified } from '@liaison/files';
import { recordStreamId } from '../domain';
import { TRANSFER_FILES, TRANSFER_FORMAT, TransferManifest } from './transfer-format';

/**
 * Writes a record's transfer package into `out`: seals the log first (so the record's latest
 * events are under a seal), exports the log, copies the record's lines, its files' bytes and
 * the public seal keys, and lists every file's SHA-256 in the manifest.
 */
export async function writeTransferPackage(
  audit: AuditService,
  files: FileStore,
  who: Accessor,
  recordId: string,
  out: string,
): Promise<TransferManifest> {
  await mkdir(join(out, 'record'), { recursive: true });
  await mkdir(join(out, TRANSFER_FILES.filesDir), { recursive: true });
  await audit.seal(who);
  // The full export goes to a scratch file; the package's copy keeps the record's lines whole
  // and elides every other record's (position, stream, version and hash only: what the seals
  // commit to), so the records office receives this record's content and nobody else's.
  const fullPath = join(out, '.full-export.ndjson');
  const full = createWriteStream(fullPath);
  await audit.exportTo(who, full);
  await new Promise<void>((resolve, reject) =>
    full.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );

  const streams = [recordId, recordStreamId(recordId)];
  const lines: string[] = [];
  const logLines: string[] = [];
  const attached: { sha256: string; size: number }[] = [];
  let first = true;
  for await (const line of createInterface({
    input: createReadStream(fullPath),
    crlfDelay: Infinity,
  })) {
    if (first || line === '') {
      if (first) logLines.push(line);
      first = false;
      continue;
    }
    const e = JSON.parse(line) as AuditEvent;
    if (!streams.includes(e.streamId)) {
      const { position, streamId, version, hash } = e;
      logLines.push(JSON.stringify({ position, streamId, version, hash, elided: true }));
      continue;
    }
    logLines.push(line);
    lines.push(line);
    if (e.type === 'FollowUpFileAttached' && typeof e.data.sha256 === 'string') {
      attached.push({ sha256: e.data.sha256, size: Number(e.data.size) });
    }
  }
  await rm(fullPath);
  await writeFile(join(out, TRANSFER_FILES.log), logLines.map((l) => `${l}\n`).join(''));
  await writeFile(join(out, TRANSFER_FILES.recordEvents), lines.map((l) => `${l}\n`).join(''));
  for (const blob of attached) {
    await pipeline(
      await readVerified(files, blob),
      createWriteStream(join(out, TRANSFER_FILES.filesDir, blob.sha256)),
    );
  }
  await writeFile(
    join(out, TRANSFER_FILES.publicKeys),
    [...audit.keys.trusted.values()].map((k) => k.pem).join(''),
  );
  const manifest: TransferManifest = {
    format: TRANSFER_FORMAT,
    recordId,
    createdAt: new Date().toISOString(),
    streams,
    files: await describeFiles(out),
  };
  await writeFile(join(out, TRANSFER_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Every file under `dir` but the manifest, with its SHA-256 and size, in path order. */
export async function describeFiles(
  dir: string,
): Promise<{ path: string; sha256: string; size: number }[]> {
  const paths = (await listFiles(dir))
    .map((p) => relative(dir, p).split('\\').join('/'))
    .filter((p) => p !== TRANSFER_FILES.manifest)
    .sort();
  const out = [];
  for (const path of paths) {
    out.push({
      path,
      sha256: await sha256File(join(dir, path)),
      size: (await stat(join(dir, path))).size,
    });
  }
  return out;
}

export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat();
}

export async function sha256File(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}
