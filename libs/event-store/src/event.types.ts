/** Who caused an event and why; stored beside every event. Keys as in DESIGN.md. */
export interface EventMetadata {
  actor: string;
  role: string;
  agency?: string;
  correlation_id: string;
  causation_id?: string;
  [key: string]: unknown;
}

export type JsonObject = { [key: string]: unknown };

/** An event as a writer hands it to the store. */
export interface NewEvent<T extends string = string, D extends JsonObject = JsonObject> {
  /** Re-appending an id that is already stored is a no-op. Generated when absent. */
  eventId?: string;
  type: T;
  schemaVersion?: number;
  data: D;
  metadata: EventMetadata;
}

/** An event as the store hands it back. */
export interface StoredEvent<D extends JsonObject = JsonObject> {
  position: number;
  transactionId: string;
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata;
  recordedAt: Date;
  /** SHA-256 over the previous event's hash in the stream and this event's canonical bytes. */
  hash: string;
}

/**
 * What the writer believes about the stream:
 * - 'any': no check;
 * - 'no_stream': the stream must not exist yet;
 * - a number n ≥ 1: the stream's last event must have version n.
 */
export type ExpectedVersion = 'any' | 'no_stream' | number;

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append. */
  version: number;
  /** Global position of the last event written. */
  position: number;
  /** False when every event id was already stored (an idempotent re-append). */
  appended: boolean;
}

/** A place in the global order: events are read strictly after it. */
export interface Checkpoint {
  transactionId: string;
  position: number;
}

export const START: Checkpoint = { transactionId: '0', position: 0 };
