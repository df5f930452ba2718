import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { Pool } from 'pg';
import { CounterpartCommands, counterpartRequestStreamId } from '@liaison/counterparts';
import { EventStore } from '@liaison/event-store';
import { startTestApi, TestApi, tokenFor } from '../support/api';
import { waitFor } from '../support/database';
import { admin, inDays } from '../support/fixtures';
import { call, Caller } from '../support/http';
import { startSmtpServer, TestSmtpServer } from '../support/smtp-server';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/throwaway-database';
import { NotificationsRuntime, startNotificationsRuntime } from './notifications-harness';

type Who = 'head' | 'headEn' | 'headOff' | 'headDigest' | 'officer' | 'outsider';
interface Person {
  id: string;
  email: string;
  as: Caller;
}

/**
 * A request to OpenAI passes its due time unanswered: the reminder (CounterpartRequestChased,
 * trigger due_time) reaches the host bureau's heads — the counterpart has no address here —
 * once, in each head's language, by their preferences, and never with the link's token. A real
 * SMTP server counts what arrives; a database of the spec's own, as notifications.e2e-spec.
 */
describe('counterpart overdue notifications', () => {
  let api: TestApi;
  let pool: Pool;
  let db: ThrowawayDatabase;
  const savedDatabaseUrl = process.env.TEST_DATABASE_URL;
  let store: EventStore;
  let smtp: TestSmtpServer;
  let rt: NotificationsRuntime;
  let worker: Worker;
  const tag = randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase();
  const HOST = `CH${tag}`;
  const OTH = `CO${tag}`;
  const p = {} as Record<Who, Person>;

  const mails = (who: Who) => smtp.to(p[who].email);
  const caughtUp = async () => {
    const head = await store.headPosition();
    await waitFor(
      async () => {
        const { rows } = await pool.query<{ position: string }>(
          'SELECT position FROM subscription_checkpoints WHERE name = $1',
          [rt.subscriptionName],
        );
        return Number(rows[0]?.position ?? 0) >= head;
      },
      10_000,
      'the notifications relay to catch up',
    );
  };
  const checkpointNow = async () =>
    (
      await pool.query<{ transaction_id: string; position: string }>(
        'SELECT transaction_id::text, position FROM subscription_checkpoints WHERE name = $1',
        [rt.subscriptionName],
      )
    ).rows[0];
  const settle = () => new Promise((r) => setTimeout(r, 400));

  /** A request of the host to OpenAI, drafted and sent by `head`: its id, due time and token. */
  async function sentRequest(dueAt: string) {
    const ws = await call<{ id: string }>(api.url, 'POST', '/v1/workshops', p.head.as, {
      title: 'AI 보안 실무 협의',
      heldOn: '2026-11-18',
      hostAgency: HOST,
      counterparts: ['OPENAI'],
      attendingAgencies: [OTH],
      topics: ['AI models in cybersecurity'],
    });
    expect(ws.status).toBe(201);
    const info = await call<{ requestId: string }>(
      api.url,
      'POST',
      `/v1/workshops/${ws.body.id}/info-requests`,
      p.head.as,
      { subject: 'AI 악용 위협 지표 공유', requestedBy: HOST, requestedFrom: 'OPENAI' },
    );
    expect(info.status).toBe(201);
    const drafted = await call<{ id: string }>(
      api.url,
      'POST',
      '/v1/counterpart-requests',
      p.head.as,
      { workshopId: ws.body.id, infoRequestId: info.body.requestId },
    );
    expect(drafted.status).toBe(201);
    const sent = await call<{ link: { url: string } }>(
      api.url,
      'POST',
      `/v1/counterpart-requests/${drafted.body.id}/send`,
      p.head.as,
      { dueAt },
    );
    expect(sent.status).toBe(200);
    const token = new URL(sent.body.link.url).pathname.split('/').pop()!;
    expect(token.length).toBeGreaterThan(20);
    return { id: drafted.body.id, workshopId: ws.body.id, token };
  }

  /** Every row of every table in the database, as text: where a token must not be. */
  async function everyTableHolds(needle: string): Promise<string[]> {
    const { rows: tables } = await pool.query<{ name: string }>(
      `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name
         FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const found: string[] = [];
    for (const { name } of tables) {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${name} t WHERE strpos(t::text, $1) > 0`,
        [needle],
      );
      if (rows[0].n > 0) found.push(name);
    }
    return found;
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    db = await createThrowawayDatabase('cpnotify', 20);
    pool = db.pool;
    process.env.TEST_DATABASE_URL = db.url;
    store = new EventStore(pool);
    api = await startTestApi();
    for (const [code, name] of [
      [HOST, 'Host'],
      [OTH, 'Other'],
    ]) {
      const res = await call(api.url, 'POST', '/v1/agencies', admin, {
        code,
        name: `${name} ${tag}`,
        kind: 'agency',
      });
      expect(res.status).toBe(201);
    }
    const people: [Who, string, 'bureau_head' | 'agency_officer', string, string][] = [
      ['head', HOST, 'bureau_head', '김국장', 'Kim Director'],
      ['headEn', HOST, 'bureau_head', '박국장', 'Park Director'],
      ['headOff', HOST, 'bureau_head', '윤국장', 'Yoon Director'],
      ['headDigest', HOST, 'bureau_head', '정국장', 'Jung Director'],
      ['officer', HOST, 'agency_officer', '이담당', 'Lee Officer'],
      ['outsider', OTH, 'bureau_head', '오국장', 'Oh Director'],
    ];
    for (const [who, agency, role, ko, en] of people) {
      const login = `${who.toLowerCase()}.${tag.toLowerCase()}`;
      const email = `${login}@mail.example.go.kr`;
      const res = await call<{ id: string }>(api.url, 'POST', '/v1/people', admin, {
        login,
        displayName: { ko, en },
        email,
        agency,
        roles: [role],
      });
      expect(res.status).toBe(201);
      p[who] = {
        id: res.body.id,
        email,
        as: { role, agency, token: tokenFor(role, agency, res.body.id) },
      };
    }
    const prefs = (who: Who, body: object) =>
      call(api.url, 'PUT', '/v1/me/notification-preferences', p[who].as, body);
    expect((await prefs('headEn', { language: 'en' })).status).toBe(200);
    expect(
      (await prefs('headOff', { kinds: { counterpart_overdue: { enabled: false } } })).status,
    ).toBe(200);
    expect(
      (await prefs('headDigest', { kinds: { counterpart_overdue: { email: 'digest' } } })).status,
    ).toBe(200);

    rt = await startNotificationsRuntime(pool, {
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Liaison <no-reply@liaison.test>',
      APP_URL: 'https://liaison.example.go.kr',
    });
    worker = rt.startWorker();
  });

  afterAll(async () => {
    await rt?.stop();
    await api?.close();
    await smtp?.close();
    await db?.drop();
    process.env.TEST_DATABASE_URL = savedDatabaseUrl;
  });

  it('the new kind is a preference of its own, on and sent at once by default', async () => {
    const prefs = await call<{ kinds: Record<string, unknown> }>(
      api.url,
      'GET',
      '/v1/me/notification-preferences',
      p.head.as,
    );
    expect(prefs.body.kinds.counterpart_overdue).toEqual({ enabled: true, email: 'immediate' });
    const bad = await call(api.url, 'PUT', '/v1/me/notification-preferences', p.head.as, {
      kinds: { counterpart_overdue: { email: 'weekly' } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('kinds.counterpart_overdue.email');
  });

  it('chased once at its due time: one mail to each host bureau head in their language, none with the token, nothing twice on a replay', async () => {
    const dueAt = inDays(3);
    const { id, token } = await sentRequest(dueAt);
    const commands = api.app.get(CounterpartCommands);
    const afterDue = new Date(Date.parse(dueAt) + 60_000);
    await caughtUp();
    const checkpoint = await checkpointNow();
    await commands.remind(id, dueAt, afterDue);
    const chased = (await store.readStream(counterpartRequestStreamId(id))).filter(
      (e) => e.type === 'CounterpartRequestChased',
    );
    expect(chased).toHaveLength(1);

    await caughtUp();
    await waitFor(
      async () => mails('head').length >= 1 && mails('headEn').length >= 1,
      10_000,
      'the overdue mails',
    );
    await settle();

    const [ko] = mails('head');
    expect(mails('head')).toHaveLength(1);
    expect(ko.subject).toBe('[Liaison] 회신 기한 경과(OpenAI): AI 악용 위협 지표 공유');
    expect(ko.text).toContain('김국장 님께');
    expect(ko.text).toContain('OpenAI에 요청한 아래 자료의 회신 기한');
    expect(ko.text).toContain(`요청 번호: ${id}`);
    expect(ko.text).toContain('회신 없음');
    expect(ko.text).toContain(`https://liaison.example.go.kr/counterpart-requests/${id}`);
    expect(ko.messageId).toBe(`<notify.${chased[0].eventId}.${p.head.id}@liaison.test>`);

    const [en] = mails('headEn');
    expect(mails('headEn')).toHaveLength(1);
    expect(en.subject).toBe('[Liaison] No answer from OpenAI: AI 악용 위협 지표 공유');
    expect(en.text).toContain('Dear Park Director,');
    expect(en.text).toContain('has not answered this request by its due time');

    // preference off, an officer, another agency's head: nothing, in the app either
    expect(mails('headOff')).toHaveLength(0);
    expect(mails('officer')).toHaveLength(0);
    expect(mails('outsider')).toHaveLength(0);
    const told = (
      await pool.query<{ person_id: string; kind: string }>(
        'SELECT person_id, kind FROM notifications WHERE event_id = $1',
        [chased[0].eventId],
      )
    ).rows;
    expect(told.map((r) => r.person_id).sort()).toEqual(
      [p.head.id, p.headEn.id, p.headDigest.id].sort(),
    );
    expect(mails('headDigest')).toHaveLength(0); // in the day's digest
    expect(new Set(told.map((r) => r.kind))).toEqual(new Set(['counterpart_overdue']));

    // the token: not in any mail, not in any table (outbox, in-app facts, the log itself)
    for (const mail of smtp.messages) expect(mail.raw).not.toContain(token);
    expect(await everyTableHolds(token)).toEqual([]);
    expect(await everyTableHolds(`/respond/`)).toEqual([]);

    // in the app: the head's list names the request, in their language
    const inbox = await call<{
      items: { kind: string; requestId?: string; followUpId: string | null; summary: string }[];
    }>(api.url, 'GET', '/v1/notifications', p.head.as);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        kind: 'counterpart_overdue',
        requestId: id,
        followUpId: null,
        summary: '회신 기한 경과(OpenAI): AI 악용 위협 지표 공유',
      }),
    ]);
    // the read policy at read: someone who may not see the request lists nothing of it
    const outsiderInbox = await call<{ items: unknown[] }>(
      api.url,
      'GET',
      '/v1/notifications',
      p.outsider.as,
    );
    expect(outsiderInbox.body.items).toEqual([]);

    const outbox = async () =>
      (
        await pool.query<{ person_id: string; channel: string; status: string; sent_at: Date }>(
          `SELECT person_id, channel, status, sent_at FROM notification_outbox
            WHERE event_id = $1 ORDER BY person_id`,
          [chased[0].eventId],
        )
      ).rows;
    const sentBefore = await outbox();

    // the timer again (a redelivered job, the sweep): no second reminder, so no second mail
    await commands.remind(id, dueAt, afterDue);
    // the same e-mail job again under another id (as if BullMQ had forgotten the first)
    const again = await rt.queue.queue.add(
      'send-email',
      { eventId: chased[0].eventId, personId: p.head.id },
      { jobId: `again-${randomUUID()}` },
    );
    await waitFor(async () => (await again.getState()) === 'completed', 10_000, 'the redelivery');
    // the log again from before the reminder: the relay finds its rows and queues nothing
    await rt.relay.stop();
    await pool.query(
      `UPDATE subscription_checkpoints SET transaction_id = $2::xid8, position = $3 WHERE name = $1`,
      [rt.subscriptionName, checkpoint.transaction_id, checkpoint.position],
    );
    await rt.relay.start();
    await caughtUp();
    await rt.sweep.sweep(new Date(Date.now() + 60_000));
    await settle();
    expect(mails('head')).toHaveLength(1);
    expect(mails('headEn')).toHaveLength(1);
    // the outbox's key (event, person, channel): the replay planned no row, touched none
    expect(await outbox()).toEqual(sentBefore);
    expect(sentBefore.map((r) => [r.channel, r.status]).sort()).toEqual([
      ['digest', 'pending'],
      ['email', 'sent'],
      ['email', 'sent'],
    ]);
    expect(worker.isRunning()).toBe(true);
  });

  it('a head who chose the digest finds it in the day’s digest, once', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    await rt.sweep.sweep(tomorrow);
    await waitFor(async () => mails('headDigest').length >= 1, 10_000, 'the digest');
    await rt.sweep.sweep(tomorrow);
    await settle();
    expect(mails('headDigest')).toHaveLength(1);
    expect(mails('headDigest')[0].subject).toMatch(/알림 요약 \(1건\)$/);
    expect(mails('headDigest')[0].text).toContain('회신 기한 경과(OpenAI): AI 악용 위협 지표 공유');
  });

  it('a bureau head’s own chase tells no one (their own act; the link came back to them)', async () => {
    const { id } = await sentRequest(inDays(3));
    const before = smtp.messages.length;
    const chase = await call(api.url, 'POST', `/v1/counterpart-requests/${id}/chase`, p.head.as, {
      dueAt: inDays(5),
    });
    expect(chase.status).toBe(200);
    await caughtUp();
    await settle();
    expect(smtp.messages.length).toBe(before);
  });
});
