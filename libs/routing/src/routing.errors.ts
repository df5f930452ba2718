/** Typed errors of the routing lib with stable codes, mapped to HTTP in the one filter. */
export abstract class RoutingError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class RoutingNotFoundError extends RoutingError {
  readonly code = 'NOT_FOUND';

  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`);
  }
}

export class InvalidRoutingInputError extends RoutingError {
  readonly code = 'INVALID_INPUT';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}
