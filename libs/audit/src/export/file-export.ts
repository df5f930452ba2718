import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Pool } from 'pg';
import { checkStored, FileStore, readVerified } from '@liaison/files';
import { AccessLog, Accessor } from '../access-log/access-log';

export const FILES_EXPORT_FORMAT = 'liaison-files-export/v1';

/** A file the log says was attached: the FollowUpFileAttached event that names its content. */
export interface AttachedFile {
  position: number;
  streamId: string;
  fileId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface FileProblem extends AttachedFile {
  problem: string;
}

const ATTACHED_SQL = `SELECT position, stream_id, data FROM events
  WHERE type = 'FollowUpFileAttached' AND position > $1 AND NOT data ? '$disposed'
  ORDER BY position LIMIT $2`;

/** Every attached file, in log order, paged so a large log is never read at once (a disposed
 * record's files are gone with its content: its tombstones are skipped). */
export async function* attachedFiles(pool: Pool, pageSize = 1000): AsyncGenerator<AttachedFile> {
  let after = 0;
  for (;;) {
    const { rows } = await pool.query<{
      position: string;
      stream_id: string;
      data: Record<string, unknown>;
    }>(ATTACHED_SQL, [after, pageSize]);
    for (const row of rows) {
      const d = row.data;
      yield {
        position: Number(row.position),
        streamId: row.stream_id,
        fileId: String(d.fileId),
        name: String(d.name),
        mediaType: String(d.mediaType),
        size: Number(d.size),
        sha256: String(d.sha256),
      };
    }
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1].position);
  }
}

/**
 * `audit verify`'s part for files: each attached file's stored bytes hashed against the SHA-256
 * its event recorded (which the hash chain and the seals cover). Names every file that is
 * missing or changed in the store.
 */
export async function verifyAttachedFiles(
  pool: Pool,
  store: FileStore,
  who: Accessor,
): Promise<{ checked: number; problems: FileProblem[] }> {
  await new AccessLog(pool).record(who, 'verify', 'files', { store: store.description });
  const problems: FileProblem[] = [];
  let checked = 0;
  for await (const file of attachedFiles(pool)) {
    checked += 1;
    const result = await checkStored(store, file);
    if (!result.ok) problems.push({ ...file, problem: result.problem });
  }
  return { checked, problems };
}

/**
 * The files beside an export of the log (`npm run audit -- export-files`): a header line, then
 * one line per attached file with its event's position and its content in base64, streamed a
 * piece at a time. Content that no longer matches its hash is not exported: its line carries
 * the problem instead, so an auditor sees what is missing and why.
 */
export async function* fileExportLines(
  pool: Pool,
  store: FileStore,
  who: Accessor,
): AsyncGenerator<string> {
  await new AccessLog(pool).record(who, 'export', 'files', { store: store.description });
  yield `${JSON.stringify({ format: FILES_EXPORT_FORMAT, exportedAt: new Date().toISOString() })}\n`;
  for await (const file of attachedFiles(pool)) {
    const head = JSON.stringify(file).slice(0, -1);
    let content;
    try {
      content = await readVerified(store, file);
    } catch (err) {
      yield `${head},"problem":${JSON.stringify((err as Error).message)}}\n`;
      continue;
    }
    yield `${head},"content":"`;
    let rest = Buffer.alloc(0);
    // Base64 in whole 3-byte groups per piece, so the pieces join into one valid string.
    for await (const chunk of content) {
      const bytes = Buffer.concat([rest, chunk as Buffer]);
      const whole = bytes.length - (bytes.length % 3);
      yield bytes.subarray(0, whole).toString('base64');
      rest = bytes.subarray(whole);
    }
    yield `${rest.toString('base64')}"}\n`;
  }
}

/**
 * Checks a files export offline against an export of the log: each file's content hashes to
 * the SHA-256 and size that the FollowUpFileAttached event at its position recorded (and that
 * event is in the log export, whose chain and seals `verify-file` checks).
 */
export async function verifyFilesExport(
  logExport: string,
  filesExport: string,
): Promise<{ ok: boolean; checked: number; problems: string[] }> {
  const recorded = new Map<number, { sha256: string; size: number; fileId: string }>();
  for await (const line of createInterface({ input: createReadStream(logExport) })) {
    if (!line.includes('"FollowUpFileAttached"')) continue;
    const e = JSON.parse(line) as { position: number; type: string; data: AttachedFile };
    if (e.type === 'FollowUpFileAttached') {
      recorded.set(e.position, { sha256: e.data.sha256, size: e.data.size, fileId: e.data.fileId });
    }
  }
  const problems: string[] = [];
  let checked = 0;
  let first = true;
  for await (const line of createInterface({ input: createReadStream(filesExport) })) {
    if (first) {
      first = false;
      if ((JSON.parse(line) as { format?: string }).format !== FILES_EXPORT_FORMAT) {
        problems.push(`not a files export (${FILES_EXPORT_FORMAT})`);
        break;
      }
      continue;
    }
    const f = JSON.parse(line) as AttachedFile & { content?: string; problem?: string };
    checked += 1;
    const event = recorded.get(f.position);
    const where = `file ${f.fileId} (position ${f.position})`;
    if (!event || event.fileId !== f.fileId || event.sha256 !== f.sha256) {
      problems.push(`${where}: no such attachment in the log export`);
    } else if (f.content === undefined) {
      problems.push(`${where}: not exported: ${f.problem ?? 'no content'}`);
    } else {
      const bytes = Buffer.from(f.content, 'base64');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (sha256 !== event.sha256 || bytes.length !== event.size) {
        problems.push(`${where}: content hashes to ${sha256}, the log recorded ${event.sha256}`);
      }
    }
  }
  return { ok: problems.length === 0, checked, problems };
}
