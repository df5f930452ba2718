import { Actor } from '../domain';

/** Who sends a command and in which chain of work; carried into every event's metadata. */
export interface CommandMeta {
  actor: Actor;
  correlationId: string;
  /** The request or event this command follows from. */
  causationId?: string;
  /** From `If-Match`: refuse unless the stream is at exactly this version. */
  expectedVersion?: number;
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
