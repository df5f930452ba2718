import { Coalescer } from './coalescer';

const settled = <T>(values: T[]): PromiseSettledResult<T>[] =>
  values.map((value) => ({ status: 'fulfilled', value }));

describe('Coalescer', () => {
  it('runs the calls of one turn as one batch and answers each caller with its own outcome', async () => {
    const batches: number[][] = [];
    const doubler = new Coalescer<number, number>(async (items) => {
      batches.push(items);
      return settled(items.map((n) => n * 2));
    });
    const answers = await Promise.all([1, 2, 3].map((n) => doubler.submit(n)));
    expect(answers).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(await doubler.submit(4)).toBe(8);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('fails only the items whose outcome is a rejection', async () => {
    const picky = new Coalescer<number, number>(async (items) =>
      items.map((n) =>
        n % 2 === 0
          ? { status: 'fulfilled', value: n }
          : { status: 'rejected', reason: new Error(`odd ${n}`) },
      ),
    );
    const outcomes = await Promise.allSettled([1, 2].map((n) => picky.submit(n)));
    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: new Error('odd 1') });
    expect(outcomes[1]).toEqual({ status: 'fulfilled', value: 2 });
  });

  it('fails every item when the batch throws', async () => {
    const broken = new Coalescer<number, number>(async () => {
      throw new Error('database down');
    });
    const outcomes = await Promise.allSettled([1, 2].map((n) => broken.submit(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });

  it('starts a batch at once when it is full', async () => {
    const batches: number[][] = [];
    const small = new Coalescer<number, number>(async (items) => {
      batches.push(items);
      return settled(items);
    }, 2);
    await Promise.all([1, 2, 3].map((n) => small.submit(n)));
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('fails every item when the batch throws before it returns a promise', async () => {
    const sync = new Coalescer<number, number>(() => {
      throw new Error('not even started');
    });
    const outcomes = await Promise.allSettled([1, 2].map((n) => sync.submit(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });
});
