/**
 * Joint tasks (주관/협조) end to end: the API, and the worker's relay (router and contribution
 * process) with the agency workers, on the real Postgres and Redis. FSC leads, FSI and KISA
 * are asked for contributions by MSIT's bureau head (the workshop's host).
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { ContributionProcess, agencyQueue, RoutingRelay, TIMER_QUEUE } from '@liaison/routing';
import { checkProjection, followUpBoardProjection } from '@liaison/views';
import { startProjections, TestApi } from '../support/api';
import { waitFor } from '../support/database';
import { call, caller } from '../support/http';
import {
  cleanUpRoutingEnv,
  eventCounts,
  prepareRoutingEnv,
  RoutingApp,
  RoutingTestEnv,
  startRoutingApi,
  startRoutingApp,
} from '../support/routing-harness';

const msitHead = caller('bureau_head', 'MSIT');
const fscOfficer = caller('agency_officer', 'FSC');
const fsiOfficer = caller('agency_officer', 'FSI');
const nisOfficer = caller('agency_officer', 'NIS');

interface Contribution {
  contributionId: string;
  agency: string;
  status: string;
  response?: string;
}
interface Task {
  id: string;
  status: string;
  kind?: string;
  leadFollowUpId?: string;
  contributions?: Contribution[];
}

describe('joint tasks (주관/협조)', () => {
  let env: RoutingTestEnv;
  let worker: RoutingApp;
  let api: TestApi;
  let stopProjections: (() => Promise<void>) | undefined;
  let workshopId: string;
  let actionId: string;

  beforeAll(async () => {
    env = await prepareRoutingEnv('joint');
    worker = await startRoutingApp(env);
    api = await startRoutingApi(env);
    stopProjections = await startProjections(worker.pool);
    const workshop = await call<{ id: string }>(api.url, 'POST', '/v1/workshops', msitHead, {
      title: 'AI security in finance',
      heldOn: '2026-11-18',
      hostAgency: 'MSIT',
      counterparts: ['OPENAI'],
      attendingAgencies: ['FSC', 'FSI', 'KISA'],
      topics: ['AI-enabled fraud'],
    });
    workshopId = workshop.body.id;
    const action = await call<{ actionId: string }>(
      api.url,
      'POST',
      `/v1/workshops/${workshopId}/actions`,
      msitHead,
      { description: 'Joint brief on AI-enabled fraud', ownerAgency: 'FSC' },
    );
    actionId = action.body.actionId;
  });
  afterAll(async () => {
    await api?.close();
    await stopProjections?.();
    await worker?.close();
    if (env) await cleanUpRoutingEnv(env);
  });

  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const post = (path: string, who = msitHead, body: unknown = {}) =>
    call<Record<string, unknown>>(api.url, 'POST', `/v1/follow-ups${path}`, who, body);
  const task = (id: string, who = msitHead) =>
    call<Task>(api.url, 'GET', `/v1/follow-ups/${id}`, who);
  const assignLead = async () => {
    const res = await post('', msitHead, {
      workshopId,
      sourceId: actionId,
      assigneeAgency: 'FSC',
      title: 'Joint brief on AI-enabled fraud',
      dueAt: inDays(14),
    });
    expect(res.status).toBe(201);
    return String(res.body.id);
  };
  const ask = async (lead: string, agency: string) => {
    const res = await post(`/${lead}/contributions`, msitHead, {
      agency,
      dueAt: inDays(7),
      instructions: `${agency}'s part`,
    });
    expect(res.status).toBe(201);
    return String(res.body.contributionId);
  };
  const typesOf = async (id: string) =>
    (await worker.store.readStream(`follow-up-${id}`)).map((e) => e.type);
  const until = (id: string, type: string) =>
    waitFor(async () => (await typesOf(id)).includes(type), 10_000, `${type} on ${id}`);
  const contributionOf = async (lead: string, agency: string) =>
    (await task(lead)).body.contributions?.find((c) => c.agency === agency);
  const work = async (id: string, who: typeof fsiOfficer, response: string) => {
    expect((await post(`/${id}/acknowledge`, who)).status).toBe(200);
    expect((await post(`/${id}/start`, who)).status).toBe(200);
    return post(`/${id}/submit`, who, { response });
  };

  let lead: string;
  let fsiContribution: string;
  let kisaContribution: string;

  it('each supporting agency’s queue gets exactly its contribution, routed like any task', async () => {
    lead = await assignLead();
    fsiContribution = await ask(lead, 'FSI');
    kisaContribution = await ask(lead, 'KISA');
    await until(fsiContribution, 'FollowUpRouted');
    await until(kisaContribution, 'FollowUpRouted');

    const onQueue = async (agency: string) =>
      (await worker.queues.get(agencyQueue(agency)).getJobs())
        .map((j) => (j.data as { task: { followUpId: string } }).task.followUpId)
        .sort();
    await waitFor(async () => (await onQueue('FSI')).length === 1, 5000, 'the FSI job');
    expect(await onQueue('FSI')).toEqual([fsiContribution]);
    expect(await onQueue('KISA')).toEqual([kisaContribution]);
    expect(await onQueue('FSC')).toEqual([lead]);

    const contribution = await task(fsiContribution, fsiOfficer);
    expect(contribution.status).toBe(200);
    expect(contribution.body).toMatchObject({
      kind: 'contribution',
      leadFollowUpId: lead,
      status: expect.stringMatching(/routed|acknowledged/),
    });
    // Its own due time: deadline timers are planned for it as for any task.
    const timers = await worker.queues.get(TIMER_QUEUE).getJobs();
    expect(timers.some((j) => JSON.stringify(j.data).includes(fsiContribution))).toBe(true);
  });

  it('the board and the inbox show a contribution as such, and a lead’s supporting agencies', async () => {
    interface Row {
      followUpId: string;
      kind: string | null;
      leadFollowUpId: string | null;
      supportingAgencies: string[];
    }
    const rowOf = async (path: string, who: typeof msitHead, id: string) =>
      waitFor(
        async () => {
          const res = await call<{ items: Row[] }>(api.url, 'GET', path, who);
          const row = res.body.items?.find((r) => r.followUpId === id);
          return row && row.supportingAgencies.length !== 1 ? row : undefined;
        },
        10_000,
        `${id} on ${path}`,
      );
    expect(await rowOf('/v1/agencies/FSI/inbox', fsiOfficer, fsiContribution)).toMatchObject({
      kind: 'contribution',
      leadFollowUpId: lead,
      supportingAgencies: [],
    });
    expect(await rowOf(`/v1/follow-ups?workshopId=${workshopId}`, msitHead, lead)).toMatchObject({
      kind: null,
      leadFollowUpId: null,
      supportingAgencies: ['FSI', 'KISA'],
    });
    // The workshop's progress counts the joint task once, as its lead.
    const workshop = await call<{ progress: { followUps: { total: number } } }>(
      api.url,
      'GET',
      `/v1/workshops/${workshopId}`,
      msitHead,
    );
    expect(workshop.body.progress.followUps.total).toBe(1);
    // The lead is on FSC's inbox only: FSI's work there is its contribution.
    const fsiInbox = await call<{ items: Row[] }>(
      api.url,
      'GET',
      '/v1/agencies/FSI/inbox',
      fsiOfficer,
    );
    expect(fsiInbox.body.items.map((r) => r.followUpId)).not.toContain(lead);
  });

  it('the supporting agency reads the lead task; another agency does not (404)', async () => {
    const asFsi = await task(lead, fsiOfficer);
    expect(asFsi.status).toBe(200);
    expect(asFsi.body.contributions?.map((c) => [c.agency, c.status])).toEqual([
      ['FSI', 'requested'],
      ['KISA', 'requested'],
    ]);
    expect((await task(lead, nisOfficer)).status).toBe(404);
    // …and reading is all: the lead's verbs stay the lead agency's.
    expect((await post(`/${lead}/acknowledge`, fsiOfficer)).status).toBe(403);
    // Another agency's contribution stays hidden from the supporting agency.
    expect((await task(kisaContribution, fsiOfficer)).status).toBe(404);
    // The lead agency reads each contribution to its task, and does not work it.
    expect((await task(fsiContribution, fscOfficer)).body).toMatchObject({ leadAgency: 'FSC' });
    expect((await task(fsiContribution, nisOfficer)).status).toBe(404);
    expect((await post(`/${fsiContribution}/acknowledge`, fscOfficer)).status).toBe(403);
  });

  it('the lead’s submit is refused while contributions are open, naming them', async () => {
    const refused = await work(lead, fscOfficer, 'Joint brief');
    expect(refused.status).toBe(409);
    expect(String(refused.body.message)).toContain('FSI, KISA');
  });

  it('a contribution submitted by the supporting agency is recorded on the lead', async () => {
    expect((await work(fsiContribution, fsiOfficer, 'The financial sector part')).status).toBe(200);
    await until(lead, 'FollowUpContributionReceived');
    expect(await contributionOf(lead, 'FSI')).toMatchObject({
      contributionId: fsiContribution,
      status: 'submitted',
      response: 'The financial sector part',
    });
    const still = await post(`/${lead}/submit`, fscOfficer, { response: 'Joint brief' });
    expect(still.status).toBe(409);
    expect(String(still.body.message)).toContain('KISA');
    expect(String(still.body.message)).not.toContain('FSI');
  });

  it('only the host bureau head waives; the waiver is recorded and the contribution task cancelled', async () => {
    const path = `/${lead}/contributions/KISA/waive`;
    expect((await post(path, fscOfficer, { reason: 'not needed' })).status).toBe(403);
    expect((await post(path, msitHead, {})).status).toBe(400);
    expect(
      (await post(`/${lead}/contributions/nope/waive`, msitHead, { reason: 'x' })).status,
    ).toBe(400);
    const waived = await post(path, msitHead, { reason: 'Covered by FSC’s own analysis' });
    expect(waived.status).toBe(200);
    expect(await contributionOf(lead, 'KISA')).toMatchObject({
      status: 'waived',
      reason: 'Covered by FSC’s own analysis',
    });
    await until(kisaContribution, 'FollowUpCancelled');
    expect((await task(kisaContribution)).body.status).toBe('cancelled');
    // A second waiver of the same contribution is a conflict, not a second fact.
    expect((await post(path, msitHead, { reason: 'again' })).status).toBe(409);
  });

  it('the lead submits once each contribution is in or waived', async () => {
    const submitted = await post(`/${lead}/submit`, fscOfficer, { response: 'Joint brief' });
    expect(submitted.status).toBe(200);
    expect((await task(lead)).body.status).toBe('submitted');
  });

  it('a replayed contribution event does not record twice', async () => {
    const streams = [lead, fsiContribution, kisaContribution].map((id) => `follow-up-${id}`);
    const events = (await Promise.all(streams.map((s) => worker.store.readStream(s))))
      .flat()
      .sort((a, b) => a.position - b.position);
    expect(events.filter((e) => e.type === 'FollowUpSubmitted')).toHaveLength(2);
    const tx = await worker.pool.connect();
    try {
      await tx.query('BEGIN');
      // The relay handing the same facts to the process again (a crash before its checkpoint):
      // requests, the submit, the waiver and the cancellation, in the log's order.
      const recorded = await worker.get(ContributionProcess).handle(events, tx);
      await tx.query('COMMIT');
      expect(recorded).toBe(0);
    } finally {
      tx.release();
    }
    const counts = (type: string, ids: string[]) => eventCounts(worker.pool, type, ids);
    expect((await counts('FollowUpContributionReceived', [lead])).get(lead)).toBe(1);
    expect((await counts('FollowUpContributionWaived', [lead])).get(lead)).toBe(1);
    expect(await counts('FollowUpAssigned', [fsiContribution, kisaContribution])).toEqual(
      new Map([
        [fsiContribution, 1],
        [kisaContribution, 1],
      ]),
    );
  });

  it('cancelling the lead cancels its open contributions', async () => {
    const other = await assignLead();
    const fsi = await ask(other, 'FSI');
    await until(fsi, 'FollowUpAssigned');
    const cancelled = await post(`/${other}/cancel`, msitHead, { reason: 'Superseded' });
    expect(cancelled.status).toBe(200);
    await until(fsi, 'FollowUpCancelled');
    const contribution = await task(fsi, fsiOfficer);
    expect(contribution.body).toMatchObject({
      status: 'cancelled',
      lastReason: 'The lead task was cancelled: Superseded',
    });
  });

  it('supporting agencies named with the assignment get their contribution tasks', async () => {
    const res = await post('', msitHead, {
      workshopId,
      sourceId: actionId,
      assigneeAgency: 'FSC',
      title: 'Joint brief, second part',
      dueAt: inDays(14),
      supportingAgencies: [{ agency: 'FSI', dueAt: inDays(5), instructions: 'Incident data' }],
    });
    expect(res.status).toBe(201);
    const id = String(res.body.id);
    const asked = (await task(id)).body.contributions ?? [];
    expect(asked.map((c) => [c.agency, c.status])).toEqual([['FSI', 'requested']]);
    await until(asked[0].contributionId, 'FollowUpRouted');
    expect((await task(asked[0].contributionId, fsiOfficer)).body).toMatchObject({
      kind: 'contribution',
      leadFollowUpId: id,
      assigneeAgency: 'FSI',
      instructions: 'Incident data',
    });

    const bad = await post('', msitHead, {
      workshopId,
      sourceId: actionId,
      assigneeAgency: 'FSC',
      title: 'T',
      dueAt: inDays(14),
      supportingAgencies: [{ agency: 'fsi' }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('supportingAgencies');
    const lead = await post('', msitHead, {
      workshopId,
      sourceId: actionId,
      assigneeAgency: 'FSC',
      title: 'T',
      dueAt: inDays(14),
      supportingAgencies: [{ agency: 'FSC' }],
    });
    expect(lead.status).toBe(422);
    expect(String(lead.body.message)).toContain('supportingAgencies[0].agency');
  });

  it('bad requests: 400 naming the field, 404 for an unknown lead, 422 for the lead agency', async () => {
    const missing = await post(`/${lead}/contributions`, msitHead, {});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('agency');
    expect(
      (await post(`/${lead}/contributions`, msitHead, { agency: 'FSI', dueAt: 'soon' })).status,
    ).toBe(400);
    expect((await post(`/${randomUUID()}/contributions`, msitHead, { agency: 'FSI' })).status).toBe(
      404,
    );
    const other = await assignLead();
    expect((await post(`/${other}/contributions`, msitHead, { agency: 'FSC' })).status).toBe(422);
    expect((await post(`/${other}/contributions`, fscOfficer, { agency: 'FSI' })).status).toBe(403);
  });
  it('the board rebuilt from the log is the live board (a check of the projection)', async () => {
    const result = await checkProjection({
      pool: worker.pool,
      store: worker.store,
      projection: followUpBoardProjection,
    });
    expect(result.events).toBeGreaterThan(0);
    expect(result.differences).toEqual([]);
  });

  // Last: it restarts the worker.
  it('the whole log relayed again from the start appends nothing', async () => {
    const db = new Pool({ connectionString: env.databaseUrl, max: 1 });
    const one = async (sql: string) => Number((await db.query(sql)).rows[0].n);
    try {
      await new Promise((r) => setTimeout(r, 500)); // the worker's last deliveries and timers
      await stopProjections?.();
      stopProjections = undefined;
      await worker.close();
      const before = await one('SELECT count(*) AS n FROM events');
      const end = await one('SELECT max(position) AS n FROM events');
      await db.query(
        `UPDATE subscription_checkpoints SET position = 0, transaction_id = '0'
         WHERE name = 'relay:routing'`,
      );
      worker = await startRoutingApp(env);
      await waitFor(
        async () => (worker.get(RoutingRelay).status()?.position ?? 0) >= end,
        10_000,
        'the relay at the end of the log again',
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(await one('SELECT count(*) AS n FROM events')).toBe(before);
    } finally {
      await db.end();
    }
  });
});
