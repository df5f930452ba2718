import { hash } from 'node:crypto';
import { sha256 } from './sha256';

const TWO_32 = 2 ** 32;
/** 0x00, position u64, version u32, hash length u8. */
const HEAD = 14;
/** Inputs shorter than this get a cached view of the input buffer. */
const VIEW_CACHE_LIMIT = 1024;

/** What a seal's tree commits to for one event: where it sits, in which stream, and its hash. */
export interface LeafFields {
  position: number;
  streamId: string;
  version: number;
  /** The event's stored chain hash (32 bytes unless someone changed it). */
  hash: Buffer;
}

/**
 * RFC 6962 leaf hash H(0x00 ‖ position u64 ‖ version u32 ‖ hash length u8 ‖ event hash ‖ stream
 * id). The event hash already covers the content; position and version are not in it, so
 * binding them here lets a seal catch events that were renumbered or moved, even with
 * recomputed chain hashes. Fixed-width fields first and a length before the hash keep the
 * encoding unambiguous. The input is assembled in one reused buffer and hashed in one call.
 */
export class LeafHasher {
  private input = Buffer.alloc(1024);
  /** Views of `input` by length (see BinaryEventHasher): no Buffer per leaf. */
  // Stryker disable next-line ArrayDeclaration: equivalent; a leaf input is at least HEAD (14) bytes, so index 0 is never read
  private views: Buffer[] = [];

  hash(f: LeafFields): Buffer {
    // Stryker disable next-line StringLiteral: equivalent; Buffer.byteLength reads '' as utf8
    const idLength = Buffer.byteLength(f.streamId, 'utf8');
    const at = this.head(f.position, f.version, f.hash.length, idLength);
    f.hash.copy(this.input, HEAD);
    // Stryker disable next-line StringLiteral: equivalent; Buffer#write reads '' as utf8
    this.input.write(f.streamId, at, 'utf8');
    return sha256(this.input.subarray(0, at + idLength));
  }

  /**
   * The same from bytes in a buffer (a binary COPY tuple): hash and stream id (UTF-8) by extent.
   * The leaf comes back as a latin1 string, which MerkleFrontier and LeafList take as it is.
   */
  digestBytes(
    position: number,
    version: number,
    src: Buffer,
    hashAt: number,
    hashLength: number,
    streamIdAt: number,
    streamIdLength: number,
  ): string {
    const at = this.head(position, version, hashLength, streamIdLength);
    const input = this.input;
    // One byte more (<=) lands where the stream id is written next, or past the hashed length.
    // Stryker disable next-line EqualityOperator: equivalent; as above
    for (let i = 0; i < hashLength; i++) input[HEAD + i] = src[hashAt + i];
    // Stryker disable next-line EqualityOperator: equivalent; the byte past the id is not hashed
    for (let i = 0; i < streamIdLength; i++) input[at + i] = src[streamIdAt + i];
    const length = at + streamIdLength;
    const view =
      // Stryker disable next-line ConditionalExpression,EqualityOperator,AssignmentOperator: equivalent; the cache is speed only (a view or a fresh subarray holds the same bytes)
      length < VIEW_CACHE_LIMIT ? (this.views[length] ??= input.subarray(0, length)) : undefined;
    return hash('sha256', view ?? input.subarray(0, length), 'binary');
  }

  /** Writes the fixed-width head; returns where the stream id goes. */
  private head(position: number, version: number, hashLength: number, idLength: number): number {
    const size = HEAD + hashLength + idLength;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for true and >=; growing early is speed only (false is killed: event-leaf.mutants.spec.ts)
    if (size > this.input.length) {
      this.input = Buffer.alloc(size * 2);
      // Stryker disable next-line ArrayDeclaration: equivalent; index 0 is never read (see views)
      this.views = [];
    }
    const input = this.input;
    input[0] = 0;
    input.writeUInt32BE(Math.floor(position / TWO_32), 1);
    input.writeUInt32BE(position % TWO_32, 5);
    input.writeUInt32BE(version >>> 0, 9);
    input[13] = Math.min(hashLength, 255);
    return HEAD + hashLength;
  }
}
