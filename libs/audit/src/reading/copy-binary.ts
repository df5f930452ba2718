import { Client, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** "PGCOPY\n\377\r\n\0": the signature that starts Postgres's binary COPY format. */
const SIGNATURE = Buffer.from('5047434f50590aff0d0a00', 'hex');
const HEADER_FIXED = SIGNATURE.length + 8; // then flags (int32) and extension length (int32)

/**
 * One tuple of a binary COPY, as offsets into the bytes Postgres sent: no strings and no
 * per-field objects. `start(i)`/`length(i)` locate field i (length -1: NULL). Valid only during
 * the callback that receives it: the bytes are reused afterwards.
 */
export class BinaryTuple {
  buffer: Buffer = Buffer.alloc(0);
  readonly starts: Int32Array;
  readonly lengths: Int32Array;

  constructor(readonly fieldCount: number) {
    this.starts = new Int32Array(fieldCount);
    this.lengths = new Int32Array(fieldCount);
  }

  int32(i: number): number {
    return this.buffer.readInt32BE(this.starts[i]);
  }

  /** An int8 as a number (exact below 2^53: positions, microseconds since 2000). */
  int64(i: number): number {
    const at = this.starts[i];
    return this.buffer.readInt32BE(at) * 2 ** 32 + this.buffer.readUInt32BE(at + 4);
  }

  text(i: number): string {
    const at = this.starts[i];
    return this.buffer.toString('utf8', at, at + this.lengths[i]);
  }
}

/**
 * Runs `COPY (query) TO STDOUT (FORMAT binary)` and hands every tuple to `onTuple`, in order.
 * Postgres sends the rows in 64 kB chunks that cut tuples anywhere; a tuple cut in two is
 * joined before it is handed over. The query must not take parameters (COPY cannot): callers
 * quote literals with the client's escapeLiteral.
 */
export async function copyBinaryTuples(
  client: PoolClient | Client,
  query: string,
  fieldCount: number,
  onTuple: (tuple: BinaryTuple) => void,
): Promise<number> {
  const parser = new BinaryCopyParser(fieldCount, onTuple);
  const stream = client.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`));
  // On a failure the stream is read to its end before the error is thrown: a COPY abandoned
  // half-way leaves the connection stuck in COPY mode, and the caller's ROLLBACK with it.
  let failure: unknown;
  for await (const chunk of stream) {
    if (failure !== undefined) continue;
    try {
      parser.push(chunk as Buffer);
    } catch (err) {
      failure = err;
    }
  }
  if (failure !== undefined) throw failure;
  parser.end();
  return parser.tuples;
}

/**
 * Bytes of the next chunk joined to a cut tuple at first: most tuples are whole with them, and
 * for tuples of a few hundred bytes the join stays within Buffer's shared pool (under 4 kB).
 */
const JOIN_SLACK = 1024;

/** The binary COPY format, fed chunk by chunk (exported for its unit test). */
export class BinaryCopyParser {
  tuples = 0;
  /** The start of a cut tuple (or header), kept as chunks until `needed` bytes are there. */
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private needed = 0;
  private headerRead = false;
  private finished = false;
  private readonly tuple: BinaryTuple;

  constructor(
    private readonly fieldCount: number,
    private readonly onTuple: (tuple: BinaryTuple) => void,
  ) {
    this.tuple = new BinaryTuple(fieldCount);
  }

  push(chunk: Buffer): void {
    if (this.pendingLength === 0) return this.parseAndKeep(chunk, 0);
    const held = this.pendingLength;
    if (held + chunk.length < this.needed) {
      this.pending.push(chunk); // a big tuple spans many chunks: joined once it is complete
      this.pendingLength += chunk.length;
      return;
    }
    // Finish the cut tuple with only as much of this chunk as it needs (joining the whole
    // 64 kB chunk, every chunk, cost more than the tuples in it), then read on in the chunk.
    // `needed` may only reach the next field's length: if the guess falls short, join it all.
    for (
      let take = Math.min(chunk.length, this.needed - held + JOIN_SLACK);
      ;
      take = chunk.length
    ) {
      const joined = Buffer.concat([...this.pending, chunk.subarray(0, take)]);
      const { at, needed } = this.parse(joined, 0);
      if (at >= held) {
        this.pending = [];
        this.pendingLength = 0;
        this.needed = 0;
        return this.parseAndKeep(chunk, at - held);
      }
      if (take === chunk.length) return this.hold(joined, needed); // still cut: wait for more
    }
  }

  end(): void {
    if (!this.finished || this.pendingLength > 0) {
      throw new Error('the binary COPY stream ended early');
    }
  }

  private parseAndKeep(buf: Buffer, from: number): void {
    const { at, needed } = this.parse(buf, from);
    // copied, so a short tail does not keep a 64 kB chunk alive
    if (at < buf.length) this.hold(Buffer.from(buf.subarray(at)), needed);
  }

  /**
   * Hands over every complete tuple in `buf` from `from`; returns where it stopped and how
   * many bytes from there the cut tuple (or header) needs at least.
   */
  private parse(buf: Buffer, from: number): { at: number; needed: number } {
    let at = from;
    if (!this.headerRead) {
      if (buf.length - at < HEADER_FIXED) return { at, needed: HEADER_FIXED };
      if (!buf.subarray(at, at + SIGNATURE.length).equals(SIGNATURE)) {
        throw new Error('not a binary COPY stream');
      }
      const extension = buf.readInt32BE(at + SIGNATURE.length + 4);
      if (buf.length - at < HEADER_FIXED + extension) {
        return { at, needed: HEADER_FIXED + extension };
      }
      at += HEADER_FIXED + extension;
      this.headerRead = true;
    }
    const tuple = this.tuple;
    tuple.buffer = buf;
    while (!this.finished) {
      if (buf.length - at < 2) return { at, needed: 2 };
      const fields = buf.readInt16BE(at);
      if (fields === -1) {
        this.finished = true;
        at += 2;
        break;
      }
      if (fields !== this.fieldCount) {
        throw new Error(`expected ${this.fieldCount} fields per tuple, got ${fields}`);
      }
      let p = at + 2;
      for (let i = 0; i < fields; i++) {
        if (buf.length - p < 4) return { at, needed: p + 4 - at };
        const length = buf.readInt32BE(p);
        p += 4;
        const size = length < 0 ? 0 : length;
        if (buf.length - p < size) return { at, needed: p + size - at };
        tuple.starts[i] = p;
        tuple.lengths[i] = length;
        p += size;
      }
      this.onTuple(tuple);
      this.tuples++;
      at = p;
    }
    return { at, needed: 0 };
  }

  /** Holds the start of a cut tuple (or header) until `needed` bytes are there. */
  private hold(start: Buffer, needed: number): void {
    this.pending = [start];
    this.pendingLength = start.length;
    this.needed = needed;
  }
}
