/**
 * E-mail notifications per second through the queue, beside plain nodemailer, in one run.
 *
 *   npm run bench:notify          (node -r @swc-node/register bench/notify.bench.ts)
 *
 * Both send BENCH_MESSAGES (default 2000) messages to a local SMTP server (the smtp-server
 * package, in this process) over the same pooled nodemailer transport, BENCH_CONCURRENCY (4) at
 * a time:
 *   1. plain: `sendMail` straight from a loop;
 *   2. queue: outbox rows already planned (as the relay leaves them), one BullMQ job each under
 *      its deterministic id, a BullMQ worker running the EmailSender (claim `sending`, SMTP,
 *      mark `sent`): the path every notification e-mail takes after the relay's transaction.
 * The relay's planning (one transaction per batch of events, directory lookups) is not in this
 * figure. Database liaison_bench_notify (made anew), a unique BullMQ prefix. Ratio = queue/plain.
 */
import { Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  EmailSender,
  loadNotificationsConfig,
  NOTIFICATIONS_QUEUE,
  notificationJobHandlers,
  notificationJobProcessor,
  NotificationQueue,
  smtpTransport,
} from '../libs/notifications/src';
import { createPgPool, createRedis } from '../libs/platform/src';
import { startSmtpServer } from '../test/support/smtp-server';
import { createPrivateDatabase } from '../test/support/throwaway-database';
import { envInt, log, machineInfo, printJson, round } from './bench-utils';

async function main(): Promise<void> {
  const messages = envInt('BENCH_MESSAGES', 2000);
  const concurrency = envInt('BENCH_CONCURRENCY', 4);
  const smtp = await startSmtpServer();
  const url = await createPrivateDatabase('liaison_bench_notify');
  const pool = createPgPool(url, concurrency + 4, 'bench-notify');
  const config = loadNotificationsConfig({
    SMTP_URL: smtp.url,
    SMTP_FROM: 'Liaison <no-reply@bench.liaison>',
    QUEUE_PREFIX: `bench-notify-${randomUUID().slice(0, 8)}`,
    NOTIFY_CONCURRENCY: String(concurrency),
  });
  const transport = smtpTransport(config)!;
  const redis = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

  log(`plain nodemailer: ${messages} messages, ${concurrency} at a time`);
  const plainStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < messages) {
        const n = next++;
        await transport.send({
          to: `plain-${n}@bench.liaison`,
          subject: `[Liaison] 후속 조치 배정: plain ${n}`,
          text: '김담당 님께\n\n아래 후속 조치를 배정하였습니다.',
          messageId: `<plain.${n}@bench.liaison>`,
        });
      }
    }),
  );
  const plainSeconds = (performance.now() - plainStart) / 1000;

  log('queue: planting the outbox rows');
  const { rows } = await pool.query<{ event_id: string; person_id: string }>(
    `INSERT INTO notification_outbox
       (event_id, person_id, channel, kind, email, language, subject, body, message_id, day)
     SELECT gen_random_uuid(), gen_random_uuid(), 'email', 'assignment',
            'queue-' || n || '@bench.liaison', 'ko', '[Liaison] 후속 조치 배정: queue ' || n,
            E'김담당 님께\\n\\n아래 후속 조치를 배정하였습니다.', '<queue.' || n || '@bench.liaison>',
            current_date
       FROM generate_series(1, $1) n
     RETURNING event_id, person_id`,
    [messages],
  );
  const queue = new NotificationQueue(createRedis(redis, 'producer'), config);
  const handlers = notificationJobHandlers({
    email: new EmailSender(pool, transport, config),
    digest: { send: async () => undefined },
    sweep: { sweep: async () => undefined },
  });
  const received = smtp.messages.length;
  const queueStart = performance.now();
  const worker = new Worker(NOTIFICATIONS_QUEUE, notificationJobProcessor(handlers), {
    connection: createRedis(redis, 'worker'),
    prefix: config.queuePrefix,
    concurrency,
  });
  for (let i = 0; i < rows.length; i += 500) {
    await queue.addEmails(
      rows.slice(i, i + 500).map((r) => ({ eventId: r.event_id, personId: r.person_id })),
    );
  }
  while (smtp.messages.length - received < messages) await new Promise((r) => setTimeout(r, 20));
  const queueSeconds = (performance.now() - queueStart) / 1000;
  // the last marks commit just after the server's answer
  const markedSent = async () =>
    (
      await pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM notification_outbox WHERE status = 'sent'",
      )
    ).rows[0].n;
  for (let i = 0; i < 100 && (await markedSent()) < messages; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const sent = [{ n: await markedSent() }];

  await worker.close();
  await queue.queue.obliterate({ force: true });
  await queue.close();
  transport.close();
  await pool.end();
  await smtp.close();

  const plainRate = messages / plainSeconds;
  const queueRate = messages / queueSeconds;
  printJson({
    bench: 'notify',
    machine: machineInfo(),
    messages,
    concurrency,
    plainNodemailer: { seconds: round(plainSeconds, 3), perSecond: round(plainRate) },
    throughTheQueue: {
      seconds: round(queueSeconds, 3),
      perSecond: round(queueRate),
      markedSent: sent[0].n,
    },
    ratio: round(queueRate / plainRate, 3),
  });
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
