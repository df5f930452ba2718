import { pgTimestampToIso } from './pg-timestamp';

describe('pgTimestampToIso', () => {
  it.each([
    ['2025-06-01 09:30:00.123+00', '2025-06-01T09:30:00.123Z'],
    ['2025-06-01 09:30:00.1+00', '2025-06-01T09:30:00.100Z'],
    ['2025-06-01 09:30:00+00', '2025-06-01T09:30:00.000Z'],
    ['0999-01-01 00:00:00.05+00', '0999-01-01T00:00:00.050Z'],
  ])('%s → %s (what Date.toISOString gives)', (text, iso) => {
    expect(pgTimestampToIso(text)).toBe(iso);
    expect(new Date(iso).toISOString()).toBe(iso);
  });

  it.each([
    ['2025-06-01 09:30:00.123456+00', /sub-millisecond/],
    ['2025-06-01 09:30:00+09', /not a UTC time/],
    ['0044-03-15 12:00:00+00 BC', /not a UTC time/],
  ])('refuses %s', (text, message) => {
    const result = pgTimestampToIso(text);
    expect(typeof result === 'string' ? result : result.error).toMatch(message);
  });
});
