import { JsonObject } from '@liaison/event-store';

/**
 * Defensive readers for event data. A projection must not stall on one malformed event (every
 * later event would wait behind it), so a field that does not fit yields undefined and the
 * caller leaves the row as it was, only moving its version on.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function text(data: JsonObject, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function uuid(data: JsonObject, key: string): string | undefined {
  const v = text(data, key);
  return v !== undefined && UUID.test(v) ? v.toLowerCase() : undefined;
}

/** Stream ids carry lower-case uuids; anything else is not a stream a projection owns. */
export function isLowerCaseUuid(v: string): boolean {
  return UUID.test(v) && v === v.toLowerCase();
}

/** An instant, normalised to ISO with milliseconds so rows compare and page exactly. */
export function instant(data: JsonObject, key: string): string | undefined {
  const v = text(data, key);
  if (v === undefined) return undefined;
  const t = new Date(v);
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString();
}

/** A calendar date `YYYY-MM-DD` that exists (Postgres would reject 2025-02-30). */
export function calendarDate(data: JsonObject, key: string): string | undefined {
  const v = text(data, key);
  if (v === undefined || !DATE.test(v)) return undefined;
  const t = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === v ? v : undefined;
}

export function stringArray(data: JsonObject, key: string): string[] | undefined {
  const v = data[key];
  if (v === undefined) return [];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}

export function oneOf<T extends string>(
  data: JsonObject,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const v = data[key];
  return allowed.includes(v as T) ? (v as T) : undefined;
}
