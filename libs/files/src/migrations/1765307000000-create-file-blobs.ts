import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * File contents for the Postgres file store (libs/files/src/stores/postgres-file-store.ts),
 * addressed by SHA-256. Chunked so that neither a write nor a read holds a whole file in memory.
 * Not a projection: the follow-up stream records each file's hash, these tables hold its bytes.
 */
export class CreateFileBlobs1765307000000 implements MigrationInterface {
  name = 'CreateFileBlobs1765307000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE file_blobs (
        sha256     text         PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size       bigint       NOT NULL CHECK (size >= 0),
        chunks     integer      NOT NULL CHECK (chunks >= 0),
        stored_at  timestamptz  NOT NULL DEFAULT now()
      )`);
    // No foreign key to file_blobs: the chunks are written before the blob row that makes them
    // visible, in the same transaction.
    await q.query(`
      CREATE TABLE file_chunks (
        sha256  text     NOT NULL,
        seq     integer  NOT NULL CHECK (seq >= 0),
        data    bytea    NOT NULL,
        PRIMARY KEY (sha256, seq)
      )`);
    // Chunks are read back as stored; compressing them again would only cost time.
    await q.query('ALTER TABLE file_chunks ALTER COLUMN data SET STORAGE EXTERNAL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE file_chunks');
    await q.query('DROP TABLE file_blobs');
  }
}
