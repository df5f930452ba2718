import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { EventStore, EventStoreModule } from '@liaison/event-store';
import { PlatformModule, REDIS, RedisClient } from '@liaison/platform';
import { CounterpartWriter } from '../commands/counterpart-writer';
import { CounterpartTimersModule } from '../counterparts.module';
import { counterpartRequestStreamId } from '../domain';
import {
  COUNTERPART_REMINDER_QUEUE,
  REMINDER_SCHEDULER,
  ReminderScheduler,
  reminderJobId,
} from './reminder-scheduler';
import { CounterpartReminderSweep } from './reminder-sweep';

@Module({ imports: [PlatformModule, EventStoreModule, CounterpartTimersModule] })
class TimersTestModule {}

/**
 * The reminder at a due time through the real queue: the delayed job has one id per request and
 * due time (scheduling it again adds nothing), the worker sends the reminder when it fires, and
 * a worker started again afterwards (a restart), its sweep and a re-added job send nothing more.
 */
describe('counterpart reminder timers (Redis, Postgres)', () => {
  const saved = { ...process.env };
  const prefix = `cp-timers-${randomUUID().slice(0, 8)}`;
  let ctx: INestApplicationContext | undefined;

  const start = async () => {
    const app = await NestFactory.createApplicationContext(TimersTestModule, { logger: false });
    await app.init();
    return app;
  };

  beforeAll(() => {
    Object.assign(process.env, {
      NODE_ENV: 'test',
      QUEUE_PREFIX: prefix,
      COUNTERPART_SWEEP_MS: '3600000',
      LOG_LEVEL: 'silent',
    });
  });
  afterAll(async () => {
    await ctx?.close();
    process.env = saved;
  });

  it('one delayed job per due time, one reminder when it fires, nothing more after a restart', async () => {
    ctx = await start();
    const writer = ctx.get(CounterpartWriter);
    const id = randomUUID();
    const head = {
      actor: { id: 'msit.head', role: 'bureau_head', agency: 'MSIT' },
      correlationId: randomUUID(),
    };
    await writer.write(
      id,
      {
        kind: 'Draft',
        requestId: id,
        workshopId: randomUUID(),
        infoRequestId: randomUUID(),
        counterpart: 'OPENAI',
        subject: 'Threat indicators',
        requestedBy: 'MSIT',
        hostAgency: 'MSIT',
        liaisonAgency: 'MSIT',
      },
      head,
    );
    const dueAt = new Date(Date.now() + 1500).toISOString();
    await writer.write(
      id,
      {
        kind: 'Send',
        dueAt,
        link: { linkId: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
      },
      head,
    );
    const scheduler = ctx.get<ReminderScheduler>(REMINDER_SCHEDULER);
    await scheduler.schedule(id, dueAt);
    await scheduler.schedule(id, dueAt);
    const queue = new Queue(COUNTERPART_REMINDER_QUEUE, {
      connection: ctx.get<RedisClient>(REDIS),
      prefix,
    });
    try {
      const delayed = await queue.getDelayed();
      expect(delayed.filter((j) => j.data.requestId === id).map((j) => j.id)).toEqual([
        reminderJobId(id, dueAt),
      ]);

      const reminders = async () =>
        (await ctx!.get(EventStore).readStream(counterpartRequestStreamId(id))).filter(
          (e) => e.type === 'CounterpartRequestChased' && e.data.trigger === 'due_time',
        );
      const deadline = Date.now() + 10_000;
      while ((await reminders()).length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await reminders()).toHaveLength(1);

      // A restart: a new worker, its sweep, and the job added again (as a send replayed would).
      await ctx.close();
      ctx = await start();
      expect(await ctx.get(CounterpartReminderSweep).sweep()).toBe(0);
      await ctx.get<ReminderScheduler>(REMINDER_SCHEDULER).schedule(id, dueAt);
      await new Promise((r) => setTimeout(r, 500));
      expect(await reminders()).toHaveLength(1);
      expect((await reminders())[0].data.forDueAt).toBe(dueAt);
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  }, 20_000);
});
