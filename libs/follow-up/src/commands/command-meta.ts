import { EventMetadata } from '@liaison/event-store';
import { Actor } from '../domain';

/** Who sends a command and in which chain of work; carried into every event's metadata. */
export interface CommandMeta {
  actor: Actor;
  correlationId: string;
  /** The request or event this command follows from. */
  causationId?: string;
  /** From `If-Match`: refuse unless the stream is at exactly this version. */
  expectedVersion?: number;
  /**
   * Set when the request carries an Idempotency-Key: the command's new ids and its events' ids
   * derive from it, so a retry finds in the log what its first attempt wrote.
   */
  idempotencySeed?: string;
}

export interface CommandResult {
  id: string;
  /** The stream's version after the command. */
  version: number;
  /** Global position of the last event written (for read-your-writes). */
  position: number;
  /** False when the command changed nothing (an idempotent system command). */
  changed: boolean;
}

/**
 * The metadata every event of a command carries: who, in which chain of work, after what, and
 * under a delegation (대결) the person acted for (`on_behalf_of`; `actor` stays the person who
 * acted, `role` and `agency` are those the request acted with). Absent keys are left out, not
 * set to null: the hashed bytes of every event written before `on_behalf_of` existed stay the
 * same (event-hash.spec's known answers hold it).
 */
export function eventMetadata(meta: CommandMeta): EventMetadata {
  const { actor } = meta;
  return {
    actor: actor.id,
    role: actor.role,
    ...(actor.agency ? { agency: actor.agency } : {}),
    ...(actor.onBehalfOf ? { on_behalf_of: actor.onBehalfOf.id } : {}),
    correlation_id: meta.correlationId,
    ...(meta.causationId ? { causation_id: meta.causationId } : {}),
  };
}
