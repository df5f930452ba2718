import { createHash, hash } from 'node:crypto';
import { canonicalJson } from '@liaison/event-store';
import { JsonbCanonicalWriter, NotJsonbText } from '../hashing/jsonb-canonical';
import { pgTimestampToIso } from '../reading/pg-timestamp';
import { RawRow } from '../reading/keyset-pages';
import { Col } from './chain-rows';
import { eventBodyText } from './event-body';

export type BodyResult = string | { error: string };

const ascii = (s: string) => Buffer.from(s, 'latin1');
/** The fixed parts of eventBodyText, in order. */
const PART = {
  data: ascii('{"data":'),
  eventId: ascii(',"eventId":"'),
  metadata: ascii('","metadata":'),
  recordedAt: ascii(',"recordedAt":"'),
  schemaVersion: ascii('","schemaVersion":'),
  streamId: ascii(',"streamId":'),
  type: ascii(',"type":'),
  end: ascii('}'),
};

/** Recomputes chain hashes from raw rows: chainHash(previous hash, canonical body). */
export class EventHasher {
  /** previous hash ‖ body, written in place and hashed with one native call. */
  private scratch = Buffer.allocUnsafe(64 * 1024);
  private readonly jsonb = new JsonbCanonicalWriter();

  /**
   * The hot path: does the stored hash equal chainHash(previous, body)? Writes the body's bytes
   * straight from the raw row. False also when this path cannot tell (a value outside the shape
   * Postgres prints): the caller then asks the exact path before reporting anything.
   */
  matches(row: RawRow, previousHashHex: string, storedHashHex: string): boolean {
    const iso = pgTimestampToIso(row[Col.RecordedAt]);
    if (typeof iso !== 'string') return false;
    for (;;) {
      try {
        const length = this.writeChainInput(row, previousHashHex, iso);
        return hash('sha256', this.scratch.subarray(0, length), 'hex') === storedHashHex;
      } catch (err) {
        if (err instanceof RangeError && this.scratch.length < 64 * 1024 * 1024) {
          this.scratch = Buffer.allocUnsafe(this.scratch.length * 4); // an unusually big event
          continue;
        }
        if (err instanceof NotJsonbText || err instanceof RangeError) return false;
        throw err;
      }
    }
  }

  /**
   * The canonical body through JSON.parse and the event store's own canonicalJson: the
   * reference, used to confirm a mismatch before it is reported, and on rare paths.
   */
  body(row: RawRow): BodyResult {
    const iso = pgTimestampToIso(row[Col.RecordedAt]);
    if (typeof iso !== 'string') return iso;
    try {
      return eventBodyText(
        row[Col.StreamId],
        row[Col.EventId],
        row[Col.Type],
        Number(row[Col.SchemaVersion]),
        canonicalJson(JSON.parse(row[Col.Data])),
        canonicalJson(JSON.parse(row[Col.Metadata])),
        iso,
      );
    } catch (err) {
      return { error: `data or metadata cannot be canonical JSON: ${(err as Error).message}` };
    }
  }

  /** SHA-256(previous hash bytes ‖ body), hex: the event store's chainHash. */
  chain(previousHashHex: string, body: string): string {
    return createHash('sha256').update(previousHashHex, 'hex').update(body, 'utf8').digest('hex');
  }

  /** previous hash bytes, then eventBodyText's bytes; returns the length written. */
  private writeChainInput(row: RawRow, previousHashHex: string, iso: string): number {
    const out = this.scratch;
    let p = out.write(previousHashHex, 0, 'hex');
    if (p * 2 !== previousHashHex.length) throw new NotJsonbText('previous hash is not hex');
    p = put(out, p, PART.data);
    p = this.jsonb.write(row[Col.Data], out, p);
    p = put(out, p, PART.eventId);
    p += out.write(row[Col.EventId], p, 'latin1'); // a uuid as Postgres prints it
    p = put(out, p, PART.metadata);
    p = this.jsonb.write(row[Col.Metadata], out, p);
    p = put(out, p, PART.recordedAt);
    p += out.write(iso, p, 'latin1');
    p = put(out, p, PART.schemaVersion);
    p += out.write(row[Col.SchemaVersion], p, 'latin1'); // an integer column's digits
    p = put(out, p, PART.streamId);
    p += out.write(JSON.stringify(row[Col.StreamId]), p, 'utf8');
    p = put(out, p, PART.type);
    p += out.write(JSON.stringify(row[Col.Type]), p, 'utf8');
    p = put(out, p, PART.end);
    if (p >= out.length - 8) throw new RangeError('scratch buffer full');
    return p;
  }
}

function put(out: Buffer, at: number, bytes: Buffer): number {
  if (at + bytes.length > out.length) throw new RangeError('scratch buffer full');
  for (let i = 0; i < bytes.length; i++) out[at + i] = bytes[i];
  return at + bytes.length;
}
