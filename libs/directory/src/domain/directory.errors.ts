/**
 * Typed directory errors. Their `code`s are the ones the one error filter maps to HTTP
 * (libs/platform/src/http/error-response.filter.ts): FORBIDDEN 403, NOT_FOUND 404,
 * INVALID_STATE and ALREADY_EXISTS 409, INVALID_INPUT 422.
 */
export type DirectoryErrorCode =
  'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_STATE' | 'INVALID_INPUT' | 'ALREADY_EXISTS';

export abstract class DirectoryError extends Error {
  abstract readonly code: DirectoryErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The actor may not do this. */
export class DirectoryForbiddenError extends DirectoryError {
  readonly code = 'FORBIDDEN';
}

export class DirectoryNotFoundError extends DirectoryError {
  readonly code = 'NOT_FOUND';

  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
  }
}

/** The command does not fit the current state (a held role granted again, a deactivated person). */
export class DirectoryStateError extends DirectoryError {
  readonly code = 'INVALID_STATE';

  constructor(
    readonly state: string,
    message: string,
  ) {
    super(message);
  }
}

/** One field is wrong; the message starts with the field's name. */
export class DirectoryInputError extends DirectoryError {
  readonly code = 'INVALID_INPUT';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

export class DirectoryConflictError extends DirectoryError {
  readonly code = 'ALREADY_EXISTS';

  constructor(
    readonly field: string,
    what: string,
  ) {
    super(`${what} already exists`);
  }
}
