import { canonicalJson } from '@liaison/event-store/canonical-json';
import { eventBodyText } from '@liaison/event-store/event-hash';
import { pgTimestampToIso } from '../reading/pg-timestamp';
import { RawRow } from '../reading/keyset-pages';
import { Col } from './chain-rows';

export type BodyResult = string | { error: string };

/**
 * The reference for chain hashes from text rows: the event store's own eventBodyText, the body
 * through JSON.parse and canonicalJson (then chainHash). Used to confirm a mismatch the fast
 * path (BinaryEventHasher) saw before it is reported, and to diagnose it.
 */
export class EventHasher {
  body(row: RawRow): BodyResult {
    const iso = pgTimestampToIso(row[Col.RecordedAt]);
    if (typeof iso !== 'string') return iso;
    try {
      return eventBodyText({
        streamId: row[Col.StreamId],
        eventId: row[Col.EventId],
        type: row[Col.Type],
        schemaVersion: Number(row[Col.SchemaVersion]),
        dataJson: canonicalJson(JSON.parse(row[Col.Data])),
        metadataJson: canonicalJson(JSON.parse(row[Col.Metadata])),
        recordedAtIso: iso,
      });
    } catch (err) {
      return { error: `data or metadata cannot be canonical JSON: ${(err as Error).message}` };
    }
  }
}
