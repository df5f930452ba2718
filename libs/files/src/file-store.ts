import { Readable } from 'node:stream';

/** A file's content as the store keeps it: addressed by the SHA-256 of its bytes (lower-case
 * hex). The same bytes uploaded twice are stored once. */
export interface StoredBlob {
  sha256: string;
  size: number;
}

/**
 * Where file contents live. One interface so that Postgres (the default), a folder on disk and,
 * later, an S3-compatible store are interchangeable: the follow-up stream names the content by
 * its hash, never by where it is.
 *
 * Stores keep bytes, nothing else: who may read a file is decided by the follow-up it is
 * attached to, and its integrity is checked by `readVerified` against the hash in the log.
 */
export abstract class FileStore {
  /** `postgres` or `disk:<folder>`: shown in logs and the health of the operations page. */
  abstract readonly description: string;

  /**
   * Stores `content`, which the caller says hashes to `sha256` and is `size` bytes long; the
   * store hashes what it writes and refuses (FileIntegrityError) if that is not so, keeping
   * nothing. Storing content that is already there is a no-op.
   */
  abstract put(blob: StoredBlob, content: Readable): Promise<void>;

  /** The stored bytes as they are now, unverified; undefined when the store has none. */
  abstract read(sha256: string): Promise<Readable | undefined>;

  abstract has(sha256: string): Promise<boolean>;
}

/** Stable codes, mapped to HTTP by the API. */
export class FileTooLargeError extends Error {
  readonly code = 'FILE_TOO_LARGE';
  readonly field = 'file';
  constructor(readonly limitBytes: number) {
    super(`file is larger than the limit of ${limitBytes} bytes (FILE_MAX_BYTES)`);
  }
}

export class FileEmptyError extends Error {
  readonly code = 'FILE_EMPTY';
  readonly field = 'file';
  constructor() {
    super('file is empty');
  }
}

export class FileTypeRefusedError extends Error {
  readonly code = 'FILE_TYPE_REFUSED';
  readonly field = 'file';
  constructor(problem: string) {
    super(`file ${problem}`);
  }
}

/** The bytes the store holds are not the bytes the log recorded (or the store has none). */
export class FileIntegrityError extends Error {
  readonly code = 'FILE_INTEGRITY';
  constructor(
    readonly sha256: string,
    problem: string,
  ) {
    super(`stored content ${sha256} ${problem}`);
  }
}

export const isSha256Hex = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);
