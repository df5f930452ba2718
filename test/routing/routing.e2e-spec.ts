/** The relay, which routes, and the agency workers in one process, on the real Postgres and Redis. */
import { Queue } from 'bullmq';
import { AgencyDirectory } from '@liaison/follow-up';
import {
  agencyQueue,
  BatchRouter,
  JobDispatcher,
  jobIds,
  JobPayloads,
  RoutingRelay,
  TIMER_QUEUE,
} from '@liaison/routing';
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
    await waitFor(async () => (await eventTypes(app.store, id)).includes('FollowUpDelivered'));
    const versionBefore = await app.store.streamVersion(`follow-up-${id}`);
    const [assigned] = await app.store.readStream(`follow-up-${id}`);

    // The relay lost its checkpoint (or crashed before it): the assignment is routed again.
    const client = await app.pool.connect();
    try {
      await client.query('BEGIN');
      const again = await app.get(BatchRouter).route([assigned], client);
      expect(again.recorded).toBe(0);
      expect(again.jobs.map((j) => j.id)).toContain(jobIds.deliver(assigned.eventId));
      await app.get(JobDispatcher).enqueue(again.jobs, client); // same ids: nothing new
      await client.query('COMMIT');
    } finally {
      client.release();
    }

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
    const relay = app.get(RoutingRelay);
    await relay.stop(); // so the agency closes between the assignment and its routing
    let id: string;
    try {
      ({ id } = await assign(app.bus, workshop, code));
      await app.pool.query('UPDATE agencies SET active = false WHERE code = $1', [code]);
      directory.invalidate();
    } finally {
      await relay.start();
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
    const timers = app.queues.get(TIMER_QUEUE);
    const bad = { eventId: 'not-a-uuid', followUpId: 42, correlationId: 'c' };
    const job = await timers.add('schedule-deadlines', bad, { attempts: 5, backoff: 10 });
    const failed = await waitFor(async () => {
      const current = await timers.getJob(job.id ?? '');
      return current?.finishedOn ? current : undefined;
    });
    expect(await failed.getState()).toBe('failed');
    expect(failed.failedReason).toBe(
      'invalid schedule-deadlines payload: payload.eventId must be a lower-case uuid (got "not-a-uuid")',
    );
    expect(failed.attemptsMade).toBe(1);
    const { rows } = await app.pool.query(
      'SELECT outcome FROM job_ledger WHERE queue = $1 AND job_id = $2',
      [TIMER_QUEUE, job.id],
    );
    expect(rows[0].outcome).toMatch(/^rejected: invalid schedule-deadlines payload/);
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
