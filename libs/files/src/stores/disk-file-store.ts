import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
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
      // Renewed, so the orphan sweep leaves it to the upload that is about to name it.
      const now = new Date();
      await utimes(target, now, now);
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

  /**
   * Deletes the contents stored (or renewed by `put`) more than `olderThanHours` ago that are not
   * in `named` (NAMED_FILE_HASHES), and writes a crash left in `.incoming/`: returns the hashes.
   * A file's age is read again just before it goes, so an upload that renews it meanwhile keeps
   * it; one that renews it in the instant between the two is the window left.
   */
  async sweepOrphans(olderThanHours: number, named: ReadonlySet<string>): Promise<string[]> {
    const before = Date.now() - olderThanHours * 3_600_000;
    const old = async (path: string) => (await stat(path)).mtimeMs < before;
    const removed: string[] = [];
    for (const path of await this.storedPaths()) {
      const sha256 = path.slice(-64);
      if (named.has(sha256) || !(await old(path))) continue;
      await rm(path, { force: true });
      removed.push(sha256);
    }
    const incoming = join(this.root, '.incoming');
    for (const name of await entries(incoming)) {
      const path = join(incoming, name);
      if (await old(path)) await rm(path, { force: true });
    }
    return removed;
  }

  /** `<root>/ab/cd/abcd…`: every stored content's path. */
  private async storedPaths(): Promise<string[]> {
    const paths: string[] = [];
    for (const a of await entries(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of await entries(join(this.root, a))) {
        for (const name of await entries(join(this.root, a, b))) {
          if (isSha256Hex(name)) paths.push(join(this.root, a, b, name));
        }
      }
    }
    return paths;
  }

  async read(sha256: string): Promise<Readable | undefined> {
    if (!(await this.has(sha256))) return undefined;
    return createReadStream(this.pathOf(sha256), { highWaterMark: 256 * 1024 });
  }
}

/** A folder's entries; none when it is not there. */
async function entries(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
