/** Typed domain errors with stable codes; the HTTP layer maps each code to one status
 * (FORBIDDEN 403, NOT_FOUND 404, INVALID_STATE 409, INVALID_INPUT 422, ALREADY_EXISTS 409,
 * INVALID_QUERY 400). */

export type DomainErrorCode =
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'INVALID_INPUT'
  | 'ALREADY_EXISTS'
  | 'INVALID_QUERY';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The actor's role may not do this (or may not do it to this agency's data). */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/** Does not exist, or exists but the actor may not learn that it does. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(
    readonly entity: string,
    readonly id?: string,
  ) {
    super(id ? `${entity} ${id} not found` : `${entity} not found`);
  }
}

/** The command does not fit the current state; the message names that state. */
export class InvalidStateError extends DomainError {
  readonly code = 'INVALID_STATE';

  constructor(
    entity: string,
    readonly state: string,
    verb: string,
  ) {
    super(`${entity} is ${state}; cannot ${verb}`);
  }
}

/** One field of the command is wrong; the message starts with the field's path. */
export class InvalidInputError extends DomainError {
  readonly code = 'INVALID_INPUT';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

export class AlreadyExistsError extends DomainError {
  readonly code = 'ALREADY_EXISTS';

  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} already exists`);
  }
}
