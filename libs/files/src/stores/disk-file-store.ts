import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore, isSha256Hex, StoredBlob } from '../file-store';
import { verifyingPassThrough } from '../hashing';

/**
 * File contents in a folder (`FILE_STORE=disk:/path`): `<root>/ab/cd/abcd…` by SHA-256. A write
 * goes to `<root>/.incoming/` and is renamed into place once its hash checked out, so a file at
 * its final name is always whole. Not in `npm run backup` (which dumps the database): back the
 * folder up beside it (README, Operations).
 */
export class DiskFileStore extends FileStore {
  readonly description: string;

  constructor(private readonly root: string) {
    super();
    this.description = `disk:${root}`;
  }

  private pathOf(sha256: string): string {
    // The hash comes from the log, but a path is built from it: never let it climb out.
    if (!isSha256Hex(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  async put(blob: StoredBlob, content: Readable): Promise<void> {
    const target = this.pathOf(blob.sha256);
    if (await this.has(blob.sha256)) {
      content.resume();
      return;
    }
    const incoming = join(this.root, '.incoming');
    await mkdir(incoming, { recursive: true });
    const temp = join(incoming, randomUUID());
    try {
      await pipeline(content, verifyingPassThrough(blob), createWriteStream(temp, { flags: 'wx' }));
      await mkdir(join(target, '..'), { recursive: true });
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true });
    }
  }

  async read(sha256: string): Promise<Readable | undefined> {
    if (!(await this.has(sha256))) return undefined;
    return createReadStream(this.pathOf(sha256), { highWaterMark: 256 * 1024 });
  }
}
