import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { JOB_NAMES, RELAY_SUBSCRIPTION } from '@liaison/routing';
import { PROJECTIONS, subscriptionName } from '@liaison/views';
import { waitFor } from '../../../test/support/database';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../test/support/throwaway-database';
import { WorkerSubscriptions } from './health/worker-subscriptions';
import { JOB_HANDLERS } from './routing/job-handlers.token';
import { WorkerModule } from './worker.module';

/**
 * The worker app as `npm run start:worker` assembles it, on a database and a queue prefix of
 * its own: every module resolves, every declared job has its handler, and it runs every
 * subscription the system has (each projection and the relay), then shuts down cleanly.
 */
describe('the worker app', () => {
  let db: ThrowawayDatabase;
  let worker: INestApplicationContext;
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await createThrowawayDatabase('worker_wiring', 2);
    Object.assign(process.env, {
      NODE_ENV: 'test',
      TEST_DATABASE_URL: db.url,
      QUEUE_PREFIX: `wiring-${randomUUID().slice(0, 8)}`,
      WORKER_HEALTH_PORT: '0',
      LOG_LEVEL: 'silent',
    });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    process.env = saved;
    await db?.drop();
  });

  it('has a handler for every declared job and no other', () => {
    const handlers = worker.get<Record<string, unknown>>(JOB_HANDLERS);
    expect(Object.keys(handlers).sort()).toEqual([...JOB_NAMES].sort());
  });

  it('runs every projection and the relay', async () => {
    const expected = [
      ...PROJECTIONS.map((p) => subscriptionName(p.name)),
      RELAY_SUBSCRIPTION,
    ].sort();
    const subscriptions = worker.get(WorkerSubscriptions);
    const running = await waitFor(
      async () => {
        const list = subscriptions.list();
        return list.length === expected.length && list.every((s) => s.active) && list;
      },
      15_000,
      'every subscription running',
    );
    expect(running.map((s) => s.name).sort()).toEqual(expected);
  });
});
