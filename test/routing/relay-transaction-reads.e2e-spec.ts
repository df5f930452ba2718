import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { DirectoryCommands, PeopleReader, systemMeta } from '@liaison/directory';
import { EventStore } from '@liaison/event-store';
import { AgencyDirectory, DecisionRunner } from '@liaison/follow-up';
import {
  DigestSender,
  loadNotificationsConfig,
  NotificationPlanner,
  PreferencesStore,
  seoulDay,
  smtpTransport,
} from '@liaison/notifications';
import { loadConfig } from '@liaison/platform';
import { ContributionProcess } from '@liaison/routing';
import { startTestApi, TestApi } from '../support/api';
import { createWorkshop, inDays, msitHead } from '../support/fixtures';
import { call } from '../support/http';
import { startSmtpServer, TestSmtpServer } from '../support/smtp-server';

/**
 * The relay's transactions read through their own connection, never the pool: with a pool of
 * ONE connection, held by the transaction, each of them still finishes. A read through the pool
 * would wait for a second connection (here: fail after the pool's connect timeout; in
 * production, with every connection held by a relay or a projection, wait for ever).
 */
describe('relay transactions on a pool of one connection', () => {
  let api: TestApi;
  let one: Pool;
  let smtp: TestSmtpServer;
  let lead: string;

  beforeAll(async () => {
    api = await startTestApi();
    smtp = await startSmtpServer();
    // one connection; a second asked for fails after 2 s rather than hanging the spec
    one = new Pool({
      connectionString: loadConfig().databaseUrl,
      max: 1,
      connectionTimeoutMillis: 2_000,
    });
    // an officer of the assignee, for the planner to tell
    await api.app.get(DirectoryCommands).registerPerson(
      {
        login: `relay.${randomUUID().slice(0, 8)}`,
        displayName: { ko: '담당', en: 'Officer' },
        email: `relay.${randomUUID().slice(0, 8)}@liaison.invalid`,
        agency: 'KISA',
        roles: ['agency_officer'],
      },
      systemMeta('spec'),
    );
    const w = await createWorkshop(api.url);
    const assigned = await call<{ id: string }>(api.url, 'POST', '/v1/follow-ups', msitHead, {
      workshopId: w.workshopId,
      sourceId: w.actionId,
      assigneeAgency: 'KISA',
      title: 'Relay on a small pool',
      dueAt: inDays(14),
    });
    expect(assigned.status).toBe(201);
    lead = assigned.body.id;
    const asked = await call(api.url, 'POST', `/v1/follow-ups/${lead}/contributions`, msitHead, {
      agency: 'FSC',
      dueAt: inDays(7),
      instructions: "FSC's part",
    });
    expect(asked.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await one?.end();
    await smtp?.close();
    await api?.close();
  });

  /** Runs `work` in a transaction on the pool's only connection, and rolls it back. */
  async function inTheOnlyConnection<T>(work: (tx: PoolClient) => Promise<T>): Promise<T> {
    const tx = await one.connect();
    try {
      await tx.query('BEGIN');
      return await work(tx);
    } finally {
      await tx.query('ROLLBACK');
      tx.release();
    }
  }

  const eventsOf = (id: string) => new EventStore(one).readStream(`follow-up-${id}`);

  it('the notification planner plans an assignment', async () => {
    const config = loadNotificationsConfig({ SMTP_URL: smtp.url });
    const planner = new NotificationPlanner(
      new EventStore(one),
      new PeopleReader(one),
      new PreferencesStore(one),
      config,
    );
    const [assigned] = await eventsOf(lead);
    expect(assigned.type).toBe('FollowUpAssigned');
    const planned = await inTheOnlyConnection(async (tx) => {
      await planner.plan([assigned], tx);
      const { rows } = await tx.query('SELECT 1 FROM notifications WHERE event_id = $1', [
        assigned.eventId,
      ]);
      return rows.length;
    });
    expect(planned).toBeGreaterThanOrEqual(1); // KISA's officers are told
  });

  it('the contribution process opens the contribution task', async () => {
    const runner = new DecisionRunner(new EventStore(one), new AgencyDirectory(one));
    const process = new ContributionProcess(runner);
    const requested = (await eventsOf(lead)).filter(
      (e) => e.type === 'FollowUpContributionRequested',
    );
    expect(requested).toHaveLength(1);
    const recorded = await inTheOnlyConnection((tx) => process.handle(requested, tx));
    expect(recorded).toBeGreaterThanOrEqual(1);
  });

  it('the digest sender composes and sends a day', async () => {
    const login = `digest.${randomUUID().slice(0, 8)}`;
    const { personId } = await api.app.get(DirectoryCommands).registerPerson(
      {
        login,
        displayName: { ko: '요약', en: 'Digest' },
        email: `${login}@liaison.invalid`,
        agency: 'KISA',
        roles: ['agency_officer'],
      },
      systemMeta('spec'),
    );
    const day = seoulDay(new Date());
    await one.query(
      `INSERT INTO notification_outbox
         (event_id, person_id, channel, kind, email, language, subject, body, message_id, day)
       VALUES ($1, $2, 'digest', 'assignment', $3, 'ko', '새 과제', '본문', $4, $5)`,
      [randomUUID(), personId, `${login}@liaison.invalid`, `<${randomUUID()}@spec>`, day],
    );
    const config = loadNotificationsConfig({ SMTP_URL: smtp.url });
    const sender = new DigestSender(
      one,
      smtpTransport(config),
      new PeopleReader(one),
      new PreferencesStore(one),
      config,
    );
    expect(await sender.send(personId, day)).toBe('sent');
    expect(smtp.to(`${login}@liaison.invalid`)).toHaveLength(1);
  });
});
