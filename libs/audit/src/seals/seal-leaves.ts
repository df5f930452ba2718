/**
 * The leaves of one seal's segment, kept beside the seal so verification can name the exact
 * event that changed, went missing or appeared. Each entry: position (u64) then leaf hash (32
 * bytes). They need no signature of their own: the previous seal's tree extended by them must
 * give this seal's signed root, or they are not used.
 */
const ENTRY = 40;
const TWO_32 = 2 ** 32;

export class LeafList {
  private buffer: Buffer;
  private used = 0;

  constructor(capacity = 1024) {
    this.buffer = Buffer.allocUnsafe(capacity * ENTRY);
  }

  static fromBytes(bytes: Buffer): LeafList {
    if (bytes.length % ENTRY !== 0) throw new Error(`leaf list of ${bytes.length} bytes`);
    const list = new LeafList(0);
    list.buffer = bytes;
    list.used = bytes.length;
    return list;
  }

  get length(): number {
    return this.used / ENTRY;
  }

  push(position: number, leaf: Buffer): void {
    if (this.used + ENTRY > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, 64 * ENTRY));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    this.buffer.writeUInt32BE(Math.floor(position / TWO_32), this.used);
    this.buffer.writeUInt32BE(position % TWO_32, this.used + 4);
    leaf.copy(this.buffer, this.used + 8);
    this.used += ENTRY;
  }

  position(i: number): number {
    const at = i * ENTRY;
    return this.buffer.readUInt32BE(at) * TWO_32 + this.buffer.readUInt32BE(at + 4);
  }

  leaf(i: number): Buffer {
    const at = i * ENTRY + 8;
    return this.buffer.subarray(at, at + 32);
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.used);
  }
}
