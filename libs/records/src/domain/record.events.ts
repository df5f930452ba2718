import type { DisposedEventRef } from '@liaison/audit';
import { RecordClass, RecordKind, RetentionPeriod } from './retention';

/** Stream `record-<recordId>`; a record's id is its subject's stream id (`follow-up-<uuid>`,
 * `workshop-<uuid>`), so a record names what it keeps without a table to look it up in. */
export const RECORD_EVENT_SCHEMA_VERSION = 1;

export interface RecordRetentionSet {
  recordId: string;
  recordClass: RecordClass;
  retention: RetentionPeriod;
  reason: string;
  previous: { recordClass: RecordClass; retention: RetentionPeriod };
}

export interface RecordClosed {
  recordId: string;
  kind: RecordKind;
  /** When the subject closed (the event that closed it was recorded then). */
  closedAt: string;
  /** The event type that closed it, or 'all-follow-ups-closed' for a workshop. */
  cause: string;
  recordClass: RecordClass;
  retention: RetentionPeriod;
  /** Null for a permanent record. */
  disposalDueOn: string | null;
}

export interface LegalHoldPlaced {
  recordId: string;
  reason: string;
}

export interface LegalHoldLifted {
  recordId: string;
  reason: string;
}

export interface DisposalApproved {
  recordId: string;
  disposalDueOn: string;
  approvedAt: string;
}

export interface RecordDisposed {
  recordId: string;
  /** The streams whose events' content was removed. */
  streams: string[];
  /** Each removed event with its stored hash, which stays in the log (the proof). */
  events: DisposedEventRef[];
  /** SHA-256 of each attached file whose bytes were removed. */
  files: string[];
  /** The records officer who approved (also the event's actor). */
  approvedBy: string;
}

export interface RecordEventMap {
  RecordRetentionSet: RecordRetentionSet;
  RecordClosed: RecordClosed;
  LegalHoldPlaced: LegalHoldPlaced;
  LegalHoldLifted: LegalHoldLifted;
  DisposalApproved: DisposalApproved;
  RecordDisposed: RecordDisposed;
}

export type RecordEventType = keyof RecordEventMap;
export type RecordEvent = {
  [K in RecordEventType]: { type: K; data: RecordEventMap[K] };
}[RecordEventType];
export const RECORD_EVENT_TYPES: readonly RecordEventType[] = [
  'RecordRetentionSet',
  'RecordClosed',
  'LegalHoldPlaced',
  'LegalHoldLifted',
  'DisposalApproved',
  'RecordDisposed',
];

export function recordStreamId(recordId: string): string {
  return `record-${recordId}`;
}

/** `follow-up-<uuid>` or `workshop-<uuid>`: the record's kind and subject, or undefined. */
export function parseRecordId(
  recordId: string,
): { kind: RecordKind; subjectId: string } | undefined {
  const m =
    /^(workshop|follow-up)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(
      recordId,
    );
  return m ? { kind: m[1] as RecordKind, subjectId: m[2] } : undefined;
}
