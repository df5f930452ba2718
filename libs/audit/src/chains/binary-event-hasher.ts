import { hash } from 'node:crypto';
import { EventBodyParts, eventBodyText } from '@liaison/event-store/event-hash';
import { JsonbCanonicalWriter, NotJsonbText } from '../hashing/jsonb-canonical';
import { BinaryTuple } from '../reading/copy-binary';
import { Col } from './chain-rows';

/** The chain check's columns (chain-rows: the same for text rows and binary tuples). */
export const FIELD_COUNT = Object.keys(Col).length;

/** Hash inputs shorter than this get a cached view; longer ones (rare) a new one each time. */
const VIEW_CACHE_LIMIT = 4096;

/** Postgres's epoch (2000-01-01T00:00:00Z) in Unix milliseconds. */
export const PG_EPOCH_MS = 946_684_800_000;
const JSONB_VERSION = 1;

/** The order writeChainInput writes the body's fields in. */
const WRITE_ORDER = [
  'dataJson',
  'eventId',
  'metadataJson',
  'recordedAtIso',
  'schemaVersion',
  'streamId',
  'type',
] as const satisfies readonly (keyof EventBodyParts)[];
type Part = (typeof WRITE_ORDER)[number] | 'end';

/**
 * The body's fixed bytes before each field (and after the last), cut at load time out of the
 * event store's own eventBodyText fed marker values: this path knows how to write each value
 * from Postgres's bytes (its whole JSON text, quotes included), not the layout. If the contract
 * ever orders its fields otherwise than WRITE_ORDER, loading fails here rather than every hash
 * mismatching.
 */
function fixedParts(): Record<Part, Buffer> {
  const markers: EventBodyParts = {
    dataJson: '@data@',
    eventId: '@eventId@',
    metadataJson: '@metadata@',
    recordedAtIso: '@recordedAt@',
    schemaVersion: 9_876_543,
    streamId: '@streamId@',
    type: '@type@',
  };
  if (WRITE_ORDER.length !== Object.keys(markers).length) {
    throw new Error('BinaryEventHasher does not write every field of the hash contract');
  }
  const body = eventBodyText(markers);
  const parts = {} as Record<Part, Buffer>;
  let at = 0;
  for (const field of WRITE_ORDER) {
    const marker = String(markers[field]);
    let start = body.indexOf(marker);
    let end = start + marker.length;
    if (start < at || body.indexOf(marker, end) >= 0) {
      throw new Error(`the hash contract no longer writes ${field} where BinaryEventHasher does`);
    }
    if (body[start - 1] === '"' && body[end] === '"') [start, end] = [start - 1, end + 1];
    parts[field] = Buffer.from(body.slice(at, start), 'utf8');
    at = end;
  }
  parts.end = Buffer.from(body.slice(at), 'utf8');
  return parts;
}
const PART = fixedParts();

const HEX = Buffer.from('0123456789abcdef', 'latin1');
const QUOTE = 0x22;

/**
 * Recomputes chain hashes from binary COPY tuples: SHA-256(previous hash ‖ canonical body) with
 * the body's bytes written straight from the bytes Postgres sent (jsonb text, uuid and
 * timestamp in their binary forms), compared with the stored 32 bytes. False also when this
 * path cannot tell (a value outside the shape Postgres prints): the caller then asks the exact
 * path (JSON.parse and the event store's canonicalJson) before reporting anything.
 */
export class BinaryEventHasher {
  private scratch = Buffer.allocUnsafe(64 * 1024);
  /** Views of the scratch buffer by length (up to VIEW_CACHE_LIMIT): no Buffer per event. */
  private views: Buffer[] = [];
  private readonly jsonb = new JsonbCanonicalWriter();
  private readonly time = new IsoTimeWriter();

  matches(t: BinaryTuple, previousHash: Buffer, previousLength: number): boolean {
    for (;;) {
      try {
        const length = this.writeChainInput(t, previousHash, previousLength);
        if (length < 0) return false;
        // 'binary' (latin1): a string, one character per byte: a Buffer result costs twice the hashing.
        const input =
          length < VIEW_CACHE_LIMIT
            ? (this.views[length] ??= this.scratch.subarray(0, length))
            : this.scratch.subarray(0, length);
        const digest = hash('sha256', input, 'binary');
        return t.lengths[Col.Hash] === 32 && sameLatin1(digest, t.buffer, t.starts[Col.Hash]);
      } catch (err) {
        if (err instanceof RangeError && this.scratch.length < 64 * 1024 * 1024) {
          this.scratch = Buffer.allocUnsafe(this.scratch.length * 4); // an unusually big event
          this.views = [];
          continue;
        }
        if (err instanceof NotJsonbText || err instanceof RangeError) return false;
        throw err;
      }
    }
  }

  /** previous hash, then the body's bytes; the length written, or -1 for "cannot tell". */
  private writeChainInput(t: BinaryTuple, previousHash: Buffer, previousLength: number): number {
    const out = this.scratch;
    const buf = t.buffer;
    for (let i = 0; i < FIELD_COUNT; i++) if (t.lengths[i] < 0) return -1; // a NULL
    if (t.lengths[Col.EventId] !== 16 || t.lengths[Col.RecordedAt] !== 8) return -1;
    const ms = this.time.millisecondsOf(t.int64(Col.RecordedAt));
    if (ms === undefined) return -1;
    let p = 0;
    for (; p < previousLength; p++) out[p] = previousHash[p];
    p = put(out, p, PART.dataJson);
    p = this.jsonbField(t, Col.Data, p);
    p = put(out, p, PART.eventId);
    p = uuidString(buf, t.starts[Col.EventId], out, p);
    p = put(out, p, PART.metadataJson);
    p = this.jsonbField(t, Col.Metadata, p);
    p = put(out, p, PART.recordedAtIso);
    p = this.time.write(ms, out, p);
    p = put(out, p, PART.schemaVersion);
    p = decimal(t.int32(Col.SchemaVersion), out, p);
    p = put(out, p, PART.streamId);
    p = jsonString(t, Col.StreamId, out, p);
    p = put(out, p, PART.type);
    p = jsonString(t, Col.Type, out, p);
    p = put(out, p, PART.end);
    if (p >= out.length - 8) throw new RangeError('scratch buffer full');
    return p;
  }

  private jsonbField(t: BinaryTuple, field: number, at: number): number {
    const start = t.starts[field];
    if (t.buffer[start] !== JSONB_VERSION) throw new NotJsonbText('unknown jsonb version');
    return this.jsonb.writeBytes(t.buffer, start + 1, start + t.lengths[field], this.scratch, at);
  }
}

/**
 * A timestamptz (microseconds since 2000) as toISOString prints it, written as a JSON string. Events
 * come in bursts, so the "YYYY-MM-DDTHH:MM:SS." part is kept for the last second seen.
 */
class IsoTimeWriter {
  private second = Number.NaN;
  private readonly prefix = Buffer.alloc(20);

  /** Unix milliseconds; undefined for what the store cannot have written (see pgTimestampToIso). */
  millisecondsOf(microsSincePgEpoch: number): number | undefined {
    if (microsSincePgEpoch % 1000 !== 0) return undefined; // JavaScript dates hold milliseconds
    const ms = PG_EPOCH_MS + microsSincePgEpoch / 1000;
    return ms >= MIN_MS && ms < MAX_MS ? ms : undefined; // years 0000–9999
  }

  write(ms: number, out: Buffer, p: number): number {
    const second = Math.floor(ms / 1000);
    if (second !== this.second) {
      this.prefix.write(new Date(second * 1000).toISOString().slice(0, 20), 0, 'latin1');
      this.second = second;
    }
    if (p + 26 > out.length) throw new RangeError('scratch buffer full');
    out[p++] = QUOTE;
    const prefix = this.prefix;
    for (let i = 0; i < prefix.length; i++) out[p++] = prefix[i];
    const millis = ms - second * 1000;
    out[p++] = 0x30 + Math.floor(millis / 100);
    out[p++] = 0x30 + (Math.floor(millis / 10) % 10);
    out[p++] = 0x30 + (millis % 10);
    out[p++] = 0x5a; // Z
    out[p++] = QUOTE;
    return p;
  }
}

const MIN_MS = Date.parse('0000-01-01T00:00:00.000Z');
const MAX_MS = Date.parse('+010000-01-01T00:00:00.000Z');

/** An int32 in decimal, as String() prints it (written by hand: a string per event costs more). */
function decimal(n: number, out: Buffer, p: number): number {
  if (n < 0 || n > 9) return p + out.write(String(n), p, 'latin1');
  out[p] = 0x30 + n;
  return p + 1;
}

/** A uuid's 16 bytes as a JSON string of Postgres's text: lower-case hex with dashes. */
function uuidString(buf: Buffer, at: number, out: Buffer, p: number): number {
  if (p + 38 > out.length) throw new RangeError('scratch buffer full');
  out[p++] = QUOTE;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out[p++] = 0x2d;
    const b = buf[at + i];
    out[p++] = HEX[b >> 4];
    out[p++] = HEX[b & 15];
  }
  out[p++] = QUOTE;
  return p;
}

/**
 * JSON.stringify of a text field, copied as bytes when nothing in it needs escaping. (Small
 * copies here are plain loops: Buffer#copy's native call costs more than a few dozen bytes.)
 */
function jsonString(t: BinaryTuple, field: number, out: Buffer, p: number): number {
  const buf = t.buffer;
  const start = t.starts[field];
  const end = start + t.lengths[field];
  if (p + (end - start) + 2 > out.length) throw new RangeError('scratch buffer full');
  let w = p;
  out[w++] = QUOTE;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c < 0x20 || c === 0x22 || c === 0x5c || c >= 0x80) {
      return p + out.write(JSON.stringify(t.text(field)), p, 'utf8'); // rewritten from p
    }
    out[w++] = c;
  }
  out[w++] = QUOTE;
  return w;
}

/** Byte comparison in JavaScript: for a few dozen bytes it beats Buffer#compare's native call. */
export function sameBytes(a: Buffer, aAt: number, b: Buffer, bAt: number, length: number) {
  for (let i = 0; i < length; i++) if (a[aAt + i] !== b[bAt + i]) return false;
  return true;
}

/** Whether the latin1 string's character codes equal the bytes at `at`. */
function sameLatin1(s: string, b: Buffer, at: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== b[at + i]) return false;
  return true;
}

function put(out: Buffer, at: number, bytes: Buffer): number {
  if (at + bytes.length > out.length) throw new RangeError('scratch buffer full');
  for (let i = 0; i < bytes.length; i++) out[at + i] = bytes[i];
  return at + bytes.length;
}
