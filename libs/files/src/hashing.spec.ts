import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileIntegrityError } from './file-store';
import { hashStream, verifyingPassThrough } from './hashing';

const blobOf = (b: Buffer) => ({
  sha256: createHash('sha256').update(b).digest('hex'),
  size: b.length,
});
const drain = async (source: AsyncIterable<Buffer>) => {
  for await (const chunk of source) void chunk;
};

describe('the hash checked as bytes stream', () => {
  const content = Buffer.from('the recorded bytes');

  it('the recorded bytes pass through whole', async () => {
    const parts: Buffer[] = [];
    await pipeline(Readable.from([content]), verifyingPassThrough(blobOf(content)), async (s) => {
      for await (const c of s as AsyncIterable<Buffer>) parts.push(c);
    });
    expect(Buffer.concat(parts)).toEqual(content);
    expect(await hashStream(Readable.from([content]))).toEqual(blobOf(content));
  });

  it('changed bytes of the same length fail the stream at its end, not with a clean end', async () => {
    const changed = Buffer.from('the recorded bytez');
    await expect(
      pipeline(Readable.from([changed]), verifyingPassThrough(blobOf(content)), drain),
    ).rejects.toThrow(FileIntegrityError);
  });

  it('more bytes than recorded fail as soon as the size is passed', async () => {
    const longer = Buffer.concat([content, Buffer.from('!')]);
    await expect(
      pipeline(Readable.from([longer]), verifyingPassThrough(blobOf(content)), drain),
    ).rejects.toThrow('is longer than');
  });
});
