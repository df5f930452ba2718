import { closeWithin } from './routing-workers';

const worker = (name: string, close: () => Promise<void>) => ({ name, close });

describe('closeWithin', () => {
  it('returns when every worker has closed, without a warning', async () => {
    const warn = jest.fn();
    await closeWithin([worker('a', async () => {}), worker('b', async () => {})], 1_000, { warn });
    expect(warn).not.toHaveBeenCalled();
  });

  it('gives up on a worker whose close never returns, and names its queue', async () => {
    const warn = jest.fn();
    const started = Date.now();
    await closeWithin(
      [worker('agency-KISA', () => new Promise<void>(() => {})), worker('timers', async () => {})],
      50,
      { warn },
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ queues: ['agency-KISA'] }));
  });
});
