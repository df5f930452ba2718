import { createHash } from 'node:crypto';
import { canonicalJson } from '@liaison/event-store/canonical-json';
import { pgTimestampToIso } from '../reading/pg-timestamp';
import { RawRow } from '../reading/keyset-pages';
import { Col } from './chain-rows';
import { eventBodyText } from './event-body';

export type BodyResult = string | { error: string };

/**
 * The reference for chain hashes from text rows: chainHash(previous hash, canonical body), the
 * body through JSON.parse and the event store's own canonicalJson. Used to confirm a mismatch
 * the fast path (BinaryEventHasher) saw before it is reported, and to diagnose it.
 */
export class EventHasher {
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
}
