import { periodOf } from './people-reader';

describe('periodOf (the `on` of the as-of question)', () => {
  it('a day is that day in Korea: 15:00 UTC the day before to 15:00 UTC that day', () => {
    expect(periodOf('2026-11-18')).toEqual({
      from: new Date('2026-11-17T15:00:00.000Z'),
      until: new Date('2026-11-18T15:00:00.000Z'),
    });
  });

  it('an instant is that millisecond', () => {
    expect(periodOf('2026-11-18T09:30:00+09:00')).toEqual({
      from: new Date('2026-11-18T00:30:00.000Z'),
      until: new Date('2026-11-18T00:30:00.001Z'),
    });
    const at = new Date('2026-01-01T00:00:00Z');
    expect(periodOf(at)?.from).toEqual(at);
  });

  it.each(['2026-02-30', '2026-13-01', 'yesterday', '18/11/2026', '', '2026-11-18 09:00'])(
    'names no period for %j',
    (on) => {
      expect(periodOf(on)).toBeUndefined();
    },
  );

  it('names none for an invalid Date', () => {
    expect(periodOf(new Date('nope'))).toBeUndefined();
  });
});
