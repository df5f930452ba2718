import { ForbiddenError, InvalidInputError } from '../../domain/domain.errors';

/** The actor's role reads nothing here (admins run the system, they do not read its cases).
 * A ForbiddenError, so the HTTP filter answers 403 like any other. */
export class ReadForbiddenError extends ForbiddenError {
  constructor(role: string, what: string) {
    super(`role ${role} may not read ${what}`);
  }
}

/** A query parameter is malformed (a bad cursor, limit, status or id). */
export class InvalidReadQueryError extends InvalidInputError {}
