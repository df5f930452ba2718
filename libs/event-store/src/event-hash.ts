/**
 * The hash contract, in one place: which fields of an event its chain hash covers, in which
 * order and how they are written (canonical JSON, canonical-json.ts), and how hashes chain.
 * The audit's fast paths take the layout from here (binary-event-hasher.ts cuts its fixed bytes
 * out of eventBodyText) and are held to it by specs fed the same unusual values
 * (testing/unusual-json.ts); the README's "For outside verifiers" gives known answers.
 *
 * Imports nothing heavy: audit worker threads load it through the light alias
 * `@liaison/event-store/event-hash` without Nest or TypeORM.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { EventMetadata, JsonObject } from './event.types';

export interface HashedFields {
  streamId: string;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
  recordedAt: Date;
}

/** The hashed fields with data and metadata already canonical JSON and the time as ISO text. */
export interface EventBodyParts {
  streamId: string;
  eventId: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
  /** As Date#toISOString prints it: "2025-06-01T09:30:00.120Z". */
  recordedAtIso: string;
}

/**
 * The canonical body one event's hash covers: canonicalJson({ data, eventId, metadata,
 * recordedAt, schemaVersion, streamId, type }), written out here from parts already canonical so
 * that a writer serialises data and metadata once (a spec holds it to canonicalJson).
 */
export function eventBodyText(p: EventBodyParts): string {
  return (
    `{"data":${p.dataJson},"eventId":${JSON.stringify(p.eventId)},"metadata":${p.metadataJson}` +
    `,"recordedAt":${JSON.stringify(p.recordedAtIso)},"schemaVersion":${p.schemaVersion}` +
    `,"streamId":${JSON.stringify(p.streamId)},"type":${JSON.stringify(p.type)}}`
  );
}

export function canonicalEventBody(e: HashedFields): string {
  return eventBodyText({
    streamId: e.streamId,
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    dataJson: canonicalJson(e.data),
    metadataJson: canonicalJson(e.metadata),
    recordedAtIso: e.recordedAt.toISOString(),
  });
}

/** hash = SHA-256(previous hash bytes ‖ canonical body); a stream's first event chains from no bytes. */
export function chainHash(previousHashHex: string, body: string): string {
  const hash = createHash('sha256').update(Buffer.from(previousHashHex, 'hex'));
  // Stryker disable next-line StringLiteral: equivalent; Hash#update reads '' as utf8
  hash.update(body, 'utf8');
  return hash.digest('hex');
}
