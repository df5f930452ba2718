/**
 * Typed errors with the codes the one error filter maps to HTTP
 * (libs/platform/src/http/error-response.filter.ts): FORBIDDEN 403, NOT_FOUND 404,
 * INVALID_STATE 409. Bad input is CounterpartInputError, which the API answers with 400 naming
 * the field.
 */
export abstract class CounterpartError extends Error {
  abstract readonly code: 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_STATE' | 'INVALID_INPUT';

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class CounterpartForbiddenError extends CounterpartError {
  readonly code = 'FORBIDDEN';
}

export class CounterpartNotFoundError extends CounterpartError {
  readonly code = 'NOT_FOUND';

  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`);
  }
}

/** The command does not fit the request's state; nothing is appended. */
export class CounterpartStateError extends CounterpartError {
  readonly code = 'INVALID_STATE';

  constructor(
    readonly state: string,
    message: string,
  ) {
    super(message);
  }
}

/** One field is wrong; the message starts with the field's name. */
export class CounterpartInputError extends CounterpartError {
  readonly code = 'INVALID_INPUT';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

/**
 * Why a link was refused. The page says only what its holder may know: an authentic link that
 * expired or was used says so; a forged, altered or misdirected one is just "not valid".
 */
export type LinkRefusal = 'invalid' | 'expired' | 'used' | 'replaced' | 'closed';

export class LinkRefusedError extends Error {
  constructor(readonly reason: LinkRefusal) {
    super(`counterpart link refused: ${reason}`);
    this.name = 'LinkRefusedError';
  }
}
