import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { startProjections, startTestApi, TestApi, tokenFor } from './support/api';
import { testPool } from './support/database';
import {
  admin,
  auditor,
  createWorkshop,
  inDays,
  msitHead,
  WorkshopFixture,
} from './support/fixtures';
import { call, Caller } from './support/http';

interface InboxPage {
  items: {
    followUpId: string;
    officerId: string | null;
    officerName?: { ko: string; en: string };
    overdue: boolean;
  }[];
  nextCursor: string | null;
}
interface HistoryEntry {
  type: string;
  data: Record<string, unknown>;
  actor: { id: string; role: string; agency?: string };
  onBehalfOf?: string;
  recordedAt: string;
}
interface AuditEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
}

/**
 * Named officers (담당자) and delegation (대결) through HTTP, with real people registered in the
 * directory: assign with an officer, claim, hand over, who may work a claimed task, the inbox's
 * scopes, an acting colleague's command recording both people, and the timeline.
 */
describe('named officers and delegation', () => {
  let api: TestApi;
  let pool: Pool;
  let stopProjections: () => Promise<void>;
  let w: WorkshopFixture;
  const suffix = randomUUID().slice(0, 8);
  const people: Record<'kim' | 'lee' | 'choi', { id: string; as: Caller }> = {} as never;

  const officerCaller = (id: string, agency: string): Caller => ({
    role: 'agency_officer',
    agency,
    token: tokenFor('agency_officer', agency, id),
  });

  async function register(login: string, agency: string, ko: string, en: string) {
    const res = await call<{ id: string }>(api.url, 'POST', '/v1/people', admin, {
      login: `${login}.${suffix}`,
      displayName: { ko, en },
      email: `${login}.${suffix}@example.go.kr`,
      agency,
      roles: ['agency_officer'],
    });
    expect(res.status).toBe(201);
    return { id: res.body.id, as: officerCaller(res.body.id, agency) };
  }

  async function assign(body: Record<string, unknown> = {}) {
    return call<{ id: string; version: number; position: number }>(
      api.url,
      'POST',
      '/v1/follow-ups',
      msitHead,
      {
        workshopId: w.workshopId,
        sourceId: w.actionId,
        assigneeAgency: 'KISA',
        title: `Officers ${randomUUID().slice(0, 6)}`,
        dueAt: inDays(7),
        ...body,
      },
    );
  }
  const verb = (who: Caller, id: string, name: string, body: object = {}, headers = {}) =>
    call<{ version: number; position: number } & Record<string, unknown>>(
      api.url,
      'POST',
      `/v1/follow-ups/${id}/${name}`,
      who,
      body,
      headers,
    );
  const task = async (id: string, who: Caller = msitHead) =>
    (
      await call<{ officerId?: string; status: string }>(
        api.url,
        'GET',
        `/v1/follow-ups/${id}`,
        who,
      )
    ).body;
  /** Every page (the test database holds every spec's KISA tasks), as one. */
  const inbox = async (who: Caller, scope: string, minPosition: number, headers = {}) => {
    const items: InboxPage['items'] = [];
    let cursor: string | null = '';
    let status = 0;
    while (cursor !== null) {
      const res: { status: number; body: InboxPage } = await call<InboxPage>(
        api.url,
        'GET',
        `/v1/agencies/KISA/inbox?scope=${scope}&minPosition=${minPosition}&limit=200` +
          (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''),
        who,
        undefined,
        headers,
      );
      status = res.status;
      if (status !== 200) return { status, body: { ...res.body, items } };
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    }
    return { status, body: { items, nextCursor: null } };
  };

  beforeAll(async () => {
    api = await startTestApi();
    pool = testPool(6);
    stopProjections = await startProjections(pool);
    w = await createWorkshop(api.url);
    people.kim = await register('kim', 'KISA', '김담당', 'Kim Damdang');
    people.lee = await register('lee', 'KISA', '이동료', 'Lee Colleague');
    people.choi = await register('choi', 'NIS', '최타기관', 'Choi Other');
  });
  afterAll(async () => {
    await stopProjections();
    await api.close();
    await pool.end();
  });

  it('a bureau head assigns with an officer; an officer of another agency or nobody is refused', async () => {
    const res = await assign({ officerId: people.kim.id });
    expect(res.status).toBe(201);
    expect((await task(res.body.id)).officerId).toBe(people.kim.id);

    const wrongAgency = await assign({ officerId: people.choi.id });
    expect(wrongAgency.status).toBe(422);
    expect(JSON.stringify(wrongAgency.body)).toContain('officerId');
    expect(JSON.stringify(wrongAgency.body)).toContain('is not an officer of KISA');

    const unknown = await assign({ officerId: randomUUID() });
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body)).toContain('officerId');

    const notAnId = await assign({ officerId: 'kim' });
    expect(notAnId.status).toBe(400);
    expect(JSON.stringify(notAnId.body)).toContain('officerId');
  });

  it('claim takes an unclaimed task (409 once claimed); hand-over passes it within the agency', async () => {
    const { id } = (await assign()).body;
    expect((await verb(people.lee.as, id, 'claim')).status).toBe(200);
    const again = await verb(people.kim.as, id, 'claim');
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('claimed');

    // Not to another agency's officer, and not by a colleague who is not the officer.
    const toNis = await verb(people.lee.as, id, 'hand-over', { officerId: people.choi.id });
    expect(toNis.status).toBe(422);
    expect(JSON.stringify(toNis.body)).toContain('officerId');
    const byColleague = await verb(people.kim.as, id, 'hand-over', { officerId: people.kim.id });
    expect(byColleague.status).toBe(403);

    const handed = await verb(people.lee.as, id, 'hand-over', {
      officerId: people.kim.id,
      reason: 'On leave from Monday',
    });
    expect(handed.status).toBe(200);
    expect((await task(id)).officerId).toBe(people.kim.id);

    // The task is Kim's now: Lee may no longer work it, Kim may.
    expect((await verb(people.lee.as, id, 'acknowledge')).status).toBe(403);
    expect((await verb(people.kim.as, id, 'acknowledge')).status).toBe(200);

    // The timeline: both facts, who and when.
    const stream = await call<{ events: AuditEvent[] } | AuditEvent[]>(
      api.url,
      'GET',
      `/v1/audit/streams/follow-up-${id}`,
      auditor,
    );
    expect(stream.status).toBe(200);
    const events = Array.isArray(stream.body) ? stream.body : stream.body.events;
    const claimed = events.find((e) => e.type === 'FollowUpClaimed');
    const handedOver = events.find((e) => e.type === 'FollowUpHandedOver');
    expect(claimed?.data).toMatchObject({ officerId: people.lee.id, agency: 'KISA' });
    expect(claimed?.metadata).toMatchObject({ actor: people.lee.id, role: 'agency_officer' });
    expect(handedOver?.data).toMatchObject({
      fromOfficerId: people.lee.id,
      officerId: people.kim.id,
      reason: 'On leave from Monday',
    });
    expect(handedOver?.metadata.actor).toBe(people.lee.id);
    expect(Date.parse(handedOver?.recordedAt ?? '')).not.toBeNaN();

    // The same timeline for the people at work, scoped like the task.
    const history = await call<{
      items: HistoryEntry[];
      people: Record<string, { ko: string; en: string }>;
    }>(api.url, 'GET', `/v1/follow-ups/${id}/history`, people.kim.as);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e) => e.type)).toEqual([
      'FollowUpAssigned',
      'FollowUpClaimed',
      'FollowUpHandedOver',
      'FollowUpAcknowledged',
    ]);
    expect(history.body.items[2]).toMatchObject({
      actor: { id: people.lee.id, role: 'agency_officer', agency: 'KISA' },
      data: { fromOfficerId: people.lee.id, officerId: people.kim.id },
    });
    expect(history.body.people[people.lee.id]).toEqual({ ko: '이동료', en: 'Lee Colleague' });
    expect(history.body.people[people.kim.id]).toEqual({ ko: '김담당', en: 'Kim Damdang' });
    const now = await call<{ officerName?: object }>(
      api.url,
      'GET',
      `/v1/follow-ups/${id}`,
      people.kim.as,
    );
    expect(now.body.officerName).toEqual({ ko: '김담당', en: 'Kim Damdang' });
    const byNis = await call(api.url, 'GET', `/v1/follow-ups/${id}/history`, people.choi.as);
    expect(byNis.status).toBe(404);
  });

  it('the inbox: mine is the caller’s own tasks, unclaimed the pool, agency all, with names', async () => {
    const kims = await assign({ officerId: people.kim.id, dueAt: inDays(2) });
    const pool = await assign({ dueAt: inDays(3) });
    const at = Math.max(kims.body.position, pool.body.position);

    const mine = await inbox(people.kim.as, 'mine', at);
    expect(mine.status).toBe(200);
    const mineIds = mine.body.items.map((i) => i.followUpId);
    expect(mineIds).toContain(kims.body.id);
    expect(mineIds).not.toContain(pool.body.id);
    expect(mine.body.items.every((i) => i.officerId === people.kim.id)).toBe(true);
    expect(mine.body.items.find((i) => i.followUpId === kims.body.id)?.officerName).toEqual({
      ko: '김담당',
      en: 'Kim Damdang',
    });

    const leesMine = (await inbox(people.lee.as, 'mine', at)).body.items.map((i) => i.followUpId);
    expect(leesMine).not.toContain(kims.body.id);

    const unclaimed = (await inbox(people.kim.as, 'unclaimed', at)).body.items;
    expect(unclaimed.map((i) => i.followUpId)).toContain(pool.body.id);
    expect(unclaimed.every((i) => i.officerId === null)).toBe(true);

    const agency = (await inbox(people.kim.as, 'agency', at)).body.items.map((i) => i.followUpId);
    expect(agency).toEqual(expect.arrayContaining([kims.body.id, pool.body.id]));

    const bad = await inbox(people.kim.as, 'team', at);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('scope');
  });

  it('an acting colleague (대결) works the absent officer’s task, recording both; not after it ends', async () => {
    const { id } = (await assign({ officerId: people.kim.id })).body;
    const granted = await call<{ id: string }>(api.url, 'POST', '/v1/delegations', people.kim.as, {
      toPersonId: people.lee.id,
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: inDays(5),
      reason: '해외 출장',
    });
    expect(granted.status).toBe(201);
    const forKim = { 'x-on-behalf-of': people.kim.id };

    // Without the header Lee may not; with it, Lee acts for Kim.
    expect((await verb(people.lee.as, id, 'acknowledge')).status).toBe(403);
    const acted = await verb(people.lee.as, id, 'acknowledge', {}, forKim);
    expect(acted.status).toBe(200);
    const mine = await inbox(people.lee.as, 'mine', acted.body.position, forKim);
    expect(mine.body.items.map((i) => i.followUpId)).toContain(id);

    const stream = await call<{ events: AuditEvent[] } | AuditEvent[]>(
      api.url,
      'GET',
      `/v1/audit/streams/follow-up-${id}`,
      auditor,
    );
    const events = Array.isArray(stream.body) ? stream.body : stream.body.events;
    const ack = events.find((e) => e.type === 'FollowUpAcknowledged');
    expect(ack?.metadata).toMatchObject({
      actor: people.lee.id,
      on_behalf_of: people.kim.id,
      agency: 'KISA',
    });
    const history = await call<{ items: HistoryEntry[] }>(
      api.url,
      'GET',
      `/v1/follow-ups/${id}/history`,
      people.kim.as,
    );
    expect(history.body.items.find((e) => e.type === 'FollowUpAcknowledged')).toMatchObject({
      actor: { id: people.lee.id },
      onBehalfOf: people.kim.id,
    });
    // Everything else written before delegations existed carries no on_behalf_of key at all.
    expect(events.find((e) => e.type === 'FollowUpAssigned')?.metadata).not.toHaveProperty(
      'on_behalf_of',
    );

    const ended = await call(
      api.url,
      'DELETE',
      `/v1/delegations/${granted.body.id}`,
      people.kim.as,
    );
    expect(ended.status).toBe(200);
    const after = await verb(people.lee.as, id, 'start', {}, forKim);
    expect(after.status).toBe(403);
    expect(JSON.stringify(after.body).toLowerCase()).toContain('x-on-behalf-of');
  });

  it('a reassignment clears the officer unless it names the new agency’s', async () => {
    const { id } = (await assign({ officerId: people.kim.id })).body;
    expect((await verb(people.kim.as, id, 'decline', { reason: 'NIS owns this' })).status).toBe(
      200,
    );
    const refused = await verb(msitHead, id, 'reassign', {
      assigneeAgency: 'NIS',
      reason: 'Remit',
      officerId: people.lee.id,
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('officerId');
    const moved = await verb(msitHead, id, 'reassign', { assigneeAgency: 'NIS', reason: 'Remit' });
    expect(moved.status).toBe(200);
    expect((await task(id)).officerId).toBeUndefined();
    const named = await assign({ officerId: people.kim.id });
    const toChoi = await verb(msitHead, named.body.id, 'reassign', {
      assigneeAgency: 'NIS',
      reason: 'Remit',
      officerId: people.choi.id,
    });
    expect(toChoi.status).toBe(200);
    expect((await task(named.body.id)).officerId).toBe(people.choi.id);
  });
});
