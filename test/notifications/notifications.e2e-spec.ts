import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { Pool } from 'pg';
import { EventStore } from '@liaison/event-store';
import { startTestApi, TestApi, tokenFor } from '../support/api';
import { waitFor } from '../support/database';
import { admin, inDays } from '../support/fixtures';
import { call, Caller } from '../support/http';
import { startSmtpServer, TestSmtpServer } from '../support/smtp-server';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/throwaway-database';
import { NotificationsRuntime, startNotificationsRuntime } from './notifications-harness';

type Who = 'hb1' | 'hb2' | 'o1' | 'o2' | 'o3' | 'ah' | 'out' | 'x1';
interface Person {
  id: string;
  email: string;
  as: Caller;
}
interface Page {
  items: {
    id: string;
    kind: string;
    followUpId: string;
    title: string;
    summary: string;
    readAt: string | null;
  }[];
  unread: number;
}

/**
 * Notifications end to end: commands through the HTTP API, the timers' and comments' events
 * appended as their writers append them, the relay and the senders of the worker, and a real
 * SMTP server counting what arrives, on a database of the spec's own with three agencies
 * (host, assignee, other).
 */
describe('notifications', () => {
  let api: TestApi;
  let pool: Pool;
  let db: ThrowawayDatabase;
  let bury: (() => void) | undefined;
  const savedDatabaseUrl = process.env.TEST_DATABASE_URL;
  let store: EventStore;
  let smtp: TestSmtpServer;
  let rt: NotificationsRuntime;
  let worker: Worker;
  let startCheckpoint: { transaction_id: string; position: string };
  const tag = randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase();
  const HOST = `NH${tag}`;
  const ASG = `NA${tag}`;
  const OTH = `NO${tag}`;
  const p = {} as Record<Who, Person>;
  let workshopId: string;
  let actionId: string;

  const mails = (who: Who) => smtp.to(p[who].email);
  const inbox = async (who: Who) =>
    (await call<Page>(api.url, 'GET', '/v1/notifications', p[who].as)).body;
  const outboxOf = async (followUpId: string) =>
    (
      await pool.query<{ person_id: string; channel: string; kind: string; status: string }>(
        `SELECT o.person_id, o.channel, o.kind, o.status FROM notification_outbox o
           JOIN notifications n USING (event_id, person_id)
          WHERE n.follow_up_id = $1`,
        [followUpId],
      )
    ).rows;
  const whoIs = (id: string) => (Object.keys(p) as Who[]).find((w) => p[w].id === id);
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
  const order = (subject: string) =>
    ['Result returned', 'Due soon', 'Overdue'].findIndex((s) => subject.includes(s));
  const settle = () => new Promise((r) => setTimeout(r, 400));

  async function assign(body: Record<string, unknown> = {}): Promise<string> {
    const res = await call<{ id: string }>(api.url, 'POST', '/v1/follow-ups', p.hb1.as, {
      workshopId,
      sourceId: actionId,
      assigneeAgency: ASG,
      title: `보안 위협 정보 공유 체계 마련 ${randomUUID().slice(0, 4)}`,
      dueAt: inDays(10),
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }
  async function verb(who: Who, id: string, name: string, body: object = {}) {
    const res = await call(api.url, 'POST', `/v1/follow-ups/${id}/${name}`, p[who].as, body);
    expect([200, 201]).toContain(res.status);
  }
  /** The timers' and comments' facts, appended as their writers append them. */
  async function append(
    id: string,
    type: string,
    data: Record<string, unknown>,
    actor = 'system',
    agency?: string,
  ) {
    const role = actor === 'system' ? 'system' : 'bureau_head';
    await store.append(`follow-up-${id}`, [
      {
        type,
        data: { followUpId: id, ...data },
        metadata: { actor, role, agency, correlation_id: randomUUID() },
      },
    ]);
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // a database of the spec's own: the relay reads the whole log, and the shared test
    // database's log is busy with every other spec's tasks and people
    db = await createThrowawayDatabase('notify', 20);
    pool = db.pool;
    process.env.TEST_DATABASE_URL = db.url;
    store = new EventStore(pool);
    api = await startTestApi();
    for (const [code, name] of [
      [HOST, 'Host'],
      [ASG, 'Assignee'],
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
      ['hb1', HOST, 'bureau_head', '김국장', 'Kim Director'],
      ['hb2', HOST, 'bureau_head', '박국장', 'Park Director'],
      ['o1', ASG, 'agency_officer', '이담당', 'Lee Officer'],
      ['o2', ASG, 'agency_officer', '최담당', 'Choi Officer'],
      ['o3', ASG, 'agency_officer', '정담당', 'Jung Officer'],
      ['ah', ASG, 'bureau_head', '한국장', 'Han Director'],
      ['out', OTH, 'agency_officer', '오외부', 'Oh Outsider'],
      ['x1', OTH, 'agency_officer', '서담당', 'Seo Officer'],
    ];
    for (const [who, agency, role, ko, en] of people) {
      const login = `${who}.${tag.toLowerCase()}`;
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
    const ws = await call<{ id: string }>(api.url, 'POST', '/v1/workshops', p.hb1.as, {
      title: 'AI 보안 실무 협의',
      heldOn: '2026-11-18',
      hostAgency: HOST,
      counterparts: ['OPENAI'],
      attendingAgencies: [ASG, OTH],
      topics: ['AI models in cybersecurity'],
    });
    expect(ws.status).toBe(201);
    workshopId = ws.body.id;
    const action = await call<{ actionId: string }>(
      api.url,
      'POST',
      `/v1/workshops/${workshopId}/actions`,
      p.hb1.as,
      {
        description: 'Continue working-level discussions',
        ownerAgency: HOST,
      },
    );
    actionId = action.body.actionId;

    rt = await startNotificationsRuntime(pool, {
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Liaison <no-reply@liaison.test>',
      APP_URL: 'https://liaison.example.go.kr',
    });
    worker = rt.startWorker();
    startCheckpoint = (
      await pool.query(
        'SELECT transaction_id::text, position FROM subscription_checkpoints WHERE name = $1',
        [rt.subscriptionName],
      )
    ).rows[0];
  });

  afterAll(async () => {
    bury?.();
    await rt?.stop();
    await api?.close();
    await smtp?.close();
    await db?.drop();
    process.env.TEST_DATABASE_URL = savedDatabaseUrl;
  });

  it('keeps preferences per person: defaults, a partial change, and a 400 naming a bad field', async () => {
    const initial = await call<{
      language: string;
      kinds: Record<string, { enabled: boolean; email: string }>;
    }>(api.url, 'GET', '/v1/me/notification-preferences', p.o2.as);
    expect(initial.status).toBe(200);
    expect(initial.body.language).toBe('ko');
    expect(initial.body.kinds.assignment).toEqual({ enabled: true, email: 'immediate' });
    expect(initial.body.kinds.comment).toEqual({ enabled: true, email: 'digest' });

    const put = (who: Who, body: unknown) =>
      call<Record<string, unknown>>(
        api.url,
        'PUT',
        '/v1/me/notification-preferences',
        p[who].as,
        body,
      );
    expect((await put('o2', { language: 'en' })).status).toBe(200);
    expect((await put('o3', { kinds: { assignment: { enabled: false } } })).status).toBe(200);
    expect((await put('hb2', { kinds: { escalation: { email: 'digest' } } })).status).toBe(200);

    const bad = await put('o1', { kinds: { assignment: { email: 'weekly' } } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('kinds.assignment.email');
    expect((await put('o1', { language: 'fr' })).status).toBe(400);
    expect((await put('o1', { kinds: { gossip: {} } })).status).toBe(400);
    const unchanged = await call<{ language: string }>(
      api.url,
      'GET',
      '/v1/me/notification-preferences',
      p.o1.as,
    );
    expect(unchanged.body.language).toBe('ko');
    // an API key or a service token is not a person
    const service = await call(
      api.url,
      'GET',
      '/v1/notifications',
      tokenFor('agency_officer', ASG, 'svc'),
    );
    expect(service.status).toBe(403);
  });

  let taskId: string;

  it('tells the assignee agency’s officers of an assignment, each in their language, and no one else', async () => {
    taskId = await assign();
    await waitFor(
      async () => mails('o1').length >= 1 && mails('o2').length >= 1,
      10_000,
      'assignment mails',
    );
    await caughtUp();
    await settle();

    const rows = await outboxOf(taskId);
    expect(rows.map((r) => whoIs(r.person_id)).sort()).toEqual(['o1', 'o2']); // o3 turned assignments off
    const [ko] = mails('o1');
    expect(ko.subject).toMatch(/^\[Liaison\] 후속 조치 배정: 보안 위협 정보 공유 체계 마련/);
    expect(ko.text).toContain('이담당 님께');
    expect(ko.text).toContain('처리 기한');
    expect(ko.messageId).toMatch(/^<notify\.[0-9a-f-]{36}\.[0-9a-f-]{36}@liaison\.test>$/);
    const [en] = mails('o2');
    expect(en.subject).toMatch(/^\[Liaison\] New follow-up assigned: /);
    expect(en.text).toContain('Dear Choi Officer,');
    for (const who of ['o3', 'hb1', 'hb2', 'ah', 'out', 'x1'] as Who[])
      expect(mails(who)).toHaveLength(0);

    const list = await inbox('o1');
    expect(list.items).toEqual([
      expect.objectContaining({ kind: 'assignment', followUpId: taskId, readAt: null }),
    ]);
    expect(list.items[0].summary).toMatch(/^후속 조치 배정: /);
    expect((await inbox('o2')).items[0].summary).toMatch(/^New follow-up assigned: /);
    expect((await inbox('o3')).items).toHaveLength(0);
    expect((await inbox('ah')).items).toHaveLength(0);

    const read = await call(api.url, 'POST', `/v1/notifications/${list.items[0].id}/read`, p.o1.as);
    expect(read.status).toBe(204);
    expect((await inbox('o1')).unread).toBe(0);
    // someone else's notification is not found for another person
    expect(
      (await call(api.url, 'POST', `/v1/notifications/${list.items[0].id}/read`, p.out.as)).status,
    ).toBe(404);
  });

  it('a claim tells no one (one’s own act); a hand-over tells the new officer only', async () => {
    const before = smtp.messages.length;
    await verb('o1', taskId, 'claim');
    await caughtUp();
    await settle();
    expect(smtp.messages.length).toBe(before);

    await verb('o1', taskId, 'hand-over', { officerId: p.o2.id, reason: '업무 분장 조정' });
    await waitFor(async () => mails('o2').length >= 2, 10_000, 'the hand-over mail');
    await settle();
    expect(mails('o2')[1].subject).toMatch(/^\[Liaison\] You are now the officer: /);
    expect(mails('o2')[1].text).toContain('handed over by Lee Officer');
    expect(smtp.messages.length).toBe(before + 1);
  });

  it('a rejection, reminder and overdue reach the named officer only', async () => {
    await verb('o2', taskId, 'acknowledge');
    await verb('o2', taskId, 'start');
    await verb('o2', taskId, 'submit', { response: '초안 제출' });
    await verb('hb1', taskId, 'reject', { reason: '근거 자료 보완 필요' });
    await append(taskId, 'FollowUpReminderSent', { agency: ASG, dueAt: inDays(10) });
    await append(taskId, 'FollowUpOverdue', { agency: ASG, dueAt: inDays(10) });
    await waitFor(
      async () => mails('o2').length >= 5,
      10_000,
      'rejection, reminder, overdue mails',
    );
    await caughtUp();
    await settle();
    // sent side by side: in any order
    const subjects = mails('o2')
      .slice(2)
      .map((m) => m.subject)
      .sort((a, b) => order(a) - order(b));
    expect(subjects).toEqual([
      expect.stringMatching(/^\[Liaison\] Result returned: /),
      expect.stringMatching(/^\[Liaison\] Due soon: /),
      expect.stringMatching(/^\[Liaison\] Overdue: /),
    ]);
    expect(mails('o2')[2].text).toContain('근거 자료 보완 필요');
    expect(mails('o1')).toHaveLength(1);
    expect(mails('o3')).toHaveLength(0);
    expect(mails('hb1')).toHaveLength(0);
  });

  it('an escalation reaches the host’s bureau heads: at once, or in the day’s digest as chosen', async () => {
    await append(taskId, 'FollowUpEscalated', { toAgency: HOST, reason: '처리 기한 경과 후 1일' });
    await waitFor(async () => mails('hb1').length >= 1, 10_000, 'the escalation mail');
    await caughtUp();
    await settle();
    expect(mails('hb1')[0].subject).toMatch(/^\[Liaison\] 상급자 보고: /);
    expect(mails('hb2')).toHaveLength(0); // digest
    expect(mails('ah')).toHaveLength(0); // the assignee agency's head is not the host's
    expect((await inbox('hb2')).items.map((i) => i.kind)).toEqual(['escalation']);

    // the day ends in Seoul: one digest, however many sweeps run
    const tomorrow = new Date(Date.now() + 86_400_000);
    await rt.sweep.sweep(tomorrow);
    await waitFor(async () => mails('hb2').length >= 1, 10_000, 'the digest');
    await rt.sweep.sweep(tomorrow);
    await rt.sweep.sweep(new Date(tomorrow.getTime() + 60_000));
    await settle();
    expect(mails('hb2')).toHaveLength(1);
    expect(mails('hb2')[0].subject).toMatch(
      /^\[Liaison\] \d{4}\. \d{2}\. \d{2}\.\(.\) 알림 요약 \(1건\)$/,
    );
    expect(mails('hb2')[0].text).toContain('상급자 보고');
    expect(mails('hb2')[0].messageId).toMatch(
      /^<digest\.\d{4}-\d{2}-\d{2}\.[0-9a-f-]{36}@liaison\.test>$/,
    );
  });

  it('a comment tells the other side, a mention the people named — never one who may not see the task', async () => {
    const before = mails('o1').length;
    await append(
      taskId,
      'FollowUpCommented',
      {
        commentId: randomUUID(),
        body: '@이담당 @오외부 자료 확인 부탁드립니다.',
        mentions: [p.o1.id, p.out.id],
        side: 'bureau',
      },
      p.hb1.id,
      HOST,
    );
    await waitFor(async () => mails('o1').length > before, 10_000, 'the mention mail');
    await caughtUp();
    await settle();
    expect(mails('o1').at(-1)!.subject).toMatch(/^\[Liaison\] 의견에서 언급됨: /);
    expect(mails('o1').at(-1)!.text).toContain('김국장 님이');
    // the outsider (another agency's officer) may not see the task: nothing at all, anywhere
    expect(mails('out')).toHaveLength(0);
    expect((await inbox('out')).items).toHaveLength(0);
    const anything = await pool.query('SELECT 1 FROM notifications WHERE person_id = $1', [
      p.out.id,
    ]);
    expect(anything.rowCount).toBe(0);
    // the officer (other side) is told of the comment in the app, by e-mail in the digest
    expect((await inbox('o2')).items[0].kind).toBe('comment');
    const o2Rows = (await outboxOf(taskId)).filter(
      (r) => whoIs(r.person_id) === 'o2' && r.kind === 'comment',
    );
    expect(o2Rows).toEqual([expect.objectContaining({ channel: 'digest' })]);
    // the author is not told of their own comment
    expect((await inbox('hb1')).items.map((i) => i.kind)).not.toContain('comment');
  });

  it('a redelivered job or a replayed event sends no second e-mail', async () => {
    await caughtUp();
    const count = smtp.messages.length;
    const notified = Number((await pool.query('SELECT count(*) FROM notifications')).rows[0].count);
    // the same e-mail job again, under another id (as if BullMQ had forgotten the first)
    const [row] = (
      await pool.query<{ event_id: string; person_id: string }>(
        `SELECT event_id, person_id FROM notification_outbox WHERE person_id = $1 AND status = 'sent' LIMIT 1`,
        [p.o1.id],
      )
    ).rows;
    const again = await rt.queue.queue.add(
      'send-email',
      { eventId: row.event_id, personId: row.person_id },
      { jobId: `again-${randomUUID()}` },
    );
    await rt.queue.addEmails([{ eventId: row.event_id, personId: row.person_id }]); // same id: dropped
    await waitFor(
      async () => (await again.getState()) === 'completed',
      10_000,
      'the redelivered job',
    );

    // the whole spec's log again, from where the relay began
    await rt.relay.stop();
    await pool.query(
      `UPDATE subscription_checkpoints SET transaction_id = $2::xid8, position = $3 WHERE name = $1`,
      [rt.subscriptionName, startCheckpoint.transaction_id, startCheckpoint.position],
    );
    await rt.relay.start();
    await caughtUp();
    await rt.sweep.sweep(new Date(Date.now() + 60_000));
    await settle();
    expect(smtp.messages.length).toBe(count);
    expect(Number((await pool.query('SELECT count(*) FROM notifications')).rows[0].count)).toBe(
      notified,
    );
  });

  it('a sender killed after it marked the e-mail sending loses nothing and sends once', async () => {
    await worker.close();
    let claimed: string | undefined;
    const doomed = rt.startWorker({
      afterClaim: async (key) => {
        claimed = key;
        // dies here: never reaches SMTP (released, failing, only when the spec ends)
        await new Promise((_, reject) => {
          bury = () => reject(new Error('the dead sender is buried'));
        });
      },
    });
    const id = await assign({ officerId: p.o1.id });
    await waitFor(async () => claimed, 10_000, 'the doomed sender to claim');
    const status = await pool.query(
      `SELECT o.status FROM notification_outbox o JOIN notifications n USING (event_id, person_id)
        WHERE n.follow_up_id = $1`,
      [id],
    );
    expect(status.rows).toEqual([{ status: 'sending' }]);
    const before = mails('o1').length;
    await doomed.close(true); // the process is gone; its job's lock runs out

    worker = rt.startWorker();
    await waitFor(async () => mails('o1').length > before, 15_000, 'the e-mail after the crash');
    await new Promise((r) => setTimeout(r, 1500)); // past another lock: nothing more comes
    const forTask = mails('o1').filter((m) => m.subject.includes('후속 조치 배정'));
    expect(new Set(forTask.map((m) => m.messageId)).size).toBe(forTask.length);
    expect(mails('o1').length).toBe(before + 1);
  });

  it('dying after SMTP accepted, before the sent mark, repeats the e-mail with the same Message-ID (the at-least-once window)', async () => {
    await worker.close();
    let crashes = 0;
    worker = rt.startWorker({
      afterSmtp: async () => {
        if (crashes++ === 0) throw new Error('killed after SMTP accepted');
      },
    });
    const before = mails('o1').length;
    await assign({ officerId: p.o1.id });
    await waitFor(async () => mails('o1').length >= before + 2, 10_000, 'the repeated e-mail');
    const [first, second] = mails('o1').slice(before);
    expect(second.messageId).toBe(first.messageId);
    expect(second.subject).toBe(first.subject);
    await worker.close();
    worker = rt.startWorker();
  });

  it('after a reassignment the former agency is told nothing more and no longer lists the task', async () => {
    const id = await assign();
    await waitFor(
      async () => {
        const rows = await outboxOf(id);
        return rows.length === 2 && rows.every((r) => r.status === 'sent');
      },
      10_000,
      'the assignment mails',
    );
    const before = { o1: mails('o1').length, o2: mails('o2').length };
    await verb('hb1', id, 'reassign', { assigneeAgency: OTH, reason: '소관 기관 변경' });
    await append(id, 'FollowUpReminderSent', { agency: OTH, dueAt: inDays(10) });
    await waitFor(async () => mails('x1').length >= 2, 10_000, 'the new agency’s mails');
    await caughtUp();
    await settle();
    // Two senders may deliver them in either order: compared as a set (sorted by subject).
    expect(
      mails('x1')
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      expect.stringMatching(/^\[Liaison\] 기한 임박 알림: /),
      expect.stringMatching(/^\[Liaison\] 후속 조치 배정: /),
    ]);
    const assignment = mails('x1').find((m) => m.subject.startsWith('[Liaison] 후속 조치 배정: '));
    expect(assignment?.text).toContain('재배정');
    expect(mails('o1')).toHaveLength(before.o1);
    expect(mails('o2')).toHaveLength(before.o2);
    expect((await inbox('o1')).items.map((i) => i.followUpId)).not.toContain(id);
    expect((await inbox('o2')).items.map((i) => i.followUpId)).not.toContain(id);
  });

  it('an e-mail about a restricted or confidential task says only that there is one, with a link: no title, no content (classification)', async () => {
    const secret = `기밀제목${randomUUID().slice(0, 6)}`;
    const before = { o1: mails('o1').length, o2: mails('o2').length };
    const restricted = await assign({
      title: `${secret} restricted`,
      instructions: `${secret} 지시 내용`,
      classification: { level: 'restricted', agencies: [ASG] },
    });
    // confidential to o1 alone: o2, of the same agency, is not told at all
    const confidential = await assign({
      title: `${secret} confidential`,
      instructions: `${secret} 지시 내용`,
      classification: { level: 'confidential', people: [p.o1.id] },
    });
    await waitFor(
      async () => mails('o1').length >= before.o1 + 2 && mails('o2').length >= before.o2 + 1,
      10_000,
      'the classified assignment mails',
    );
    await caughtUp();
    await settle();
    const o1 = mails('o1').slice(before.o1);
    const o2 = mails('o2').slice(before.o2);
    expect(o1).toHaveLength(2);
    expect(o2).toHaveLength(1);
    for (const mail of [...o1, ...o2]) {
      expect(mail.subject).not.toContain(secret);
      expect(mail.text).not.toContain(secret);
    }
    expect(o1.map((m) => m.subject).sort()).toEqual([
      expect.stringContaining('(비공개 과제)'),
      expect.stringContaining('(제한 과제)'),
    ]);
    expect(o2[0].subject).toMatch(/\((restricted task|제한 과제)\)/); // o2 reads English
    // the link to the task, where sign-in and the read policy decide
    const link = (id: string) => `https://liaison.example.go.kr/follow-ups/${id}`;
    expect(o1.some((m) => m.text.includes(link(restricted)))).toBe(true);
    expect(o1.some((m) => m.text.includes(link(confidential)))).toBe(true);
    expect(o2[0].text).toContain(link(restricted));
  });

  it('without SMTP_URL: the in-app list only, no e-mail planned or sent', async () => {
    await rt.relay.stop(); // this spec's relay with SMTP stands aside
    const inAppOnly = await startNotificationsRuntime(pool, { SMTP_URL: undefined });
    try {
      expect(inAppOnly.config.smtpUrl).toBeUndefined();
      const before = smtp.messages.length;
      const id = await assign({ officerId: p.o1.id });
      await waitFor(
        async () => (await inbox('o1')).items.some((i) => i.followUpId === id),
        10_000,
        'the in-app notification',
      );
      await settle();
      expect(await outboxOf(id)).toEqual([]);
      expect(smtp.messages.length).toBe(before);
    } finally {
      await inAppOnly.stop();
      await rt.relay.start();
    }
  });
});
