import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileEmptyError, FileStore, FileTooLargeError } from '../file-store';
import { HashingCounter } from '../hashing';
import { AllowedMediaType, detectMediaType, requireClaimsMatch } from './file-types';

export interface IncomingFile {
  /** The upload's bytes, as they arrive. */
  content: Readable;
  /** The name the sender gave (its extension is a claim held against the content). */
  name: string;
  /** The part's Content-Type, if any (a claim too). */
  declaredType?: string;
  /** True when the transport already cut the content at the limit (multipart's `truncated`). */
  truncated?: () => boolean;
}

export interface AcceptedFile {
  sha256: string;
  size: number;
  mediaType: AllowedMediaType;
}

/**
 * Takes an upload in: streams it to a temporary file while hashing and counting (so memory
 * stays flat and the size limit cuts it short), decides its type from the bytes, holds the
 * name and declared type to that, then hands it to the store. Nothing reaches the store unless
 * every check passed; the temporary file is removed either way.
 */
export async function takeInFile(
  store: FileStore,
  file: IncomingFile,
  maxBytes: number,
): Promise<AcceptedFile> {
  const dir = await mkdtemp(join(tmpdir(), 'liaison-upload-'));
  const temp = join(dir, randomUUID());
  try {
    const counter = new HashingCounter();
    await pipeline(file.content, limit(maxBytes), counter, createWriteStream(temp));
    if (file.truncated?.()) throw new FileTooLargeError(maxBytes);
    const { sha256, size } = counter.digest();
    if (size === 0) throw new FileEmptyError();
    const mediaType = await detectMediaType(temp, file.name);
    requireClaimsMatch(mediaType, file.name, file.declaredType);
    await store.put({ sha256, size }, createReadStream(temp));
    return { sha256, size, mediaType };
  } catch (err) {
    // The transport's own limit error (multipart's FST_REQ_FILE_TOO_LARGE) says the same.
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new FileTooLargeError(maxBytes);
    }
    throw err;
  } finally {
    file.content.resume();
    await rm(dir, { recursive: true, force: true });
  }
}

function limit(maxBytes: number): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) done(new FileTooLargeError(maxBytes));
      else done(null, chunk);
    },
  });
}
