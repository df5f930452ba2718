import { Pool, PoolClient } from 'pg';
import { Readable } from 'node:stream';
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

  async put(blob: StoredBlob, content: Readable): Promise<void> {
    if (await this.has(blob.sha256)) {
      content.resume();
      return;
    }
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const chunks = await this.writeChunks(client, blob, content);
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

  /** Writes the content in chunks as it streams in, checking its hash on the way. */
  private async writeChunks(
    client: PoolClient,
    blob: StoredBlob,
    content: Readable,
  ): Promise<number> {
    const checked = content.pipe(verifyingPassThrough(blob));
    content.on('error', (err) => checked.destroy(err));
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let seq = 0;
    const flush = async (upTo: number) => {
      const all = Buffer.concat(pending);
      let offset = 0;
      while (all.length - offset >= upTo && all.length - offset > 0) {
        const piece = all.subarray(offset, offset + this.chunkBytes);
        await client.query('INSERT INTO file_chunks (sha256, seq, data) VALUES ($1, $2, $3)', [
          blob.sha256,
          seq++,
          piece,
        ]);
        offset += piece.length;
      }
      pending = offset < all.length ? [all.subarray(offset)] : [];
      pendingBytes = all.length - offset;
    };
    for await (const chunk of checked as AsyncIterable<Buffer>) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= this.chunkBytes) await flush(this.chunkBytes);
    }
    await flush(1);
    return seq;
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
