/** Each domain error through the one error filter: the status its code maps to, and the
 * details a client reads. A code the filter does not know would become a 500. */
import { toErrorBody } from '@liaison/platform';
import {
  AlreadyExistsError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
} from './domain.errors';

describe('domain errors over HTTP', () => {
  it.each<[DomainError, number, string, object]>([
    [new ForbiddenError('No'), 403, 'Forbidden', { code: 'FORBIDDEN' }],
    [new NotFoundError('Follow-up', 'f-1'), 404, 'Not Found', { code: 'NOT_FOUND' }],
    [
      new InvalidStateError('Follow-up', 'submitted', 'start'),
      409,
      'Conflict',
      { code: 'INVALID_STATE', state: 'submitted' },
    ],
    [new AlreadyExistsError('Workshop', 'w-1'), 409, 'Conflict', { code: 'ALREADY_EXISTS' }],
    [
      new InvalidInputError('dueAt', 'must be after now'),
      422,
      'Unprocessable Entity',
      { code: 'INVALID_INPUT', field: 'dueAt' },
    ],
  ])('given %p, then the filter answers %i %s with its code', (error, status, text, details) => {
    expect(toErrorBody(error)).toEqual({
      statusCode: status,
      error: text,
      message: error.message,
      details,
    });
  });
});
