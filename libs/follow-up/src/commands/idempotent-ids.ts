import { createHash, randomUUID } from 'node:crypto';

/** More events than any one command writes; the ids of a command's events are drawn from these. */
export const MAX_EVENTS_PER_COMMAND = 16;

/**
 * A uuid that the same seed and label always give (the form of a version-8 uuid: custom bits).
 * A command sent with an Idempotency-Key derives its new ids and its events' ids from the key,
 * so a retry after any crash names the same follow-up and the same events as the first attempt,
 * and the log itself says whether that attempt was applied.
 */
export function derivedUuid(seed: string, label: string): string {
  const hex = createHash('sha256').update(`${seed}\n${label}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The id of a new workshop, action, request or follow-up: derived when the command is bound. */
export function newEntityId(idempotencySeed: string | undefined, label: string): string {
  return idempotencySeed === undefined ? randomUUID() : derivedUuid(idempotencySeed, label);
}

/** The ids the events of a bound command get, in order. */
export function boundEventIds(idempotencySeed: string, count = MAX_EVENTS_PER_COMMAND): string[] {
  if (count > MAX_EVENTS_PER_COMMAND) {
    throw new Error(`a command wrote ${count} events; at most ${MAX_EVENTS_PER_COMMAND} are bound`);
  }
  return Array.from({ length: count }, (_, i) => derivedUuid(idempotencySeed, `event:${i}`));
}
