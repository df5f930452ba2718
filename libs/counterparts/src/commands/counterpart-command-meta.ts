import { createHash } from 'node:crypto';
import { EventMetadata } from '@liaison/event-store';
import { CounterpartActor } from '../domain';

/**
 * Who sends a command and in which chain of work: the same shape as the follow-up lib's
 * CommandMeta (the API's @CommandContext() serves both), declared here so this lib needs no
 * domain lib but its own.
 */
export interface CounterpartCommandMeta {
  actor: CounterpartActor & { name?: string; onBehalfOf?: { id: string; name?: string } };
  correlationId: string;
  causationId?: string;
  /** From `If-Match`: refuse unless the stream is at exactly this version. */
  expectedVersion?: number;
  /** From an Idempotency-Key: new ids and event ids derive from it. */
  idempotencySeed?: string;
}

export function eventMetadata(meta: CounterpartCommandMeta): EventMetadata {
  const { actor } = meta;
  return {
    actor: actor.id,
    role: actor.role,
    ...(actor.agency ? { agency: actor.agency } : {}),
    correlation_id: meta.correlationId,
    ...(meta.causationId ? { causation_id: meta.causationId } : {}),
    ...(actor.onBehalfOf ? { on_behalf_of: actor.onBehalfOf.id } : {}),
  };
}

/** A uuid the same seed and label always give (the construction the other libs use). */
export function derivedUuid(seed: string, label: string): string {
  const hex = createHash('sha256').update(`${seed}\n${label}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
