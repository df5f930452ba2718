/**
 * A timestamptz as Postgres prints it with TimeZone=UTC and DateStyle=ISO
 * ("2025-06-01 09:30:00.123+00", fraction trimmed) → the ISO string JavaScript's toISOString
 * gives ("2025-06-01T09:30:00.123Z"), without building a Date. Returns an error message when
 * the value cannot be what the store wrote: it writes JavaScript dates, so milliseconds at most
 * and years 0000–9999 in this form.
 */
export function pgTimestampToIso(text: string): string | { error: string } {
  if (text.length < 22 || text[4] !== '-' || text[10] !== ' ' || !text.endsWith('+00')) {
    return { error: `recorded_at "${text}" is not a UTC time the store writes` };
  }
  const fraction = text[19] === '.' ? text.slice(20, text.length - 3) : '';
  if (fraction.length > 3) {
    return {
      error: `recorded_at "${text}" has sub-millisecond digits (the store writes milliseconds)`,
    };
  }
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${fraction.padEnd(3, '0')}Z`;
}
