import { createHash, Hash } from 'node:crypto';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileIntegrityError, StoredBlob } from './file-store';

/** Hashes and counts what passes through; `digest()` once the stream has ended. */
export class HashingCounter extends Transform {
  private readonly hash: Hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  digest(): StoredBlob {
    return { sha256: this.hash.digest('hex'), size: this.bytes };
  }
}

/** Reads a stream to its end, hashing: constant memory whatever the size. */
export async function hashStream(content: Readable): Promise<StoredBlob> {
  const counter = new HashingCounter();
  await pipeline(content, counter, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) void chunk;
  });
  return counter.digest();
}

/**
 * Passes bytes through and fails the stream at its end if they were not `expected`: the
 * consumer (an HTTP answer, a store's write) sees an error instead of a clean end, so it never
 * takes wrong bytes for a whole file.
 */
export function verifyingPassThrough(expected: StoredBlob): Transform {
  const hash = createHash('sha256');
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > expected.size) {
        done(new FileIntegrityError(expected.sha256, `is longer than ${expected.size} bytes`));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const sha256 = hash.digest('hex');
      if (bytes !== expected.size || sha256 !== expected.sha256) {
        done(
          new FileIntegrityError(
            expected.sha256,
            `does not match: ${bytes} bytes hashing to ${sha256}`,
          ),
        );
        return;
      }
      done();
    },
  });
}
