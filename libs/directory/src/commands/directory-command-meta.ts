import { randomUUID, createHash } from 'node:crypto';
import { EventMetadata } from '@liaison/event-store';
import { DirectoryActor } from '../domain/decider';

/**
 * Who sends a directory command and in which chain of work. The same shape as the follow-up
 * lib's CommandMeta (so the API's @CommandContext() serves both), declared here because the
 * directory depends on no domain lib.
 */
export interface DirectoryCommandMeta {
  actor: DirectoryActor & { name?: string; onBehalfOf?: { id: string; name?: string } };
  correlationId: string;
  causationId?: string;
  /** From `If-Match`: refuse unless the stream is at exactly this version. */
  expectedVersion?: number;
  /** From an Idempotency-Key: new ids and event ids derive from it (see derivedUuid). */
  idempotencySeed?: string;
}

/** The operators' CLI and the boot-time adoption act as `system`. */
export function systemMeta(purpose: string): DirectoryCommandMeta {
  return { actor: { id: 'system', role: 'system' }, correlationId: `${purpose}:${randomUUID()}` };
}

export function eventMetadata(meta: DirectoryCommandMeta): EventMetadata {
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

/** A uuid the same seed and label always give (the same construction as the follow-up lib's). */
export function derivedUuid(seed: string, label: string): string {
  const hex = createHash('sha256').update(`${seed}\n${label}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A new person's or delegation's id: derived from the Idempotency-Key when there is one. */
export function newDirectoryId(meta: DirectoryCommandMeta, label: string): string {
  return meta.idempotencySeed === undefined
    ? randomUUID()
    : derivedUuid(meta.idempotencySeed, `directory:${label}`);
}

/** More events than any directory command writes (adopting an inactive agency writes two). */
const MAX_EVENTS = 4;

export function boundEventIds(seed: string): string[] {
  return Array.from({ length: MAX_EVENTS }, (_, i) => derivedUuid(seed, `directory:event:${i}`));
}
