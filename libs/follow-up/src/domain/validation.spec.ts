import { AgencyInfo } from './context';
import { InvalidInputError } from './domain.errors';
import { AGENCY_DIRECTORY, deactivated, directoryWith } from './testing/agencies.fixture';
import {
  isCalendarDate,
  isIsoTimestamp,
  optionalText,
  requireCalendarDate,
  requireDirectoryEntry,
  requireText,
  requireTimestamp,
  requireUnique,
} from './validation';

/** The error a rule throws, for its field and message. */
function refusal(rule: () => unknown): InvalidInputError {
  try {
    rule();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('expected the rule to refuse');
}

describe('isCalendarDate', () => {
  it.each(['2025-03-04', '2024-02-29', '2025-12-31', '2025-01-01', '1999-11-30'])(
    'given %s, then it is a calendar date',
    (value) => expect(isCalendarDate(value)).toBe(true),
  );

  it.each([
    ['x2025-03-04', 'text before the date'],
    ['2025-03-04x', 'text after the date'],
    ['2025-03-04\n', 'a line break after the date'],
    ['2025-03-04T00:00:00Z', 'a timestamp'],
    ['25-03-04', 'a two-digit year'],
    ['2025-3-04', 'a one-digit month'],
    ['2025-03-4', 'a one-digit day'],
    ['2025/03/04', 'slashes'],
    ['2025-02-29', 'February 29th of a common year'],
    ['2025-02-30', 'a day the Date parser would roll into March'],
    ['2025-04-31', 'April 31st'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-03-00', 'day 0'],
    ['2025-12-32', 'a day rolling into the next year'],
    ['0050-06-15', 'a year Date.UTC reads as 1950'],
    ['', 'nothing'],
  ])('given %s (%s), then it is not', (value) => expect(isCalendarDate(value)).toBe(false));
});

describe('isIsoTimestamp', () => {
  it.each([
    '2025-03-04T09:30Z',
    '2025-03-04T09:30:15Z',
    '2025-03-04T09:30:15.1Z',
    '2025-03-04T09:30:15.123456789Z',
    '2025-03-04T09:30+09:00',
    '2025-03-04T09:30:15-05:30',
  ])('given %s, then it is a timestamp with a zone', (value) =>
    expect(isIsoTimestamp(value)).toBe(true),
  );

  it.each([
    ['x2025-03-04T09:30Z', 'text before it'],
    ['2025-03-04T09:30Zx', 'text after it'],
    ['2025-03-04T09:30Z\n', 'a line break after it'],
    ['2025-03-04T09:30', 'no zone'],
    ['2025-03-04T09:30:15', 'seconds but no zone'],
    ['2025-03-04', 'a date alone'],
    ['2025-03-04T9:30Z', 'a one-digit hour'],
    ['2025-03-04T09:3Z', 'a one-digit minute'],
    ['2025-03-04T0930Z', 'hh:mm without the colon'],
    ['2025-03-04T09Z', 'an hour alone'],
    ['2025-03-04T09:30:1Z', 'a one-digit second'],
    ['2025-03-04T09:30:15.Z', 'a point without digits'],
    ['2025-03-04T09:30:15.1234567890Z', 'ten fraction digits'],
    ['2025-03-04T09:30.5Z', 'a fraction without seconds'],
    ['2025-03-04T09:30+0900', 'an offset without its colon'],
    ['2025-03-04T09:30+9:00', 'a one-digit offset hour'],
    ['2025-03-04T09:30z', 'a lower-case zone'],
    ['2025-03-04 09:30Z', 'a space for the T'],
    ['2025-02-30T09:30Z', 'a day that does not exist'],
    ['2025-03-04T25:00Z', 'hour 25'],
    ['2025-03-04T09:60Z', 'minute 60'],
  ])('given %s (%s), then it is not', (value) => expect(isIsoTimestamp(value)).toBe(false));
});

describe('requireText', () => {
  it('given text with spaces around it, then it comes back trimmed', () => {
    expect(requireText('title', '  Draft  ')).toBe('Draft');
  });

  it.each<[string, string | undefined]>([
    ['nothing', undefined],
    ['an empty string', ''],
    ['only whitespace', ' \t\n '],
  ])('given %s, then it is refused naming the field', (_case, value) => {
    const error = refusal(() => requireText('title', value));
    expect(error.field).toBe('title');
    expect(error.message).toBe('title must not be empty');
  });

  it('given a value that is not a string, then it is refused rather than trimmed', () => {
    expect(refusal(() => requireText('note', 42 as unknown as string)).field).toBe('note');
  });
});

describe('optionalText', () => {
  it('given nothing, then nothing', () => {
    expect(optionalText('summary', undefined)).toBeUndefined();
  });

  it('given text, then it comes back trimmed', () => {
    expect(optionalText('summary', ' Good talk ')).toBe('Good talk');
  });

  it('given blank text, then it is refused rather than dropped', () => {
    expect(refusal(() => optionalText('summary', '  ')).message).toBe('summary must not be empty');
  });
});

describe('requireCalendarDate', () => {
  it('given a calendar date, then it comes back as it is', () => {
    expect(requireCalendarDate('heldOn', '2025-03-04')).toBe('2025-03-04');
  });

  it('given x2025-03-04, then it is refused naming the field and the value', () => {
    const error = refusal(() => requireCalendarDate('heldOn', 'x2025-03-04'));
    expect(error.field).toBe('heldOn');
    expect(error.message).toBe('heldOn must be a date as YYYY-MM-DD, got "x2025-03-04"');
  });

  it('given an object that prints as a date, then it is refused: only strings are dates', () => {
    const disguised = { toString: () => '2025-03-04' } as unknown as string;
    expect(refusal(() => requireCalendarDate('heldOn', disguised)).field).toBe('heldOn');
  });

  it('given a value that is not a string, then it is refused', () => {
    const error = refusal(() => requireCalendarDate('dueDate', 20250304 as unknown as string));
    expect(error.message).toBe('dueDate must be a date as YYYY-MM-DD, got "20250304"');
  });
});

describe('requireTimestamp', () => {
  it('given a time in another zone, then it comes back as the same instant in UTC', () => {
    expect(requireTimestamp('dueAt', '2025-03-20T18:00+09:00')).toBe('2025-03-20T09:00:00.000Z');
  });

  it('given a time without a zone, then it is refused naming the field and the value', () => {
    const error = refusal(() => requireTimestamp('dueAt', '2025-03-20T18:00'));
    expect(error.field).toBe('dueAt');
    expect(error.message).toBe(
      'dueAt must be an ISO-8601 timestamp with a zone, got "2025-03-20T18:00"',
    );
  });

  it('given an object that prints as a timestamp, then it is refused: only strings are times', () => {
    const disguised = { toString: () => '2025-03-20T09:00Z' } as unknown as string;
    expect(refusal(() => requireTimestamp('dueAt', disguised)).field).toBe('dueAt');
  });

  it('given a value that is not a string, then it is refused', () => {
    const error = refusal(() => requireTimestamp('dueAt', 0 as unknown as string));
    expect(error.message).toContain('got "0"');
  });
});

describe('requireUnique', () => {
  it('given distinct values, then nothing is refused', () => {
    expect(() => requireUnique('topics', ['a', 'b', 'c'])).not.toThrow();
  });

  it('given a repeat, then the repeat is refused at its own index', () => {
    const error = refusal(() => requireUnique('topics', ['a', 'b', 'a']));
    expect(error.field).toBe('topics[2]');
    expect(error.message).toBe('topics[2] repeats a');
  });
});

describe('requireDirectoryEntry', () => {
  it('given an active agency where an agency is wanted, then its entry', () => {
    expect(requireDirectoryEntry('owner', 'KISA', AGENCY_DIRECTORY, ['agency'])).toBe(
      AGENCY_DIRECTORY.get('KISA'),
    );
  });

  it('given either kind allowed, then a counterpart is accepted too', () => {
    expect(
      requireDirectoryEntry('from', 'OPENAI', AGENCY_DIRECTORY, ['agency', 'counterpart']).code,
    ).toBe('OPENAI');
  });

  it('given an unknown code, then it is refused naming every kind allowed', () => {
    const error = refusal(() =>
      requireDirectoryEntry('from', 'NOPE', AGENCY_DIRECTORY, ['agency', 'counterpart']),
    );
    expect(error.field).toBe('from');
    expect(error.message).toBe('from NOPE is not a known agency or counterpart');
  });

  it('given a counterpart where an agency is wanted, then it says so', () => {
    const error = refusal(() =>
      requireDirectoryEntry('owner', 'OPENAI', AGENCY_DIRECTORY, ['agency']),
    );
    expect(error.message).toBe('owner OPENAI is an outside counterpart, not an agency');
  });

  it('given an agency where a counterpart is wanted, then it says so', () => {
    const error = refusal(() =>
      requireDirectoryEntry('counterparts[0]', 'KISA', AGENCY_DIRECTORY, ['counterpart']),
    );
    expect(error.message).toBe('counterparts[0] KISA is an agency, not an outside counterpart');
  });

  it('given an inactive entry, then it is refused unless inactive ones are allowed', () => {
    const directory: ReadonlyMap<string, AgencyInfo> = directoryWith(deactivated('KISA'));
    const error = refusal(() => requireDirectoryEntry('owner', 'KISA', directory, ['agency']));
    expect(error.message).toBe('owner KISA is not active');
    expect(
      requireDirectoryEntry('owner', 'KISA', directory, ['agency'], { mustBeActive: false }).code,
    ).toBe('KISA');
  });
});
