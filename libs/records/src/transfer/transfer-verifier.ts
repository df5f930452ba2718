import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { FileVerifyReport, verifyExportFile } from '@liaison/audit';
import { TRANSFER_FILES, TRANSFER_FORMAT, TransferManifest } from './transfer-format';
import { describeFiles } from './transfer-writer';

export interface TransferProblem {
  /** The package's file the problem is in. */
  file: string;
  problem: string;
}

export interface TransferVerifyReport {
  ok: boolean;
  recordId?: string;
  files: number;
  recordEvents: number;
  /** The log export's own report (chains and seals), from the existing offline verifier. */
  log?: FileVerifyReport;
  problems: TransferProblem[];
}

/**
 * Checks a transfer package with no database: every file against the manifest's SHA-256 (a
 * changed byte names its file), nothing added or missing; the log export with the audit's
 * offline verifier (chains, seals, signatures) under the package's public keys; every line of
 * the record's events present, unchanged, in that log; every file's bytes named by one of the
 * record's FollowUpFileAttached events.
 */
export async function verifyTransferPackage(dir: string): Promise<TransferVerifyReport> {
  const problems: TransferProblem[] = [];
  let manifest: TransferManifest;
  try {
    manifest = JSON.parse(
      await readFile(join(dir, TRANSFER_FILES.manifest), 'utf8'),
    ) as TransferManifest;
    if (manifest.format !== TRANSFER_FORMAT || !Array.isArray(manifest.files)) {
      throw new Error(`not a ${TRANSFER_FORMAT} manifest`);
    }
  } catch (err) {
    return {
      ok: false,
      files: 0,
      recordEvents: 0,
      problems: [{ file: TRANSFER_FILES.manifest, problem: (err as Error).message }],
    };
  }

  const found = new Map((await describeFiles(dir)).map((f) => [f.path, f]));
  for (const listed of manifest.files) {
    const actual = found.get(listed.path);
    if (!actual) problems.push({ file: listed.path, problem: 'missing' });
    else if (actual.sha256 !== listed.sha256 || actual.size !== listed.size) {
      problems.push({
        file: listed.path,
        problem: `SHA-256 ${actual.sha256} (${actual.size} bytes), the manifest says ${listed.sha256} (${listed.size} bytes)`,
      });
    }
    found.delete(listed.path);
  }
  for (const extra of found.keys()) problems.push({ file: extra, problem: 'not in the manifest' });

  const keys = await readFile(join(dir, TRANSFER_FILES.publicKeys), 'utf8').catch(() => undefined);
  if (keys === undefined) problems.push({ file: TRANSFER_FILES.publicKeys, problem: 'missing' });
  const log = await verifyExportFile(join(dir, TRANSFER_FILES.log), {
    ...(keys ? { publicKeyPem: keys } : {}),
  }).catch((err: Error) => {
    problems.push({ file: TRANSFER_FILES.log, problem: err.message });
    return undefined;
  });
  if (log && !log.ok) {
    const b = log.firstBroken;
    problems.push({
      file: TRANSFER_FILES.log,
      problem: `line ${b?.line}: ${b?.problem}${b?.streamId ? ` (${b.streamId} v${b.version})` : ''}`,
    });
  }

  const logLines = new Set<string>();
  let recordLinesInLog = 0;
  for await (const line of lines(join(dir, TRANSFER_FILES.log))) {
    logLines.add(line);
    const e = parsed(line);
    if (e && manifest.streams.includes(String(e.streamId))) {
      recordLinesInLog++;
      if (e.elided === true) {
        problems.push({
          file: TRANSFER_FILES.log,
          problem: `the record's event ${String(e.streamId)} v${String(e.version)} is elided`,
        });
      }
    }
  }
  let recordEvents = 0;
  const named = new Set<string>();
  for await (const line of lines(join(dir, TRANSFER_FILES.recordEvents))) {
    if (line === '') continue;
    recordEvents++;
    if (!logLines.has(line)) {
      problems.push({
        file: TRANSFER_FILES.recordEvents,
        problem: `line ${recordEvents} is not a line of the sealed log`,
      });
      continue;
    }
    const e = JSON.parse(line) as { streamId: string; type: string; data: { sha256?: unknown } };
    if (!manifest.streams.includes(e.streamId)) {
      problems.push({
        file: TRANSFER_FILES.recordEvents,
        problem: `line ${recordEvents} is of stream ${e.streamId}, not the record's`,
      });
    }
    if (e.type === 'FollowUpFileAttached') named.add(String(e.data.sha256));
  }
  if (recordEvents !== recordLinesInLog) {
    problems.push({
      file: TRANSFER_FILES.recordEvents,
      problem: `${recordEvents} events; the sealed log holds ${recordLinesInLog} of the record's`,
    });
  }
  for (const f of manifest.files.filter((f) => f.path.startsWith(`${TRANSFER_FILES.filesDir}/`))) {
    const sha = f.path.slice(TRANSFER_FILES.filesDir.length + 1);
    if (!named.has(sha) || f.sha256 !== sha) {
      problems.push({ file: f.path, problem: 'no event of the record attached these bytes' });
    }
  }
  return {
    ok: problems.length === 0,
    recordId: manifest.recordId,
    files: manifest.files.length,
    recordEvents,
    ...(log ? { log } : {}),
    problems,
  };
}

function parsed(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

async function* lines(path: string): AsyncGenerator<string> {
  try {
    yield* createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  } catch {
    return;
  }
}
