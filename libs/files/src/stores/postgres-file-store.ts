import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool, PoolClient } from 'pg';
import { NAMED_FILE_HASHES } from './named-files';
import { FileStore, StoredBlob } from '../file-store';
import { verifyingPassThrough } from '../hashing';

/** Rows of at most this many bytes: one chunk is the most a read or a write holds in memory. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * File contents in Postgres (the default): `file_blobs` names each content by its SHA-256,
 * `file_chunks` holds its bytes in order. Being in the database, the files are in every backup
 * (`npm run backup`) with the log that names them, and a write is one transaction: a blob is
 * either whole or absent.
 */
export class PostgresFileStore extends FileStore {
  readonly description = 'postgres';

  constructor(
    private readonly pool: Pool,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {
    super();
  }

  async has(sha256: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM file_blobs WHERE sha256 = $1', [
      sha256,
    ]);
    return (rowCount ?? 0) > 0;
  }

  /**
   * The content is first taken in whole and checked (to a temporary file, memory flat), with
   * no connection held: a slow sender keeps no transaction open. Only then one short
   * transaction writes the chunks, at the speed of the disk and the database.
   */
  async put(blob: StoredBlob, content: Readable): Promise<void> {
    if (await this.touch(blob.sha256)) {
      content.resume();
      return;
    }
    const dir = await mkdtemp(join(tmpdir(), 'liaison-blob-'));
    try {
      const staged = join(dir, 'content');
      await pipeline(content, verifyingPassThrough(blob), createWriteStream(staged));
      await this.write(blob, staged);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Content stored already: its `stored_at` is renewed, so the orphan sweep leaves it to the
   * upload that is about to name it (a blob row the sweep deleted first is simply written again).
   */
  private async touch(sha256: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'UPDATE file_blobs SET stored_at = now() WHERE sha256 = $1',
      [sha256],
    );
    return (rowCount ?? 0) > 0;
  }

  private async write(blob: StoredBlob, staged: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const chunks = await this.writeChunks(client, blob.sha256, staged);
      const inserted = await client.query(
        `INSERT INTO file_blobs (sha256, size, chunks) VALUES ($1, $2, $3)
         ON CONFLICT (sha256) DO NOTHING`,
        [blob.sha256, blob.size, chunks],
      );
      await client.query(inserted.rowCount ? 'COMMIT' : 'ROLLBACK');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      // The same content stored by a concurrent upload: what we meant to store is there.
      if ((err as { code?: string }).code === '23505' && (await this.has(blob.sha256))) return;
      throw err;
    } finally {
      client.release();
    }
  }

  /** Writes the staged (already checked) content in chunks of `chunkBytes`. */
  private async writeChunks(client: PoolClient, sha256: string, staged: string): Promise<number> {
    let seq = 0;
    for await (const piece of createReadStream(staged, { highWaterMark: this.chunkBytes })) {
      await client.query('INSERT INTO file_chunks (sha256, seq, data) VALUES ($1, $2, $3)', [
        sha256,
        seq++,
        piece as Buffer,
      ]);
    }
    return seq;
  }

  /**
   * Deletes the contents stored more than `olderThanHours` ago that no event names (an upload
   * whose append then failed or was refused; NAMED_FILE_HASHES): returns their hashes.
   * Safe beside an upload in flight: its blob is new, or was touched by its `put`; a row
   * touched while the sweep runs is re-checked by Postgres against the age and kept.
   */
  async sweepOrphans(olderThanHours: number): Promise<string[]> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ sha256: string }>(
        `DELETE FROM file_blobs b
          WHERE b.stored_at < now() - make_interval(hours => $1)
            AND b.sha256 NOT IN (${NAMED_FILE_HASHES})
          RETURNING b.sha256`,
        [olderThanHours],
      );
      const gone = rows.map((r) => r.sha256);
      await client.query('DELETE FROM file_chunks WHERE sha256 = ANY($1::text[])', [gone]);
      await client.query('COMMIT');
      return gone;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async read(sha256: string): Promise<Readable | undefined> {
    const { rows } = await this.pool.query<{ chunks: number }>(
      'SELECT chunks FROM file_blobs WHERE sha256 = $1',
      [sha256],
    );
    if (rows.length === 0) return undefined;
    const pool = this.pool;
    let seq = 0;
    // One chunk per query, in order: memory stays at one chunk however large the file.
    return new Readable({
      async read() {
        try {
          const { rows: chunk } = await pool.query<{ data: Buffer }>(
            'SELECT data FROM file_chunks WHERE sha256 = $1 AND seq = $2',
            [sha256, seq],
          );
          seq += 1;
          this.push(chunk.length === 0 ? null : chunk[0].data);
        } catch (err) {
          this.destroy(err as Error);
        }
      },
    });
  }
}
