import { BinaryCopyParser, BinaryTuple } from './copy-binary';

/** A binary COPY stream by hand: signature, flags, no extension, tuples, trailer. */
function copyStream(tuples: (Buffer | null)[][]): Buffer {
  const parts: Buffer[] = [Buffer.from('5047434f50590aff0d0a00', 'hex'), int32(0), int32(0)];
  for (const fields of tuples) {
    parts.push(int16(fields.length));
    for (const f of fields) parts.push(...(f === null ? [int32(-1)] : [int32(f.length), f]));
  }
  parts.push(int16(-1));
  return Buffer.concat(parts);
}
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

const read = (t: BinaryTuple) =>
  Array.from({ length: t.fieldCount }, (_, i) => (t.lengths[i] < 0 ? null : t.text(i)));

describe('BinaryCopyParser', () => {
  const stream = copyStream([
    [Buffer.from('stream-1'), Buffer.from('✓ ünïcode'), null],
    [Buffer.from(''), Buffer.from('x'.repeat(300)), Buffer.from('3')],
  ]);
  const expected = [
    ['stream-1', '✓ ünïcode', null],
    ['', 'x'.repeat(300), '3'],
  ];

  it('hands over every tuple however the chunks cut the stream', () => {
    for (let cut = 1; cut < stream.length; cut++) {
      const seen: (string | null)[][] = [];
      const parser = new BinaryCopyParser(3, (t) => seen.push(read(t)));
      parser.push(stream.subarray(0, cut));
      parser.push(stream.subarray(cut));
      parser.end();
      expect(seen).toEqual(expected);
    }
  });

  it('takes one byte at a time', () => {
    const seen: (string | null)[][] = [];
    const parser = new BinaryCopyParser(3, (t) => seen.push(read(t)));
    for (let i = 0; i < stream.length; i++) parser.push(stream.subarray(i, i + 1));
    parser.end();
    expect(seen).toEqual(expected);
    expect(parser.tuples).toBe(2);
  });

  it('joins tuples bigger than a chunk, among many small ones, cut at random', () => {
    const rows = Array.from({ length: 60 }, (_, i) => [
      Buffer.from(`row-${i}`),
      Buffer.from(String.fromCharCode(97 + (i % 26)).repeat(i % 7 === 0 ? 9000 + i : i * 13)),
      i % 5 === 0 ? null : Buffer.from(String(i)),
    ]);
    const big = copyStream(rows);
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let run = 0; run < 50; run++) {
      const seen: (string | null)[][] = [];
      const parser = new BinaryCopyParser(3, (t) => seen.push(read(t)));
      for (let at = 0; at < big.length;) {
        const size = 1 + Math.floor(random() * (run % 2 === 0 ? 700 : 20_000));
        parser.push(big.subarray(at, at + size));
        at += size;
      }
      parser.end();
      expect(seen).toEqual(rows.map((r) => r.map((f) => (f === null ? null : f.toString()))));
    }
  });

  it('refuses a stream that is not binary COPY, has other tuples, or stops early', () => {
    expect(() =>
      new BinaryCopyParser(3, () => {}).push(Buffer.from('COPY text\n'.repeat(3))),
    ).toThrow('not a binary COPY stream');
    expect(() => new BinaryCopyParser(2, () => {}).push(stream)).toThrow(
      'expected 2 fields per tuple, got 3',
    );
    const cut = new BinaryCopyParser(3, () => {});
    cut.push(stream.subarray(0, stream.length - 5));
    expect(() => cut.end()).toThrow('the binary COPY stream ended early');
  });
});
