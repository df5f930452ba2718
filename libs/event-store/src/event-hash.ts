import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { EventMetadata, JsonObject } from './event.types';

export interface HashedFields {
  streamId: string;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
  recordedAt: Date;
}

/**
 * The canonical bytes of one event, as covered by the hash chain: canonical JSON of the fields
 * below (keys in sorted order). Composed from already-canonical data and metadata, so a writer
 * serialises each only once.
 */
export function eventBodyFromParts(
  f: Omit<HashedFields, 'data' | 'metadata' | 'recordedAt'>,
  dataJson: string,
  metadataJson: string,
  recordedAt: Date,
): string {
  return (
    `{"data":${dataJson},"eventId":${JSON.stringify(f.eventId)},"metadata":${metadataJson}` +
    `,"recordedAt":${JSON.stringify(recordedAt.toISOString())},"schemaVersion":${f.schemaVersion}` +
    `,"streamId":${JSON.stringify(f.streamId)},"type":${JSON.stringify(f.type)}}`
  );
}

export function canonicalEventBody(e: HashedFields): string {
  return eventBodyFromParts(e, canonicalJson(e.data), canonicalJson(e.metadata), e.recordedAt);
}

/** hash = SHA-256(previous hash bytes ‖ canonical body); a stream's first event chains from no bytes. */
export function chainHash(previousHashHex: string, body: string): string {
  return createHash('sha256')
    .update(Buffer.from(previousHashHex, 'hex'))
    .update(body, 'utf8')
    .digest('hex');
}
