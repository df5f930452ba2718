import { unableForMs } from './subscription-status';

describe('unableForMs', () => {
  it('is 0 while the subscription works or idles', () => {
    expect(unableForMs({}, 10_000)).toBe(0);
  });

  it('counts from the first failure of a run of failures', () => {
    expect(unableForMs({ failingSince: 4000 }, 10_000)).toBe(6000);
  });

  it('counts a call that never returns, as a frozen Postgres makes one', () => {
    expect(unableForMs({ busySince: 7000 }, 10_000)).toBe(3000);
  });

  it('takes the earlier of the two', () => {
    expect(unableForMs({ failingSince: 2000, busySince: 7000 }, 10_000)).toBe(8000);
  });
});
