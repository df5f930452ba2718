import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import { Accessor, AuditService } from '@liaison/audit';
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
  const logPath = join(out, TRANSFER_FILES.log);
  const log = createWriteStream(logPath);
  await audit.exportTo(who, log);
  await new Promise<void>((resolve, reject) =>
    log.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );

  const streams = [recordId, recordStreamId(recordId)];
  const lines: string[] = [];
  const attached: { sha256: string; size: number }[] = [];
  let first = true;
  for await (const line of createInterface({
    input: createReadStream(logPath),
    crlfDelay: Infinity,
  })) {
    if (first || line === '') {
      first = false;
      continue;
    }
    const e = JSON.parse(line) as { streamId: string; type: string; data: Record<string, unknown> };
    if (!streams.includes(e.streamId)) continue;
    lines.push(line);
    if (e.type === 'FollowUpFileAttached' && typeof e.data.sha256 === 'string') {
      attached.push({ sha256: e.data.sha256, size: Number(e.data.size) });
    }
  }
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
