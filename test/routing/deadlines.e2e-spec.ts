/** Deadline timers on the real Redis: reminder, overdue and escalation, and stale timers. */
import { Job } from 'bullmq';
import { jobIds, TIMER_QUEUE } from '@liaison/routing';
import {
  act,
  assign,
  holdWorkshop,
  msitHead,
  officerOf,
  ScenarioWorkshop,
} from '../../libs/routing/src/testing/routing-scenario';
import { waitFor } from '../support/database';
import {
  cleanUpRoutingEnv,
  eventTypes,
  prepareRoutingEnv,
  RoutingApp,
  RoutingTestEnv,
  startRoutingApp,
} from '../support/routing-harness';

const LEAD_MS = 1000;
const GRACE_MS = 500;
const soon = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('deadlines', () => {
  let env: RoutingTestEnv;
  let app: RoutingApp;
  let workshop: ScenarioWorkshop;

  beforeAll(async () => {
    env = await prepareRoutingEnv('deadlines', {
      routingEnv: { REMINDER_LEAD_MS: String(LEAD_MS), ESCALATION_GRACE_MS: String(GRACE_MS) },
    });
    app = await startRoutingApp(env);
    workshop = await holdWorkshop(app.bus);
  });
  afterAll(async () => {
    await app?.close();
    if (env) await cleanUpRoutingEnv(env);
  });

  const types = (id: string) => eventTypes(app.store, id);
  const timer = (jobId: string) => app.queues.get(TIMER_QUEUE).getJob(jobId);
  /** Waits until the timer has run and answers what it did. */
  const firedTimer = async (jobId: string): Promise<string> => {
    const job = await waitFor(
      async () => ((await timer(jobId))?.finishedOn ? timer(jobId) : undefined),
      8000,
      `timer ${jobId}`,
    );
    return (job as Job).returnvalue as string;
  };
  const dueAtOf = async (id: string) =>
    String((await app.store.readStream(`follow-up-${id}`))[0].data.dueAt);

  it('reminds before the due time, marks overdue at it and escalates after the grace period', async () => {
    const { id } = await assign(app.bus, workshop, 'KISA', soon(1500));
    await waitFor(async () => (await types(id)).includes('FollowUpEscalated'), 6000, 'escalation');
    const events = await app.store.readStream(`follow-up-${id}`);
    const dueAt = await dueAtOf(id);
    const at = (type: string) => events.find((e) => e.type === type)?.recordedAt.getTime() ?? 0;
    expect(events.filter((e) => e.type === 'FollowUpReminderSent')).toHaveLength(1);
    expect(at('FollowUpReminderSent')).toBeGreaterThanOrEqual(Date.parse(dueAt) - LEAD_MS);
    expect(at('FollowUpOverdue')).toBeGreaterThanOrEqual(Date.parse(dueAt));
    expect(at('FollowUpEscalated')).toBeGreaterThanOrEqual(Date.parse(dueAt) + GRACE_MS);
    expect(events.find((e) => e.type === 'FollowUpEscalated')?.data).toMatchObject({
      toAgency: 'MSIT',
      reason: `Overdue since ${dueAt} and still open after the grace period`,
    });
  });

  it('an overdue timer that fires after the due time was extended changes nothing', async () => {
    const { id } = await assign(app.bus, workshop, 'NIS', soon(1200));
    const dueAt = await dueAtOf(id);
    await waitFor(() => timer(jobIds.overdue(id, dueAt)), 2000, 'the overdue timer');
    const later = soon(3_600_000);
    await waitFor(async () => (await types(id)).includes('FollowUpDelivered'));
    await act(app.bus, msitHead, {
      kind: 'ExtendDueDate',
      followUpId: id,
      dueAt: later,
      reason: 'waiting on OpenAI',
    });

    expect(await firedTimer(jobIds.overdue(id, dueAt))).toBe('overdue no longer applies');
    expect(await firedTimer(jobIds.escalate(id, dueAt))).toBe('escalation no longer applies');
    const after = await types(id);
    expect(after).not.toContain('FollowUpOverdue');
    expect(after).not.toContain('FollowUpEscalated');
    // the extension planned timers of its own
    const laterDue = new Date(later).toISOString();
    expect(await (await timer(jobIds.overdue(id, laterDue)))?.isDelayed()).toBe(true);
  });

  it('a reminder or overdue timer that fires after the task was accepted changes nothing', async () => {
    const { id } = await assign(app.bus, workshop, 'AISI', soon(2500));
    const dueAt = await dueAtOf(id);
    await waitFor(async () => (await types(id)).includes('FollowUpDelivered'));
    const officer = officerOf('AISI');
    await act(app.bus, officer, { kind: 'AcknowledgeFollowUp', followUpId: id });
    await act(app.bus, officer, { kind: 'StartFollowUp', followUpId: id });
    await act(app.bus, officer, { kind: 'SubmitFollowUp', followUpId: id, response: 'Done' });
    await act(app.bus, msitHead, { kind: 'AcceptFollowUp', followUpId: id });

    expect(await firedTimer(jobIds.reminder(id, 'AISI', dueAt))).toBe('reminder no longer applies');
    expect(await firedTimer(jobIds.overdue(id, dueAt))).toBe('overdue no longer applies');
    const after = await types(id);
    expect(after.at(-1)).toBe('FollowUpAccepted');
    expect(after).not.toContain('FollowUpReminderSent');
    expect(after).not.toContain('FollowUpOverdue');
  });

  it('the sweep brings back deadline timers that Redis lost', async () => {
    const { id } = await assign(app.bus, workshop, 'FSI', soon(1500));
    const dueAt = await dueAtOf(id);
    const ids = [jobIds.overdue(id, dueAt), jobIds.escalate(id, dueAt)];
    await waitFor(async () => (await Promise.all(ids.map(timer))).every(Boolean), 2000, 'timers');
    for (const jobId of ids) await (await timer(jobId))?.remove(); // as a Redis without its data

    await waitFor(
      async () => (await types(id)).includes('FollowUpEscalated'),
      10_000,
      'escalation',
    );
    const events = await types(id);
    expect(events.filter((t) => t === 'FollowUpOverdue')).toHaveLength(1);
    expect(events.filter((t) => t === 'FollowUpEscalated')).toHaveLength(1);
  });
});
