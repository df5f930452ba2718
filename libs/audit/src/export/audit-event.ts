import { StoredEvent } from '@liaison/event-store';

/** An event as audit routes and exports show it (DESIGN.md, "Audit routes return events as"). */
export interface AuditEvent {
  position: number;
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
  hash: string;
  /** Set on a line that carries only position, stream, version and hash (see ExportCheck). */
  elided?: true;
}

export function toAuditEvent(e: StoredEvent): AuditEvent {
  return {
    position: e.position,
    streamId: e.streamId,
    version: e.version,
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
    recordedAt: e.recordedAt.toISOString(),
    hash: e.hash,
  };
}
