/** Typed errors with stable codes; the HTTP layer maps them in one place. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

export class ConcurrencyError extends EventStoreError {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    readonly actual: number | undefined,
  ) {
    super(
      `Stream ${streamId} is at version ${actual ?? 'unknown'}, expected ${expected}` +
        (actual === undefined ? ' (a concurrent append won)' : ''),
    );
    this.name = 'ConcurrencyError';
  }
}

export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'InvalidAppendError';
  }
}

export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly eventId: string,
    readonly storedIn: string,
  ) {
    super(`Event id ${eventId} is already stored in stream ${storedIn}`);
    this.name = 'DuplicateEventIdError';
  }
}
