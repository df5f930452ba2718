/** The decisions field: one a line, blank lines dropped. */
export function decisionsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A local date and time from the form (Korean time by default) as an instant with its offset. */
export function startsAtOf(local: string, offset = '+09:00'): string {
  return `${local.length === 16 ? `${local}:00` : local}${offset}`;
}

/** The people of a series, grouped by agency in the order the agencies are given. */
export function byAgency<P extends { agency: string }>(
  people: readonly P[],
  agencies: readonly string[],
): [string, P[]][] {
  const order = [...new Set([...agencies, ...people.map((p) => p.agency)])];
  return order
    .map((code) => [code, people.filter((p) => p.agency === code)] as [string, P[]])
    .filter(([, list]) => list.length > 0);
}
