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

/** The binary COPY format, fed chunk by chunk (exported for its unit test). */
export class BinaryCopyParser {
  tuples = 0;
  /** Bytes of a tuple not yet complete, kept as chunks until `needed` bytes are there. */
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
    // A big tuple spans many chunks: they are joined once it is complete, not on every chunk.
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.pendingLength < this.needed) return;
    const buf = this.pending.length === 1 ? chunk : Buffer.concat(this.pending, this.pendingLength);
    this.pending = [];
    this.pendingLength = 0;
    this.needed = 0;
    let at = 0;
    if (!this.headerRead) {
      if (buf.length < HEADER_FIXED) return this.keep(buf, HEADER_FIXED);
      if (!buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
        throw new Error('not a binary COPY stream');
      }
      const extension = buf.readInt32BE(SIGNATURE.length + 4);
      if (buf.length < HEADER_FIXED + extension) return this.keep(buf, HEADER_FIXED + extension);
      at = HEADER_FIXED + extension;
      this.headerRead = true;
    }
    const tuple = this.tuple;
    tuple.buffer = buf;
    let needed = 0; // bytes from `at` that the next, incomplete tuple needs at least
    for (;;) {
      if (buf.length - at < 2) {
        needed = 2;
        break;
      }
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
      let complete = true;
      for (let i = 0; i < fields; i++) {
        if (buf.length - p < 4) {
          complete = false;
          needed = p + 4 - at;
          break;
        }
        const length = buf.readInt32BE(p);
        p += 4;
        const size = length < 0 ? 0 : length;
        if (buf.length - p < size) {
          complete = false;
          needed = p + size - at;
          break;
        }
        tuple.starts[i] = p;
        tuple.lengths[i] = length;
        p += size;
      }
      if (!complete) break;
      this.onTuple(tuple);
      this.tuples++;
      at = p;
    }
    if (at < buf.length) this.keep(Buffer.from(buf.subarray(at)), needed);
  }

  end(): void {
    if (!this.finished || this.pendingLength > 0) {
      throw new Error('the binary COPY stream ended early');
    }
  }

  private keep(rest: Buffer, needed: number): void {
    this.pending = [rest];
    this.pendingLength = rest.length;
    this.needed = needed;
  }
}
