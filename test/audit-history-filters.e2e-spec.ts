import { startTestApi, TestApi } from './support/api';
import { auditor, createWorkshop, inDays, kisaOfficer, msitHead } from './support/fixtures';
import { call } from './support/http';

interface Page {
  events: { streamId: string; type: string; version: number; metadata: { actor: string } }[];
  next: string;
}

/** GET /v1/audit/events with the history's filters: applied in Postgres, validated by name. */
describe('audit history filters (GET /v1/audit/events)', () => {
  let api: TestApi;
  let ids: string[];
  let between: string;

  // other specs' restricted tasks may fall in a filter's window: a page of them needs a reason
  const REASON = { 'x-audit-reason': 'audit history filters spec' };
  const history = (query: string) =>
    call<Page>(api.url, 'GET', `/v1/audit/events?limit=1000&${query}`, auditor, undefined, REASON);

  /** The readable log lags open transactions (other sessions'); wait for our last event. */
  async function untilReadable(stream: string, count: number) {
    for (let i = 0; i < 300; i++) {
      const res = await history(`stream=${stream}`);
      if (res.body.events.length >= count) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${stream} never became readable`);
  }

  beforeAll(async () => {
    api = await startTestApi();
    const w = await createWorkshop(api.url);
    ids = [];
    for (const title of ['필터 과제 하나', '필터 과제 둘']) {
      const { body } = await call<{ id: string }>(api.url, 'POST', '/v1/follow-ups', msitHead, {
        workshopId: w.workshopId,
        sourceId: w.actionId,
        assigneeAgency: 'KISA',
        title,
        dueAt: inDays(3),
      });
      ids.push(body.id);
    }
    await untilReadable(`follow-up-${ids[1]}`, 1);
    await new Promise((r) => setTimeout(r, 50));
    between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 50));
    const ack = await call(api.url, 'POST', `/v1/follow-ups/${ids[0]}/acknowledge`, kisaOfficer);
    expect(ack.status).toBe(200);
    await untilReadable(`follow-up-${ids[0]}`, 2);
  });
  afterAll(() => api.close());

  it('filters by stream, type, time and actor, together', async () => {
    const stream = await history(`stream=follow-up-${ids[0]}`);
    expect(stream.status).toBe(200);
    expect(stream.body.events.map((e) => e.type)).toEqual([
      'FollowUpAssigned',
      'FollowUpAcknowledged',
    ]);

    const acknowledged = await history(`type=FollowUpAcknowledged&from=${between}`);
    expect(acknowledged.body.events.map((e) => e.streamId)).toEqual([`follow-up-${ids[0]}`]);

    const before = await history(`stream=follow-up-${ids[0]}&to=${between}`);
    expect(before.body.events.map((e) => e.type)).toEqual(['FollowUpAssigned']);

    const officer = stream.body.events[1].metadata.actor;
    const byOfficer = await history(`actor=${encodeURIComponent(officer)}&from=${between}`);
    expect(byOfficer.body.events.map((e) => e.type)).toEqual(['FollowUpAcknowledged']);
    const nobody = await history(`actor=nobody-at-all&type=FollowUpAssigned`);
    expect(nobody.body.events).toEqual([]);
  });

  it('pages a filtered history with the cursor', async () => {
    const first = await call<Page>(
      api.url,
      'GET',
      `/v1/audit/events?limit=1&type=FollowUpAssigned&from=${encodeURIComponent(
        new Date(Date.parse(between) - 60_000).toISOString(),
      )}`,
      auditor,
      undefined,
      REASON,
    );
    expect(first.body.events).toHaveLength(1);
    const second = await history(
      `type=FollowUpAssigned&after=${first.body.next}&from=${encodeURIComponent(
        new Date(Date.parse(between) - 60_000).toISOString(),
      )}`,
    );
    expect(second.body.events.every((e) => e.type === 'FollowUpAssigned')).toBe(true);
    expect(second.body.events.map((e) => e.streamId)).not.toContain(first.body.events[0].streamId);
  });

  it('keeps the filters in the access log with the read', async () => {
    await history(`type=FollowUpAcknowledged&stream=follow-up-${ids[0]}`);
    const log = await call<{ entries: { action: string; target: string; params: object }[] }>(
      api.url,
      'GET',
      '/v1/audit/access-log?action=replay&limit=1',
      auditor,
    );
    expect(log.body.entries[0]).toMatchObject({
      action: 'replay',
      target: `follow-up-${ids[0]}`,
      params: { type: 'FollowUpAcknowledged' },
    });
  });

  it.each([
    ['type=follow up', 'type'],
    ['stream=%2Fetc%2Fpasswd', 'stream'],
    ['actor=a%20b', 'actor'],
    ['from=yesterday', 'from'],
    ['from=2026-11-18T10:00:00', 'from'],
    ['to=2026-02-30T00:00:00Z', 'to'],
    ['from=2026-11-19T00:00:00Z&to=2026-11-18T00:00:00Z', 'to'],
    ['from=0000-01-01T00:00:00Z', 'from'],
    ['to=%2B275760-09-13T00:00:00Z', 'to'],
    ['colour=red', 'colour'],
  ])('refuses %s: 400 naming %s', async (query, field) => {
    const res = await call<{ message: string; details?: { field: string }[] }>(
      api.url,
      'GET',
      `/v1/audit/events?${query}`,
      auditor,
    );
    expect(res.status).toBe(400);
    expect(res.body.details?.map((d) => d.field)).toContain(field);
  });

  it('is for auditors only', async () => {
    expect((await call(api.url, 'GET', '/v1/audit/events?type=X1', msitHead)).status).toBe(403);
  });
});
