import { StreamLanes } from './stream-lanes';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('StreamLanes', () => {
  it('runs work on one stream one after another, in order, past failures', async () => {
    const lanes = new StreamLanes();
    const log: string[] = [];
    const step =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      lanes.run('s', step('a')),
      lanes.run('s', step('b', true)),
      lanes.run('s', step('c')),
    ]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('runs work on different streams side by side and forgets idle streams', async () => {
    const lanes = new StreamLanes();
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    await Promise.all([lanes.run('x', step('x')), lanes.run('y', step('y'))]);
    expect(log.slice(0, 2)).toEqual(['start x', 'start y']);
    await tick();
    expect(lanes.size).toBe(0);
  });
});
