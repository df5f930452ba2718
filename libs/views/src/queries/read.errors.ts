import { DomainError, ForbiddenError } from '@liaison/follow-up';

/** The actor's role reads nothing here (admins run the system, they do not read its cases).
 * A ForbiddenError, so the HTTP filter answers 403 like any other. */
export class ReadForbiddenError extends ForbiddenError {
  constructor(role: string, what: string) {
    super(`role ${role} may not read ${what}`);
  }
}

/** A query parameter is malformed (a bad cursor, limit, status or id, a position beyond the
 * log's head): 400, like any other malformed request, not 422. */
export class InvalidReadQueryError extends DomainError {
  readonly code = 'INVALID_QUERY';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}
