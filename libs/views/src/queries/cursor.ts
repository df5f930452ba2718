import { InvalidReadQueryError } from './read.errors';

/**
 * Keyset paging: a cursor is the sort key and id of the last row served, opaque to clients
 * (base64url JSON). It names its sort, so a cursor reused with another sort is refused instead
 * of silently skipping rows.
 */
export interface CursorPosition {
  sort: string;
  key: string | number;
  id: string;
}

export function encodeCursor(c: CursorPosition): string {
  return Buffer.from(JSON.stringify([c.sort, c.key, c.id])).toString('base64url');
}

export function decodeCursor(cursor: string, sort: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidReadQueryError('cursor', 'is not a cursor this API issued');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== sort ||
    (typeof parsed[1] !== 'string' && typeof parsed[1] !== 'number') ||
    typeof parsed[2] !== 'string'
  ) {
    throw new InvalidReadQueryError('cursor', `is not a cursor of this list sorted by ${sort}`);
  }
  return { sort, key: parsed[1], id: parsed[2] };
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new InvalidReadQueryError('limit', `must be an integer from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}
