import { Readable } from 'node:stream';
import { FileIntegrityError, FileStore, StoredBlob } from './file-store';
import { hashStream, verifyingPassThrough } from './hashing';

/**
 * The bytes of a file as the log recorded them, or a FileIntegrityError.
 *
 * A mismatch is only known once the last byte is hashed, and by then an answer streamed as it
 * is read has sent the rest. So the content is read twice: a first pass hashes it all (constant
 * memory) and refuses before anything is sent; the second pass is what the caller streams, and
 * is checked again as it goes, so content changed between the passes ends the stream with an
 * error instead of a clean end (an HTTP client sees the connection cut short of Content-Length).
 * Reading twice costs a second read of the store; attachments are bounded by FILE_MAX_BYTES.
 */
export async function readVerified(store: FileStore, expected: StoredBlob): Promise<Readable> {
  const first = await store.read(expected.sha256);
  if (!first) throw new FileIntegrityError(expected.sha256, 'is missing from the store');
  const found = await hashStream(first);
  if (found.sha256 !== expected.sha256 || found.size !== expected.size) {
    throw new FileIntegrityError(
      expected.sha256,
      `does not match: ${found.size} bytes hashing to ${found.sha256}`,
    );
  }
  const second = await store.read(expected.sha256);
  if (!second) throw new FileIntegrityError(expected.sha256, 'is missing from the store');
  const checked = verifyingPassThrough(expected);
  second.on('error', (err) => checked.destroy(err));
  return second.pipe(checked);
}

/** Whether the stored bytes are the recorded ones (for `audit verify` and checks). */
export async function checkStored(
  store: FileStore,
  expected: StoredBlob,
): Promise<{ ok: true } | { ok: false; problem: string }> {
  const content = await store.read(expected.sha256);
  if (!content) return { ok: false, problem: 'is missing from the store' };
  const found = await hashStream(content);
  if (found.sha256 === expected.sha256 && found.size === expected.size) return { ok: true };
  return { ok: false, problem: `does not match: ${found.size} bytes hashing to ${found.sha256}` };
}
