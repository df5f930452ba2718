import { hash } from 'node:crypto';

/**
 * SHA-256 of a few bytes, as a Buffer. Node's one-shot `hash` with a latin1 ('binary') digest,
 * turned into bytes from the shared small-buffer pool: about half the cost of
 * createHash().update().digest() or of a 'buffer' digest, which allocates its own ArrayBuffer
 * per call — for inputs of a few dozen bytes that allocation, not the hashing, dominates.
 */
export function sha256(data: Uint8Array): Buffer {
  return Buffer.from(hash('sha256', data, 'binary'), 'latin1');
}
