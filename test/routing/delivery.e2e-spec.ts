/** Delivery to agencies (webhook or inbox), dead letters and the admin routes, end to end. */
import { verifyWebhook } from '@liaison/routing';
import {
  assign,
  holdWorkshop,
  ScenarioWorkshop,
} from '../../libs/routing/src/testing/routing-scenario';
import { TestApi } from '../support/api';
import { waitFor } from '../support/database';
import { call, caller } from '../support/http';
import {
  cleanUpRoutingEnv,
  eventCounts,
  eventTypes,
  prepareRoutingEnv,
  RoutingApp,
  RoutingTestEnv,
  startRoutingApi,
  startRoutingApp,
} from '../support/routing-harness';
import { WebhookReceiver } from '../support/webhook-receiver';

const admin = caller('admin');
const msitHead = caller('bureau_head', 'MSIT');
const SECRET = 'kisa-webhook-secret-0123456789';

describe('delivery to agencies', () => {
  let env: RoutingTestEnv;
  let worker: RoutingApp;
  let api: TestApi;
  let receiver: WebhookReceiver;
  let workshop: ScenarioWorkshop;

  beforeAll(async () => {
    env = await prepareRoutingEnv('delivery', { routingEnv: { DELIVERY_ATTEMPTS: '4' } });
    receiver = new WebhookReceiver();
    await receiver.start();
    worker = await startRoutingApp(env);
    api = await startRoutingApi(env);
    workshop = await holdWorkshop(worker.bus);
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await receiver?.stop();
    if (env) await cleanUpRoutingEnv(env);
  });

  const setWebhook = (agency: string, path: string, secret = SECRET) =>
    call(api.url, 'POST', `/v1/admin/agencies/${agency}/webhook`, admin, {
      url: `${receiver.url}${path}`,
      secret,
    });
  const eventsOf = (id: string) => worker.store.readStream(`follow-up-${id}`);
  const has = (id: string, type: string) => async () =>
    (await eventTypes(worker.store, id)).includes(type);

  it('a receiver that fails three times then succeeds: delivered once, signed, recorded once', async () => {
    receiver.on('/kisa', (n) => (n <= 3 ? 500 : 200));
    expect((await setWebhook('KISA', '/kisa')).status).toBe(200);

    const { id } = await assign(worker.bus, workshop, 'KISA');
    await waitFor(has(id, 'FollowUpDelivered'), 10_000, 'FollowUpDelivered');
    await new Promise((r) => setTimeout(r, 300)); // room for a duplicate to show up, were there one

    const requests = receiver.to('/kisa');
    expect(requests.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    for (const r of requests) {
      const ts = String(r.headers['x-liaison-timestamp']);
      const signature = String(r.headers['x-liaison-signature']);
      expect(verifyWebhook(SECRET, ts, r.body, signature)).toBe(true);
      expect(JSON.parse(r.body)).toMatchObject({
        agency: 'KISA',
        task: { followUpId: id, title: expect.any(String) },
      });
    }
    expect(new Set(requests.map((r) => r.headers['x-liaison-delivery'])).size).toBe(1);
    expect((await eventCounts(worker.pool, 'FollowUpDelivered', [id])).get(id)).toBe(1);
    const delivered = (await eventsOf(id)).find((e) => e.type === 'FollowUpDelivered');
    expect(delivered?.data).toEqual({
      followUpId: id,
      agency: 'KISA',
      channel: 'webhook',
      attempts: 4,
    });
  });

  it('a receiver that always fails: a dead letter, the failure escalated, and an admin retry', async () => {
    let healthy = false;
    receiver.on('/aisi', () => (healthy ? 200 : 503));
    await setWebhook('AISI', '/aisi', 'aisi-webhook-secret-0123456789');

    const { id } = await assign(worker.bus, workshop, 'AISI');
    await waitFor(has(id, 'FollowUpEscalated'), 10_000, 'the escalation');
    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual([
      'FollowUpAssigned',
      'FollowUpRouted',
      'FollowUpRoutingFailed',
      'FollowUpEscalated',
    ]);
    const reason = 'webhook delivery to AISI failed after 4 attempts: webhook answered 503';
    expect(events[2].data).toEqual({ followUpId: id, agency: 'AISI', reason });
    expect(events[3].data).toEqual({
      followUpId: id,
      toAgency: 'MSIT',
      reason: `Routing to AISI failed: ${reason}`,
    });
    expect(receiver.to('/aisi')).toHaveLength(4);

    const list = await waitFor(async () => {
      const res = await call<{ items: { id: string; followUpId: string }[] }>(
        api.url,
        'GET',
        '/v1/admin/dead-letters?waiting=true',
        admin,
      );
      return res.body.items.some((l) => l.followUpId === id) ? res : undefined;
    });
    const letter = list.body.items.find((l) => l.followUpId === id);
    expect(letter).toMatchObject({ queue: 'agency-AISI', agency: 'AISI', attempts: 4, reason });
    expect(JSON.stringify(list.body)).not.toContain('aisi-webhook-secret');
    expect((await call(api.url, 'GET', '/v1/admin/dead-letters', msitHead)).status).toBe(403);
    const unknown = `/v1/admin/dead-letters/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/retry`;
    expect((await call(api.url, 'POST', unknown, admin)).status).toBe(404);

    healthy = true;
    const retry = await call(api.url, 'POST', `/v1/admin/dead-letters/${letter?.id}/retry`, admin);
    expect(retry.status).toBe(202);
    expect(retry.body).toMatchObject({ id: letter?.id, retryCount: 1 });
    await waitFor(has(id, 'FollowUpDelivered'), 10_000, 'delivery after the retry');
    const after = await call<{ items: { id: string }[] }>(
      api.url,
      'GET',
      '/v1/admin/dead-letters?waiting=true',
      admin,
    );
    expect(after.body.items.map((l) => l.id)).not.toContain(letter?.id);
  });

  it('an agency without a webhook finds the task in its inbox', async () => {
    const { id } = await assign(worker.bus, workshop, 'NIS');
    await waitFor(has(id, 'FollowUpDelivered'), 5000, 'FollowUpDelivered');
    const delivered = (await eventsOf(id)).find((e) => e.type === 'FollowUpDelivered');
    expect(delivered?.data).toEqual({
      followUpId: id,
      agency: 'NIS',
      channel: 'inbox',
      attempts: 1,
    });
  });

  it('webhook settings: admins only, and the secret is write-only', async () => {
    const path = '/v1/admin/agencies/FSI/webhook';
    const secret = 'fsi-webhook-secret-0123456789';
    const body = { url: `${receiver.url}/fsi`, secret };
    expect((await call(api.url, 'POST', path, msitHead, body)).status).toBe(403);
    expect((await call(api.url, 'POST', path, undefined, body)).status).toBe(401);

    const saved = await call(api.url, 'POST', path, admin, body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      agency: 'FSI',
      url: body.url,
      active: true,
      secretSet: true,
    });
    const read = await call(api.url, 'GET', path, admin);
    expect(read.body).toEqual(saved.body);
    for (const res of [saved, read]) {
      expect(res.body).not.toHaveProperty('secret');
      expect(JSON.stringify(res.body)).not.toContain(secret);
    }

    expect((await call(api.url, 'POST', path, admin, { ...body, secret: 'short' })).status).toBe(
      400,
    );
    expect((await call(api.url, 'POST', path, admin, { ...body, url: 'ftp://x' })).status).toBe(
      400,
    );
    expect((await call(api.url, 'GET', '/v1/admin/agencies/NOPE/webhook', admin)).status).toBe(404);
    expect(
      (await call(api.url, 'POST', '/v1/admin/agencies/OPENAI/webhook', admin, body)).status,
    ).toBe(422);
    expect((await call(api.url, 'DELETE', path, admin)).status).toBe(204);
    expect((await call(api.url, 'GET', path, admin)).status).toBe(404);
  });

  it('/admin/queues is the queue dashboard, for admins only', async () => {
    const get = (who?: string, headers: Record<string, string> = {}) =>
      fetch(`${api.url}/admin/queues`, {
        headers: { ...(who && { authorization: `Bearer ${who}` }), ...headers },
      });
    expect((await get()).status).toBe(401);
    expect((await get(msitHead.token)).status).toBe(403);
    const page = await get(admin.token);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');

    const queues = await fetch(`${api.url}/admin/queues/api/queues`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const names = ((await queues.json()) as { queues: { name: string }[] }).queues.map(
      (q) => q.name,
    );
    expect(names).toEqual(expect.arrayContaining(['timers', 'agency-KISA']));

    const session = await fetch(`${api.url}/admin/queues/session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(session.status).toBe(204);
    const cookie = String(session.headers.get('set-cookie')).split(';')[0];
    expect(cookie).toMatch(/^liaison_dashboard=/);
    expect((await get(undefined, { cookie })).status).toBe(200);
  });

  it('/metrics shows queue depth, failures, dead letters and relay lag', async () => {
    const res = await fetch(`${api.url}/metrics`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const text = await res.text();
    expect(text).toMatch(/liaison_queue_jobs\{queue="agency-KISA",state="completed"\} [1-9]/);
    expect(text).toMatch(/liaison_queue_jobs\{queue="timers",state="failed"\} \d+/);
    expect(text).toMatch(/liaison_dead_letters\{status="retried"\} [1-9]/);
    expect(text).toMatch(/liaison_relay_lag_events \d+/);
    expect(text).toMatch(/liaison_relay_lag_seconds [\d.]+/);
  });
});
