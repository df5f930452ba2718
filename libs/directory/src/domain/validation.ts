import { DirectoryInputError } from './directory.errors';

/** The same pattern as the `agencies.code` check in the table's migration. */
export const AGENCY_CODE = /^[A-Z][A-Z0-9_]{1,15}$/;
/** Lower-case letters, digits and . _ -; starts with a letter or a digit (`msit.head`). */
export const LOGIN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
/** Deliberately loose: one @, something on each side, a dot in the domain, no spaces. */
export const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requireText(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DirectoryInputError(field, 'must be a non-empty string');
  }
  if (value.length > max) throw new DirectoryInputError(field, `must be at most ${max} characters`);
  return value;
}

export function requirePattern(
  field: string,
  value: unknown,
  pattern: RegExp,
  what: string,
): string {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new DirectoryInputError(field, `must be ${what}`);
  }
  return value;
}

export function requireInstant(field: string, value: unknown): Date {
  const at = typeof value === 'string' ? new Date(value) : undefined;
  if (!at || Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value as string)) {
    throw new DirectoryInputError(field, 'must be an ISO-8601 date-time');
  }
  return at;
}
