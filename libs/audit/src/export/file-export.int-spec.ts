import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { EventStore } from '@liaison/event-store';
import { PostgresFileStore } from '@liaison/files';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { AuditService } from '../service/audit.service';
import { waitUntilAllReadable } from '../testing/seed';
import { fileExportLines, verifyAttachedFiles, verifyFilesExport } from './file-export';

const who = { actor: 'auditor-1', role: 'auditor' };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Files in the audit: `audit verify` hashes each attached file's stored bytes against its event
 * and names the ones changed; the files export sits beside the log export and is checked
 * offline against it.
 */
describe('attached files in the audit', () => {
  let db: ThrowawayDatabase;
  let dir: string;
  let store: PostgresFileStore;
  const files = [Buffer.from('first file\n'), Buffer.alloc(70_000, 7)];
  const ids = files.map(() => randomUUID());

  beforeAll(async () => {
    db = await createThrowawayDatabase('file_export');
    dir = await mkdtemp(join(tmpdir(), 'file-export-'));
    store = new PostgresFileStore(db.pool, 16 * 1024);
    const events = new EventStore(db.pool);
    const followUpId = randomUUID();
    for (const [i, content] of files.entries()) {
      await store.put({ sha256: sha(content), size: content.length }, Readable.from([content]));
      await events.append(`follow-up-${followUpId}`, [
        {
          type: 'FollowUpFileAttached',
          data: {
            followUpId,
            fileId: ids[i],
            name: `f${i}.txt`,
            size: content.length,
            mediaType: 'text/plain',
            sha256: sha(content),
          },
          metadata: { actor: 'u-1', role: 'agency_officer', correlation_id: randomUUID() },
        },
      ]);
    }
  });
  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function write(path: string, lines: AsyncIterable<string>) {
    const out = createWriteStream(path);
    for await (const piece of lines) out.write(piece);
    out.end();
    await finished(out);
  }

  it('exports the files beside the log; the pair checks out offline', async () => {
    expect(await verifyAttachedFiles(db.pool, store, who)).toEqual({ checked: 2, problems: [] });
    const log = join(dir, 'log.ndjson');
    // The export stops before any transaction still open in the cluster (other specs' too).
    await waitUntilAllReadable(db.pool);
    const out = createWriteStream(log);
    await new AuditService(db.pool, new EventStore(db.pool)).exportTo(who, out);
    out.end();
    await finished(out);
    await write(join(dir, 'files.ndjson'), fileExportLines(db.pool, store, who));
    expect(await verifyFilesExport(log, join(dir, 'files.ndjson'))).toEqual({
      ok: true,
      checked: 2,
      problems: [],
    });
    const { rows } = await db.pool.query(
      `SELECT action, target FROM audit_access_log WHERE target = 'files' ORDER BY id`,
    );
    expect(rows).toEqual([
      { action: 'verify', target: 'files' },
      { action: 'export', target: 'files' },
    ]);
  });

  it('a file changed in the database: verify names it, the export carries the problem instead', async () => {
    await db.pool.query(
      `UPDATE file_chunks SET data = overlay(data placing '\\x00'::bytea from 1) WHERE sha256 = $1`,
      [sha(files[1])],
    );
    const report = await verifyAttachedFiles(db.pool, store, who);
    expect(report.problems).toEqual([
      expect.objectContaining({
        fileId: ids[1],
        problem: expect.stringContaining('does not match'),
      }),
    ]);
    const log = join(dir, 'log.ndjson');
    await write(join(dir, 'files2.ndjson'), fileExportLines(db.pool, store, who));
    const offline = await verifyFilesExport(log, join(dir, 'files2.ndjson'));
    expect(offline.ok).toBe(false);
    expect(offline.problems).toEqual([expect.stringContaining(`file ${ids[1]}`)]);
  });
});
