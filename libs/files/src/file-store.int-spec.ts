import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Pool } from 'pg';
import { testPool } from '../../../test/support/database';
import {
  FileIntegrityError,
  FileStore,
  FileTooLargeError,
  FileTypeRefusedError,
} from './file-store';
import { hashStream } from './hashing';
import { takeInFile } from './intake/file-intake';
import { DiskFileStore } from './stores/disk-file-store';
import { PostgresFileStore } from './stores/postgres-file-store';
import { samplePdf } from './testing/sample-files';
import { checkStored, readVerified } from './verified-read';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const blobOf = (b: Buffer) => ({ sha256: sha(b), size: b.length });
async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
/** Bytes that differ per run, so each spec stores new content. */
const unique = (size: number) => {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4096) b.writeUInt32LE((Math.random() * 2 ** 32) >>> 0, i);
  return b;
};

let pool: Pool;
let dir: string;
beforeAll(async () => {
  pool = testPool(4);
  dir = await mkdtemp(join(tmpdir(), 'file-store-'));
});
afterAll(async () => {
  await pool.end();
  await rm(dir, { recursive: true, force: true });
});

/** What differs between the backends: how a spec reaches behind the store to change bytes. */
const backends: [string, () => FileStore, (sha256: string) => Promise<void>][] = [
  [
    'postgres',
    // Small chunks, so a few kilobytes already span several rows.
    () => new PostgresFileStore(pool, 1024),
    async (sha256) => {
      await pool.query(
        `UPDATE file_chunks SET data = overlay(data placing '\\xff'::bytea from 3)
         WHERE sha256 = $1 AND seq = 1`,
        [sha256],
      );
    },
  ],
  [
    'disk',
    () => new DiskFileStore(join(dir, 'store')),
    async (sha256) => {
      const path = join(dir, 'store', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
      await writeFile(path, Buffer.from('changed on disk'));
    },
  ],
];

describe.each(backends)('FileStore on %s', (_name, makeStore, tamper) => {
  let store: FileStore;
  beforeAll(() => {
    store = makeStore();
  });

  it('stores content by its SHA-256, reads it back whole, and stores the same bytes once', async () => {
    const content = unique(5000);
    const blob = blobOf(content);
    expect(await store.has(blob.sha256)).toBe(false);
    await store.put(blob, Readable.from([content.subarray(0, 1500), content.subarray(1500)]));
    await store.put(blob, Readable.from([content]));
    expect(await store.has(blob.sha256)).toBe(true);
    expect((await readAll((await store.read(blob.sha256))!)).equals(content)).toBe(true);
    expect(await readAll(await readVerified(store, blob))).toEqual(content);
    expect(await checkStored(store, blob)).toEqual({ ok: true });
  });

  it('refuses to store bytes that are not what the caller said, keeping nothing', async () => {
    const content = unique(3000);
    const claimed = { sha256: sha(Buffer.from('something else')), size: content.length };
    await expect(store.put(claimed, Readable.from([content]))).rejects.toThrow(FileIntegrityError);
    expect(await store.has(claimed.sha256)).toBe(false);
    expect(await store.read(claimed.sha256)).toBeUndefined();
  });

  it('bytes changed behind the store: a verified read refuses before sending anything', async () => {
    const content = unique(4000);
    const blob = blobOf(content);
    await store.put(blob, Readable.from([content]));
    await tamper(blob.sha256);
    await expect(readVerified(store, blob)).rejects.toThrow(FileIntegrityError);
    expect(await checkStored(store, blob)).toEqual({
      ok: false,
      problem: expect.stringContaining('does not match'),
    });
  });

  it('content missing from the store is named as missing', async () => {
    const blob = blobOf(unique(10));
    await expect(readVerified(store, blob)).rejects.toThrow('missing');
  });

  it('takes an upload in: hashed, typed from its content, stored; refusals store nothing', async () => {
    const pdf = samplePdf(`intake ${Math.random()}`, 3000);
    const accepted = await takeInFile(
      store,
      { content: Readable.from([pdf]), name: 'report.pdf', declaredType: 'application/pdf' },
      10_000,
    );
    expect(accepted).toEqual({ ...blobOf(pdf), mediaType: 'application/pdf' });
    expect(await hashStream((await store.read(accepted.sha256))!)).toEqual(blobOf(pdf));

    const big = samplePdf(`big ${Math.random()}`, 20_000);
    await expect(
      takeInFile(store, { content: Readable.from([big]), name: 'big.pdf' }, 10_000),
    ).rejects.toThrow(FileTooLargeError);
    expect(await store.has(sha(big))).toBe(false);

    const liar = samplePdf(`liar ${Math.random()}`);
    await expect(
      takeInFile(store, { content: Readable.from([liar]), name: 'photo.png' }, 10_000),
    ).rejects.toThrow(FileTypeRefusedError);
    expect(await store.has(sha(liar))).toBe(false);
  });
});

it('the disk store leaves no half-written file behind', async () => {
  const incoming = join(dir, 'store', '.incoming');
  expect(await readdir(incoming)).toEqual([]);
});
