import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DiskFileStore } from './disk-file-store';

const blobOf = (b: Buffer) => ({
  sha256: createHash('sha256').update(b).digest('hex'),
  size: b.length,
});
const twoDaysAgo = () => new Date(Date.now() - 48 * 3_600_000);

describe('DiskFileStore: orphans swept', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'disk-store-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  it('sweeps old contents no event names, keeps named, young and re-uploaded ones', async () => {
    const store = new DiskFileStore(root);
    const [orphan, named, young, reuploaded] = [1, 2, 3, 4].map(() => randomBytes(2000));
    for (const c of [orphan, named, young, reuploaded])
      await store.put(blobOf(c), Readable.from([c]));
    for (const c of [orphan, named, reuploaded]) {
      await utimes(pathOf(blobOf(c).sha256), twoDaysAgo(), twoDaysAgo());
    }
    // The same bytes uploaded again, on their way to an append that will name them.
    await store.put(blobOf(reuploaded), Readable.from([reuploaded]));

    const removed = await store.sweepOrphans(24, new Set([blobOf(named).sha256]));

    expect(removed).toEqual([blobOf(orphan).sha256]);
    expect(await store.has(blobOf(orphan).sha256)).toBe(false);
    for (const kept of [named, young, reuploaded]) {
      expect(await store.has(blobOf(kept).sha256)).toBe(true);
    }
  });

  it('removes what a crashed write left in .incoming once it is old, not a write in progress', async () => {
    const store = new DiskFileStore(root);
    const incoming = join(root, '.incoming');
    await mkdir(incoming, { recursive: true });
    await writeFile(join(incoming, 'crashed'), 'half a file');
    await utimes(join(incoming, 'crashed'), twoDaysAgo(), twoDaysAgo());
    await writeFile(join(incoming, 'in-progress'), 'being written');

    expect(await store.sweepOrphans(24, new Set())).toEqual([]);
    expect(await readdir(incoming)).toEqual(['in-progress']);
  });

  it('finds nothing to sweep in a store nothing was written to', async () => {
    expect(await new DiskFileStore(join(root, 'never-made')).sweepOrphans(1, new Set())).toEqual(
      [],
    );
  });
});
