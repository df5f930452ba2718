import { RawRow } from '../reading/keyset-pages';
import { BrokenTally } from './broken-event';
import { Col, storedHashHex } from './chain-rows';
import { EventHasher } from './event-hasher';

export const HASH_MISMATCH = 'hash mismatch: data or metadata changed';

/**
 * Checks rows in (stream_id, version) order: versions run 1..n with no gap, and every stored
 * hash equals chainHash(previous stored hash, canonical body). Each event is checked against its
 * predecessor's *stored* hash, so one altered event is reported once, not with every event after
 * it. Feed it pages in order; a stream may continue across pages.
 */
export class ChainChecker {
  readonly broken = new BrokenTally();
  checked = 0;
  streams = 0;
  private readonly hasher = new EventHasher();
  private streamId: string | undefined;
  private version = 0;
  private previousHash = '';

  check(rows: RawRow[]): void {
    for (const row of rows) {
      const streamId = row[Col.StreamId];
      if (streamId !== this.streamId) {
        this.streamId = streamId;
        this.version = 0;
        this.previousHash = '';
        this.streams++;
      }
      const version = Number(row[Col.Version]);
      const problem = this.problemOf(row, version);
      if (problem) {
        this.broken.add({ position: Number(row[Col.Position]), streamId, version, problem });
      }
      this.version = version;
      this.previousHash = storedHashHex(row);
      this.checked++;
    }
  }

  private problemOf(row: RawRow, version: number): string | undefined {
    if (version !== this.version + 1) {
      return this.version === 0
        ? `version gap: stream starts at ${version}`
        : `version gap: ${version} follows ${this.version}`;
    }
    const stored = storedHashHex(row);
    if (this.hasher.matches(row, this.previousHash, stored)) return undefined;
    const exact = this.hasher.body(row); // a mismatch is only reported if the reference agrees
    if (typeof exact !== 'string') return exact.error;
    return this.hasher.chain(this.previousHash, exact) === stored ? undefined : HASH_MISMATCH;
  }
}
