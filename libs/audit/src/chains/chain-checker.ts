import { chainHash } from '@liaison/event-store/event-hash';
import { BinaryTuple } from '../reading/copy-binary';
import { RawRow } from '../reading/keyset-pages';
import { BinaryEventHasher, PG_EPOCH_MS, sameBytes } from './binary-event-hasher';
import { DisposedHit, isTombstoneText } from '../disposal/disposed-events';
import { BrokenTally } from './broken-event';
import { Col, storedHashHex } from './chain-rows';
import { EventHasher } from './event-hasher';

export const HASH_MISMATCH = 'hash mismatch: data or metadata changed';

/**
 * Checks binary COPY tuples in (stream_id, version) order: versions run 1..n with no gap, and
 * every stored hash equals chainHash(previous stored hash, canonical body). Each event is
 * checked against its predecessor's *stored* hash, so one altered event is reported once, not
 * with every event after it. A mismatch on the fast path is confirmed on the exact one (the
 * text the event store hashes, through JSON.parse) before it is reported.
 */
export class ChainChecker {
  readonly broken = new BrokenTally();
  checked = 0;
  streams = 0;
  private readonly fast = new BinaryEventHasher();
  private readonly exact = new EventHasher();
  private readonly streamId = Buffer.alloc(256);
  private streamIdLength = -1;
  private version = 0;
  private readonly previousHash = Buffer.alloc(32);
  private previousHashLength = 0;
  /** Disposed events met (their stored hash trusted, see disposal/disposed-events.ts). */
  readonly disposed: DisposedHit[] = [];

  /** `disposals`: position → stored hash of the disposed events a verifier may trust. */
  constructor(private readonly disposals: ReadonlyMap<number, string> = new Map()) {}

  check(t: BinaryTuple): void {
    if (!this.sameStream(t)) {
      this.rememberStream(t);
      this.version = 0;
      this.previousHashLength = 0;
      this.streams++;
    }
    const version = t.int32(Col.Version);
    const problem = this.problemOf(t, version);
    if (problem) {
      this.broken.add({
        position: t.int64(Col.Position),
        streamId: t.text(Col.StreamId),
        version,
        problem,
      });
    }
    this.version = version;
    const hashLength = Math.min(32, Math.max(0, t.lengths[Col.Hash]));
    const at = t.starts[Col.Hash];
    for (let i = 0; i < hashLength; i++) this.previousHash[i] = t.buffer[at + i];
    this.previousHashLength = hashLength;
    this.checked++;
  }

  private problemOf(t: BinaryTuple, version: number): string | undefined {
    if (version !== this.version + 1) {
      return this.version === 0
        ? `version gap: stream starts at ${version}`
        : `version gap: ${version} follows ${this.version}`;
    }
    if (this.fast.matches(t, this.previousHash, this.previousHashLength)) return undefined;
    const row = rawRowOf(t);
    const body = this.exact.body(row);
    if (typeof body !== 'string') return body.error;
    const previous = this.previousHash.toString('hex', 0, this.previousHashLength);
    if (chainHash(previous, body) === storedHashHex(row)) return undefined;
    // Disposed: its content is gone, its stored hash (which the next event chains from and the
    // seals cover) is trusted, but only as the RecordDisposed event recorded it.
    const position = Number(row[Col.Position]);
    if (this.disposals.get(position) === storedHashHex(row) && isTombstoneText(row[Col.Data])) {
      this.disposed.push({ position, streamId: row[Col.StreamId], version });
      return undefined;
    }
    return HASH_MISMATCH;
  }

  private sameStream(t: BinaryTuple): boolean {
    const length = t.lengths[Col.StreamId];
    const at = t.starts[Col.StreamId];
    return length === this.streamIdLength && sameBytes(this.streamId, 0, t.buffer, at, length);
  }

  private rememberStream(t: BinaryTuple): void {
    const length = t.lengths[Col.StreamId];
    const at = t.starts[Col.StreamId];
    // Stream ids are at most 200 characters; a longer one (tampering) is never "the same".
    this.streamIdLength = length <= this.streamId.length ? length : -2;
    if (this.streamIdLength > 0) t.buffer.copy(this.streamId, 0, at, at + length);
  }
}

/** The tuple as the text rows the exact path and the diagnosis read (Postgres's text forms). */
export function rawRowOf(t: BinaryTuple): RawRow {
  const text = (i: number) => (t.lengths[i] < 0 ? '' : t.text(i));
  const jsonb = (i: number) =>
    t.lengths[i] < 1 ? '' : t.buffer.toString('utf8', t.starts[i] + 1, t.starts[i] + t.lengths[i]);
  const hashAt = t.starts[Col.Hash];
  const hashHex = t.buffer.toString('hex', hashAt, hashAt + Math.max(0, t.lengths[Col.Hash]));
  const uuidHex = t.buffer.toString('hex', t.starts[Col.EventId], t.starts[Col.EventId] + 16);
  const uuid = `${uuidHex.slice(0, 8)}-${uuidHex.slice(8, 12)}-${uuidHex.slice(12, 16)}-${uuidHex.slice(16, 20)}-${uuidHex.slice(20)}`;
  return [
    String(t.int64(Col.Position)),
    text(Col.StreamId),
    String(t.int32(Col.Version)),
    uuid,
    text(Col.Type),
    String(t.int32(Col.SchemaVersion)),
    jsonb(Col.Data),
    jsonb(Col.Metadata),
    pgTimestampText(t.int64(Col.RecordedAt)),
    `\\x${hashHex}`,
  ];
}

/** A timestamptz as Postgres prints it in UTC ("2025-06-01 09:30:00.123456+00", trimmed). */
function pgTimestampText(microsSincePgEpoch: number): string {
  const micros = ((microsSincePgEpoch % 1_000_000) + 1_000_000) % 1_000_000;
  const seconds = (microsSincePgEpoch - micros) / 1_000_000;
  const iso = new Date(PG_EPOCH_MS + seconds * 1000).toISOString();
  const fraction = String(micros).padStart(6, '0').replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
}
