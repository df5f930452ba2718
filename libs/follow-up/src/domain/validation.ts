/** Input rules shared by the deciders. Each throws an InvalidInputError naming the field, so a
 * 422 tells the caller exactly what to fix. */
import { AgencyInfo } from './context';
import { InvalidInputError } from './domain.errors';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A zone is required: a timestamp without one means a different instant on every server.
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `YYYY-MM-DD` naming a real day (the JS Date parser would roll 02-30 over into March). */
export function isCalendarDate(value: string): boolean {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return false;
  // A real day prints back as itself: 02-30 would come back as March, year 0050 as 1950.
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** An ISO-8601 timestamp with a zone (`Z` or `±hh:mm`) and a real calendar day. */
export function isIsoTimestamp(value: string): boolean {
  const m = ISO_TIMESTAMP.exec(value);
  return m !== null && isCalendarDate(m[1]) && !Number.isNaN(Date.parse(value));
}

/** Non-blank text, returned trimmed so stored text carries no stray whitespace. */
export function requireText(field: string, value: string | undefined): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw new InvalidInputError(field, 'must not be empty');
  return text;
}

/** Optional text: absent is fine, present-but-blank is refused rather than silently dropped. */
export function optionalText(field: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : requireText(field, value);
}

export function requireCalendarDate(field: string, value: string): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new InvalidInputError(field, `must be a date as YYYY-MM-DD, got "${String(value)}"`);
  }
  return value;
}

/** Returns the instant normalised to UTC (`…Z`), as the event contract stores times. */
export function requireTimestamp(field: string, value: string): string {
  if (typeof value !== 'string' || !isIsoTimestamp(value)) {
    throw new InvalidInputError(
      field,
      `must be an ISO-8601 timestamp with a zone, got "${String(value)}"`,
    );
  }
  return new Date(value).toISOString();
}

export function requireUnique(field: string, values: readonly string[]): void {
  values.forEach((value, i) => {
    if (values.indexOf(value) !== i) {
      throw new InvalidInputError(`${field}[${i}]`, `repeats ${value}`);
    }
  });
}

type Kind = AgencyInfo['kind'];

/** A directory entry of one of the given kinds, which must be active. */
export function requireDirectoryEntry(
  field: string,
  code: string,
  agencies: ReadonlyMap<string, AgencyInfo>,
  kinds: readonly Kind[],
  { mustBeActive = true }: { mustBeActive?: boolean } = {},
): AgencyInfo {
  const info = agencies.get(code);
  if (!info) {
    throw new InvalidInputError(field, `${code} is not a known ${kinds.join(' or ')}`);
  }
  if (!kinds.includes(info.kind)) {
    throw new InvalidInputError(
      field,
      info.kind === 'counterpart'
        ? `${code} is an outside counterpart, not an agency`
        : `${code} is an agency, not an outside counterpart`,
    );
  }
  if (mustBeActive && !info.active) throw new InvalidInputError(field, `${code} is not active`);
  return info;
}
