/** The error filter maps each code to its status (FORBIDDEN 403, NOT_FOUND 404, INVALID_STATE
 * 409, INVALID_INPUT 422, ALREADY_EXISTS 409): a code lost or renamed here would be a 500. */
import {
  AlreadyExistsError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
} from './domain.errors';

describe('domain errors', () => {
  it.each<[DomainError, string, string, string]>([
    [new ForbiddenError('No'), 'FORBIDDEN', 'ForbiddenError', 'No'],
    [
      new NotFoundError('Follow-up', 'f-1'),
      'NOT_FOUND',
      'NotFoundError',
      'Follow-up f-1 not found',
    ],
    [new NotFoundError('Workshop'), 'NOT_FOUND', 'NotFoundError', 'Workshop not found'],
    [
      new InvalidStateError('Follow-up', 'submitted', 'start'),
      'INVALID_STATE',
      'InvalidStateError',
      'Follow-up is submitted; cannot start',
    ],
    [
      new InvalidInputError('dueAt', 'must be after now'),
      'INVALID_INPUT',
      'InvalidInputError',
      'dueAt must be after now',
    ],
    [
      new AlreadyExistsError('Workshop', 'w-1'),
      'ALREADY_EXISTS',
      'AlreadyExistsError',
      'Workshop w-1 already exists',
    ],
  ])('given %p, then its code is %s', (error, code, name, message) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
  });

  it('keeps the details a caller needs: the field, the state, the entity and id', () => {
    expect(new InvalidInputError('title', 'must not be empty').field).toBe('title');
    expect(new InvalidStateError('Follow-up', 'accepted', 'cancel').state).toBe('accepted');
    const notFound = new NotFoundError('Follow-up', 'f-9');
    expect([notFound.entity, notFound.id]).toEqual(['Follow-up', 'f-9']);
    const exists = new AlreadyExistsError('Action', 'a-1');
    expect([exists.entity, exists.id]).toEqual(['Action', 'a-1']);
  });
});
