/** The relay and the router in one process, on the real Postgres and Redis. */
import { Job, Queue } from 'bullmq';
import { AgencyDirectory } from '@liaison/follow-up';
import { agencyQueue, jobIds, JobPayloads, ROUTING_QUEUE } from '@liaison/routing';
import {
  assign,
  holdWorkshop,
  ScenarioWorkshop,
} from '../../libs/routing/src/testing/routing-scenario';
import { waitFor } from '../support/database';
import {
  cleanUpRoutingEnv,
  eventCounts,
  eventTypes,
  prepareRoutingEnv,
  RoutingApp,
  RoutingTestEnv,
  startRoutingApp,
} from '../support/routing-harness';

describe('routing assignments to agency queues', () => {
  let env: RoutingTestEnv;
  let app: RoutingApp;
  let workshop: ScenarioWorkshop;

  beforeAll(async () => {
    env = await prepareRoutingEnv('router');
    app = await startRoutingApp(env);
    workshop = await holdWorkshop(app.bus);
  });
  afterAll(async () => {
    await app?.close();
    if (env) await cleanUpRoutingEnv(env);
  });

  const agencyJob = (agency: string, eventId: string) =>
    app.queues.get(agencyQueue(agency)).getJob(jobIds.deliver(eventId));
  const assignmentEventId = async (followUpId: string) =>
    (await app.store.readStream(`follow-up-${followUpId}`))[0].eventId;

  it('assign → FollowUpRouted and a job on the agency queue within a second', async () => {
    const started = Date.now();
    const { id } = await assign(app.bus, workshop, 'KISA');
    const eventId = await assignmentEventId(id);
    const job = await waitFor(() => agencyJob('KISA', eventId), 1000, 'the job on agency-KISA');
    await waitFor(
      async () => (await eventTypes(app.store, id)).includes('FollowUpRouted'),
      1000,
      'FollowUpRouted',
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(job.data).toMatchObject({
      agency: 'KISA',
      task: { followUpId: id, assigneeAgency: 'KISA' },
    });
    const routed = (await app.store.readStream(`follow-up-${id}`)).find(
      (e) => e.type === 'FollowUpRouted',
    );
    expect(routed?.data).toEqual({ followUpId: id, agency: 'KISA', queue: 'agency-KISA' });
    expect(routed?.metadata).toMatchObject({
      actor: 'router',
      role: 'system',
      causation_id: eventId,
    });
  });

  it('handling the same assignment twice appends nothing the second time', async () => {
    const { id } = await assign(app.bus, workshop, 'NIS');
    const eventId = await assignmentEventId(id);
    await waitFor(async () => (await eventTypes(app.store, id)).includes('FollowUpDelivered'));
    const versionBefore = await app.store.streamVersion(`follow-up-${id}`);
    const routing = app.queues.get(ROUTING_QUEUE);
    const first = await routing.getJob(jobIds.route(eventId));
    if (!first) throw new Error('the routing job is gone');
    const payload = first.data;
    expect(first.returnvalue).toBe('routed to agency-NIS');

    // BullMQ forgets a removed job's id, so the relay's re-send after a crash is added again:
    await first.remove();
    const again = await routing.add('route-follow-up', payload, { jobId: jobIds.route(eventId) });
    // and the same assignment under another id (a replayed relay, an operator's mistake):
    const other = await routing.add('route-follow-up', payload, { jobId: `${eventId}-replayed` });

    const finished = async (job: Job) => (await routing.getJob(job.id ?? ''))?.finishedOn;
    await waitFor(async () => (await finished(again)) && (await finished(other)));
    expect((await routing.getJob(again.id ?? ''))?.returnvalue).toBe('already finished');
    expect(await app.store.streamVersion(`follow-up-${id}`)).toBe(versionBefore);
    expect((await eventCounts(app.pool, 'FollowUpRouted', [id])).get(id)).toBe(1);
    const agencyJobs = await app.queues
      .get(agencyQueue('NIS'))
      .getJobs(['completed', 'waiting', 'active']);
    const forThisTask = agencyJobs.filter(
      (j) => (j.data as JobPayloads['deliver-task']).task.followUpId === id,
    );
    expect(forThisTask).toHaveLength(1);
  });

  it('an agency that became inactive: routing fails and is escalated to the assigning bureau', async () => {
    const code = `ZT${Date.now().toString(36).toUpperCase().slice(-6)}`;
    await app.pool.query(
      `INSERT INTO agencies (code, name, kind) VALUES ($1, 'Closing agency', 'agency')`,
      [code],
    );
    const directory = app.get(AgencyDirectory);
    directory.invalidate();
    const routing = app.queues.get(ROUTING_QUEUE);
    await routing.pause(); // so the agency closes between the assignment and its routing
    let id: string;
    try {
      ({ id } = await assign(app.bus, workshop, code));
      const eventId = await assignmentEventId(id);
      await waitFor(() => routing.getJob(jobIds.route(eventId)), 2000, 'the routing job');
      await app.pool.query('UPDATE agencies SET active = false WHERE code = $1', [code]);
      directory.invalidate();
    } finally {
      await routing.resume();
    }
    await waitFor(async () => (await eventTypes(app.store, id)).includes('FollowUpEscalated'));
    const events = await app.store.readStream(`follow-up-${id}`);
    expect(events.map((e) => e.type)).toEqual([
      'FollowUpAssigned',
      'FollowUpRoutingFailed',
      'FollowUpEscalated',
    ]);
    expect(events[1].data).toEqual({
      followUpId: id,
      agency: code,
      reason: `${code} is not active`,
    });
    expect(events[2].data).toEqual({
      followUpId: id,
      toAgency: 'MSIT',
      reason: `Routing to ${code} failed: ${code} is not active`,
    });
    expect(await app.queues.get(agencyQueue(code)).count()).toBe(0);
  });

  it('a job payload that fails validation goes to the failed set with the reason, not retried', async () => {
    const routing = app.queues.get(ROUTING_QUEUE);
    const bad = {
      eventId: 'not-a-uuid',
      followUpId: 42,
      assigneeAgency: 'KISA',
      correlationId: 'c',
    };
    const job = await routing.add('route-follow-up', bad, { attempts: 5, backoff: 10 });
    const failed = await waitFor(async () => {
      const current = await routing.getJob(job.id ?? '');
      return current?.finishedOn ? current : undefined;
    });
    expect(await failed.getState()).toBe('failed');
    expect(failed.failedReason).toBe(
      'invalid route-follow-up payload: payload.eventId must be a lower-case uuid (got "not-a-uuid")',
    );
    expect(failed.attemptsMade).toBe(1);
    const { rows } = await app.pool.query(
      'SELECT outcome FROM job_ledger WHERE queue = $1 AND job_id = $2',
      [ROUTING_QUEUE, job.id],
    );
    expect(rows[0].outcome).toMatch(/^rejected: invalid route-follow-up payload/);
  });

  it('a job nobody declared fails at once, naming it', async () => {
    const timers: Queue = app.queues.get('timers');
    const job = await timers.add('send-fax', {}, { attempts: 3 });
    const failed = await waitFor(async () => {
      const current = await timers.getJob(job.id ?? '');
      return current?.finishedOn ? current : undefined;
    });
    expect(failed.failedReason).toBe('no handler for job "send-fax" on queue timers');
    expect(failed.attemptsMade).toBe(1);
  });
});
