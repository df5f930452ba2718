import { createHash } from 'node:crypto';

const TWO_32 = 2 ** 32;

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
 * encoding unambiguous.
 */
export class LeafHasher {
  private readonly head = Buffer.alloc(14);

  hash(f: LeafFields): Buffer {
    const head = this.head;
    head[0] = 0;
    head.writeUInt32BE(Math.floor(f.position / TWO_32), 1);
    head.writeUInt32BE(f.position % TWO_32, 5);
    head.writeUInt32BE(f.version >>> 0, 9);
    head[13] = Math.min(f.hash.length, 255);
    return createHash('sha256').update(head).update(f.hash).update(f.streamId, 'utf8').digest();
  }
}
