/**
 * E-mail notifications per second through the queue, beside plain nodemailer, in one run.
 *
 *   npm run bench:notify          (node -r @swc-node/register bench/notify.bench.ts)
 *
 * Both send BENCH_MESSAGES (default 1000) messages to a local SMTP server (the smtp-server
 * package, in this process) over the same pooled nodemailer transport (5 connections):
 *   1. plain: `sendMail` straight from a loop;
 *   2. queue: outbox rows already planned (as the relay leaves them), one BullMQ job each under
 *      its deterministic id, a BullMQ worker running the EmailSender (claim `sending`, SMTP,
 *      mark `sent`): the path every notification e-mail takes after the relay's transaction.
 * The relay's planning (one transaction per batch of events, directory lookups) is not in this
 * figure. BENCH_ROUNDS (3) rounds, each plain then queue; the medians and the median ratio
 * (queue/plain) are printed. Database liaison_bench_notify (made anew), a unique BullMQ prefix.
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
import { envInt, log, machineInfo, median, printJson, round } from './bench-utils';

async function main(): Promise<void> {
  const messages = envInt('BENCH_MESSAGES', 1000);
  const rounds = envInt('BENCH_ROUNDS', 3);
  // Both sides share one pooled transport: at most 5 SMTP connections (nodemailer's default).
  // Plain sends keep 5 in flight, one per connection; the queue's worker runs
  // BENCH_CONCURRENCY (8, the NOTIFY_CONCURRENCY default) jobs, whose database round trips
  // overlap while their SMTP sends wait for a connection.
  const smtpConnections = 5;
  const concurrency = envInt('BENCH_CONCURRENCY', 8);
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

  const queue = new NotificationQueue(createRedis(redis, 'producer'), config);
  const handlers = notificationJobHandlers({
    email: new EmailSender(pool, transport, config),
    digest: { send: async () => undefined },
    sweep: { sweep: async () => undefined },
  });
  const worker = new Worker(NOTIFICATIONS_QUEUE, notificationJobProcessor(handlers), {
    connection: createRedis(redis, 'worker'),
    prefix: config.queuePrefix,
    concurrency,
  });
  const markedSent = async () =>
    (
      await pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM notification_outbox WHERE status = 'sent'",
      )
    ).rows[0].n;

  /** Plain sendMail, `concurrency` at a time; seconds. */
  async function plain(round: number): Promise<number> {
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: smtpConnections }, async () => {
        while (next < messages) {
          const n = next++;
          await transport.send({
            to: `plain-${round}-${n}@bench.liaison`,
            subject: `[Liaison] 후속 조치 배정: plain ${n}`,
            text: '김담당 님께\n\n아래 후속 조치를 배정하였습니다.',
            messageId: `<plain.${round}.${n}@bench.liaison>`,
          });
        }
      }),
    );
    return (performance.now() - started) / 1000;
  }

  /** Planted outbox rows through the queue and the EmailSender; seconds to the last arrival. */
  async function throughTheQueue(): Promise<number> {
    const { rows } = await pool.query<{ event_id: string; person_id: string }>(
      `INSERT INTO notification_outbox
         (event_id, person_id, channel, kind, email, language, subject, body, message_id, day)
       SELECT gen_random_uuid(), gen_random_uuid(), 'email', 'assignment',
              'queue-' || n || '@bench.liaison', 'ko', '[Liaison] 후속 조치 배정: queue ' || n,
              E'김담당 님께\\n\\n아래 후속 조치를 배정하였습니다.',
              '<queue.' || gen_random_uuid() || '@bench.liaison>', current_date
         FROM generate_series(1, $1) n
       RETURNING event_id, person_id`,
      [messages],
    );
    const received = smtp.messages.length;
    const started = performance.now();
    for (let i = 0; i < rows.length; i += 500) {
      await queue.addEmails(
        rows.slice(i, i + 500).map((r) => ({ eventId: r.event_id, personId: r.person_id })),
      );
    }
    while (smtp.messages.length - received < messages) await new Promise((r) => setTimeout(r, 20));
    return (performance.now() - started) / 1000;
  }

  // Rounds alternate, so a change of load on the shared machine falls on both sides alike.
  const results: { plain: number; queue: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    log(`round ${round + 1}/${rounds}: ${messages} messages each way`);
    const p = await plain(round);
    const q = await throughTheQueue();
    results.push({ plain: messages / p, queue: messages / q });
  }
  // the last marks commit just after the server's answer
  for (let i = 0; i < 100 && (await markedSent()) < messages * rounds; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const sent = [{ n: await markedSent() }];
  await worker.close();
  await queue.queue.obliterate({ force: true });
  await queue.close();
  transport.close();
  await pool.end();
  await smtp.close();

  const plainRate = median(results.map((r) => r.plain));
  const queueRate = median(results.map((r) => r.queue));
  printJson({
    bench: 'notify',
    machine: machineInfo(),
    messages,
    smtpConnections,
    queueConcurrency: concurrency,
    rounds: results.map((r) => ({
      plainPerSecond: round(r.plain),
      queuePerSecond: round(r.queue),
      ratio: round(r.queue / r.plain, 3),
    })),
    plainNodemailer: { perSecondMedian: round(plainRate) },
    throughTheQueue: { perSecondMedian: round(queueRate), markedSent: sent[0].n },
    ratio: round(median(results.map((r) => r.queue / r.plain)), 3),
  });
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
