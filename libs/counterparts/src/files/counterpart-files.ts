import { Readable } from 'node:stream';

/** What a stored file is known by: the log records these beside its name. */
export interface StoredFileInfo {
  sha256: string;
  size: number;
  mediaType: string;
}

/**
 * Where a counterpart's files go: the shape of `@liaison/files`' FileStore.put (content-addressed
 * by SHA-256, type checked by content). The counterparts module is given one by whoever imports it.
 */
export interface CounterpartFileStore {
  put(
    stream: Readable,
    meta: { name: string; claimedType?: string; truncated?: () => boolean },
  ): Promise<StoredFileInfo>;

  /** The bytes of a stored file, checked against its recorded hash and size before and while sent. */
  read(blob: { sha256: string; size: number }): Promise<Readable>;
}

export const COUNTERPART_FILE_STORE = Symbol('COUNTERPART_FILE_STORE');
