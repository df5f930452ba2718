import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { ConcurrencyError, EventStore } from '@liaison/event-store';
import { inTransaction } from '@liaison/platform';
import { testPool } from '../../../../test/support/database';
import { AgencyDirectory } from '../agencies/agency-directory';
import {
  Actor,
  DomainError,
  FollowUpCommand,
  followUpDecider,
  FollowUpState,
  followUpStreamId,
  workshopDecider,
  workshopStreamId,
} from '../domain';
import { CommandMeta } from './command-meta';
import { BatchItem, DecisionRunner } from './decision-runner';
import { newEntityId } from './idempotent-ids';

const head: Actor = { id: 'u-msit-head', role: 'bureau_head', agency: 'MSIT' };
const kisa: Actor = { id: 'u-kisa-officer', role: 'agency_officer', agency: 'KISA' };
const system: Actor = { id: 'router', role: 'system' };
const meta = (actor: Actor, extra: Partial<CommandMeta> = {}): CommandMeta => ({
  actor,
  correlationId: `spec-${randomUUID()}`,
  ...extra,
});
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * Each DecisionRunner keeps its own stream cache, as each API or worker process does: two
 * runners on one database are two processes that see each other only through the log.
 */
describe('DecisionRunner', () => {
  let pool: Pool;
  let store: EventStore;
  let agencies: AgencyDirectory;
  const runner = () => new DecisionRunner(store, agencies);

  beforeAll(() => {
    pool = testPool(20);
    store = new EventStore(pool);
    agencies = new AgencyDirectory(pool);
  });
  afterAll(() => pool.end());

  async function assigned(by: DecisionRunner, dueAt = inDays(10)) {
    const workshopId = randomUUID();
    const actionId = randomUUID();
    const followUpId = randomUUID();
    const workshop = workshopStreamId(workshopId);
    await by.run(workshopDecider, workshop, holdWorkshop(workshopId), meta(head));
    await by.run(
      workshopDecider,
      workshop,
      {
        kind: 'AgreeAction',
        workshopId,
        actionId,
        description: 'Share threat data',
        ownerAgency: 'MSIT',
      },
      meta(head),
    );
    const { state } = await by.load(workshopDecider, workshop);
    const streamId = followUpStreamId(followUpId);
    const send = (r: DecisionRunner, command: FollowUpCommand, m = meta(system)) =>
      r.run(followUpDecider, streamId, command, m);
    await send(
      by,
      {
        kind: 'AssignFollowUp',
        followUpId,
        workshop: state,
        sourceId: actionId,
        assigneeAgency: 'KISA',
        title: 'Share indicators',
        dueAt,
      },
      meta(head),
    );
    return { followUpId, streamId, send };
  }

  const types = async (streamId: string) => (await store.readStream(streamId)).map((e) => e.type);

  describe('never trusts its cache for "nothing to do"', () => {
    it('delivers to the new agency after another process reassigned the task', async () => {
      const worker = runner();
      const api = runner();
      const { followUpId, streamId, send } = await assigned(api);
      const route = (agency: string) =>
        ({ kind: 'RecordRouting', followUpId, agency, queue: `agency-${agency}` }) as const;
      const deliver = (agency: string) =>
        ({ kind: 'RecordDelivery', followUpId, agency, channel: 'inbox', attempts: 1 }) as const;
      await send(worker, route('KISA'));
      await send(worker, deliver('KISA')); // the worker now caches "delivered to KISA"
      await send(
        api,
        { kind: 'ReassignFollowUp', followUpId, assigneeAgency: 'NIS', reason: 'NIS leads' },
        meta(head),
      );
      await send(api, route('NIS'));

      const result = await send(worker, deliver('NIS'));

      expect(result.changed).toBe(true);
      const delivered = (await store.readStream(streamId)).filter(
        (e) => e.type === 'FollowUpDelivered',
      );
      expect(delivered.map((e) => e.data.agency)).toEqual(['KISA', 'NIS']);
    });

    it('sends the reminder for the new due time after another process extended it', async () => {
      const worker = runner();
      const api = runner();
      const firstDue = inDays(2);
      const { followUpId, streamId, send } = await assigned(api, firstDue);
      await send(worker, { kind: 'SendReminder', followUpId, dueAt: firstDue });
      const newDue = inDays(9);
      await send(
        api,
        { kind: 'ExtendDueDate', followUpId, dueAt: newDue, reason: 'waiting for OpenAI' },
        meta(head),
      );

      const result = await send(worker, { kind: 'SendReminder', followUpId, dueAt: newDue });

      expect(result.changed).toBe(true);
      const reminders = (await store.readStream(streamId)).filter(
        (e) => e.type === 'FollowUpReminderSent',
      );
      expect(reminders.map((e) => Date.parse(e.data.dueAt as string))).toEqual([
        Date.parse(firstDue),
        Date.parse(newDue),
      ]);
    });
  });

  describe('version conflicts', () => {
    const processes = 8;

    it('decides again, without If-Match, when another writer got in first: none is lost', async () => {
      const { followUpId, streamId, send } = await assigned(runner());
      const runners = Array.from({ length: processes }, runner);
      await Promise.all(runners.map((r) => r.load(followUpDecider, streamId)));
      await send(runners[0], { kind: 'AcknowledgeFollowUp', followUpId }, meta(kisa));
      await send(runners[0], { kind: 'StartFollowUp', followUpId }, meta(kisa));
      const before = await store.streamVersion(streamId);

      const results = await Promise.allSettled(
        runners.map((r, i) =>
          send(r, { kind: 'ReportProgress', followUpId, note: `note ${i}` }, meta(kisa)),
        ),
      );

      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(await store.streamVersion(streamId)).toBe(before + processes);
    });

    it('lets one win and answers the rest with a conflict when they sent If-Match', async () => {
      const { followUpId, streamId, send } = await assigned(runner());
      await send(runner(), { kind: 'AcknowledgeFollowUp', followUpId }, meta(kisa));
      await send(runner(), { kind: 'StartFollowUp', followUpId }, meta(kisa));
      const version = await store.streamVersion(streamId);
      const results = await Promise.allSettled(
        Array.from({ length: processes }, (_, i) =>
          send(
            runner(),
            { kind: 'ReportProgress', followUpId, note: `note ${i}` },
            meta(kisa, { expectedVersion: version }),
          ),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r) => r.status === 'rejected')) {
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
      }
      expect(await store.streamVersion(streamId)).toBe(version + 1);
    });
  });

  describe('bound to an Idempotency-Key', () => {
    it('returns what the first attempt wrote when another process retries a verb', async () => {
      const { followUpId, streamId, send } = await assigned(runner());
      const seed = randomUUID();
      const acknowledge = { kind: 'AcknowledgeFollowUp', followUpId } as const;
      const first = await send(runner(), acknowledge, meta(kisa, { idempotencySeed: seed }));

      // A process that never saw the first attempt: the task is acknowledged already.
      const retry = await send(runner(), acknowledge, meta(kisa, { idempotencySeed: seed }));

      expect(retry).toEqual(first);
      expect((await types(streamId)).filter((t) => t === 'FollowUpAcknowledged')).toHaveLength(1);
    });

    it('makes one follow-up of a retried assignment, the same id both times', async () => {
      const seed = randomUUID();
      const { followUpId: otherId } = await assigned(runner());
      const workshopId = randomUUID();
      const api = runner();
      await api.run(
        workshopDecider,
        workshopStreamId(workshopId),
        holdWorkshop(workshopId),
        meta(head),
      );
      const actionId = randomUUID();
      await api.run(
        workshopDecider,
        workshopStreamId(workshopId),
        { kind: 'AgreeAction', workshopId, actionId, description: 'x', ownerAgency: 'MSIT' },
        meta(head),
      );
      const { state } = await api.load(workshopDecider, workshopStreamId(workshopId));
      const attempt = () => {
        const followUpId = newEntityId(seed, 'follow-up');
        return runner().run(
          followUpDecider,
          followUpStreamId(followUpId),
          {
            kind: 'AssignFollowUp',
            followUpId,
            workshop: state,
            sourceId: actionId,
            assigneeAgency: 'KISA',
            title: 'Bound',
            dueAt: inDays(5),
          },
          meta(head, { idempotencySeed: seed }),
        );
      };
      const [a, b] = await Promise.all([attempt(), attempt()]);
      const again = await attempt();
      expect(b).toEqual(a);
      expect(again).toEqual(a);
      const followUpId = newEntityId(seed, 'follow-up');
      expect(followUpId).not.toBe(otherId);
      expect(await types(followUpStreamId(followUpId))).toEqual(['FollowUpAssigned']);
    });

    it('binds different requests to different events', async () => {
      const { followUpId, streamId, send } = await assigned(runner());
      await send(runner(), { kind: 'AcknowledgeFollowUp', followUpId }, meta(kisa));
      await send(runner(), { kind: 'StartFollowUp', followUpId }, meta(kisa));
      const note = (seed: string, text: string) =>
        send(
          runner(),
          { kind: 'ReportProgress', followUpId, note: text },
          meta(kisa, { idempotencySeed: seed }),
        );
      const one = await note(randomUUID(), 'first');
      const two = await note(randomUUID(), 'second');
      expect(two.version).toBe(one.version + 1);
      expect((await types(streamId)).filter((t) => t === 'FollowUpProgressReported')).toHaveLength(
        2,
      );
    });
  });

  describe("a batch, in the caller's transaction", () => {
    const route = (followUpId: string, agency = 'KISA') =>
      ({ kind: 'RecordRouting', followUpId, agency, queue: `agency-${agency}` }) as const;
    /** Plans `command(followUpId)` on every stream, noting the versions it was planned at. */
    function items(
      tasks: { followUpId: string; streamId: string }[],
      command: (followUpId: string) => FollowUpCommand | undefined,
      actor: Actor = system,
      planned: number[] = [],
    ): BatchItem<FollowUpCommand, FollowUpState, string>[] {
      return tasks.map(({ followUpId, streamId }) => ({
        streamId,
        plan: (stream) => {
          planned.push(stream.version);
          const c = command(followUpId);
          return (
            c && { command: c, meta: { actor, correlationId: 'spec-batch' }, attached: followUpId }
          );
        },
      }));
    }
    it('appends only when the caller commits', async () => {
      const tasks = [await assigned(runner()), await assigned(runner())];
      const batch = items(tasks, (id) => route(id));

      const rollBack = new Error('roll back');
      const first = inTransaction(pool, async (tx) => {
        const outcomes = await runner().runBatch(followUpDecider, batch, { tx });
        expect(outcomes.map((o) => o.kind === 'decided' && o.events)).toEqual([1, 1]);
        expect(await types(tasks[0].streamId)).toEqual(['FollowUpAssigned']); // not yet
        throw rollBack;
      });
      await expect(first).rejects.toBe(rollBack);
      expect(await types(tasks[0].streamId)).toEqual(['FollowUpAssigned']);

      await inTransaction(pool, (tx) => runner().runBatch(followUpDecider, batch, { tx }));
      for (const { streamId } of tasks) {
        expect(await types(streamId)).toEqual(['FollowUpAssigned', 'FollowUpRouted']);
      }
    });

    it('decides on the histories it is given, and again on a stream that moved since', async () => {
      const task = await assigned(runner());
      const given = new Map([[task.streamId, await store.readStream(task.streamId)]]);
      await task.send(
        runner(),
        { kind: 'ExtendDueDate', followUpId: task.followUpId, dueAt: inDays(20), reason: 'later' },
        meta(head),
      );
      const planned: number[] = [];

      const [outcome] = await inTransaction(pool, (tx) =>
        runner().runBatch(followUpDecider, items([task], route, system, planned), {
          tx,
          known: given,
        }),
      );

      expect(planned).toEqual([1, 2]);
      expect(outcome).toMatchObject({ kind: 'decided', attached: task.followUpId, events: 1 });
      expect(outcome.kind === 'decided' && outcome.result).toMatchObject({
        version: 3,
        changed: true,
      });
      expect(await types(task.streamId)).toEqual([
        'FollowUpAssigned',
        'FollowUpDueDateExtended',
        'FollowUpRouted',
      ]);
    });

    it('answers each stream for itself: a refusal, nothing to do, several events', async () => {
      const [refused, routed, failed] = [
        await assigned(runner()),
        await assigned(runner()),
        await assigned(runner()),
      ];
      await routed.send(runner(), route(routed.followUpId));
      const fail = (followUpId: string) =>
        ({ kind: 'RecordRoutingFailure', followUpId, agency: 'KISA', reason: 'off' }) as const;

      const outcomes = await inTransaction(pool, (tx) =>
        runner().runBatch(
          followUpDecider,
          [
            ...items([refused], route, kisa), // an officer may not record a routing
            ...items([routed], route),
            ...items([failed], fail),
          ],
          { tx },
        ),
      );

      expect(outcomes.map((o) => [o.attached, o.kind])).toEqual([
        [refused.followUpId, 'refused'],
        [routed.followUpId, 'decided'],
        [failed.followUpId, 'decided'],
      ]);
      expect(outcomes[0].kind === 'refused' && outcomes[0].error).toBeInstanceOf(DomainError);
      expect(outcomes[1]).toMatchObject({ events: 0, result: { version: 2, changed: false } });
      expect(outcomes[2]).toMatchObject({ events: 2, result: { version: 3, changed: true } });
      expect(await types(failed.streamId)).toEqual([
        'FollowUpAssigned',
        'FollowUpRoutingFailed',
        'FollowUpEscalated',
      ]);
      expect(await types(refused.streamId)).toEqual(['FollowUpAssigned']);
    });

    it('leaves a stream alone when nothing is planned for it, and names each stream once', async () => {
      const task = await assigned(runner());
      await inTransaction(pool, async (tx) => {
        expect(
          await runner().runBatch(
            followUpDecider,
            items([task], () => undefined),
            { tx },
          ),
        ).toEqual([]);
        const twice = items([task, task], route);
        await expect(runner().runBatch(followUpDecider, twice, { tx })).rejects.toThrow(/once/);
      });
      expect(await types(task.streamId)).toEqual(['FollowUpAssigned']);
    });
  });
});

function holdWorkshop(workshopId: string) {
  return {
    kind: 'HoldWorkshop',
    workshopId,
    title: 'AI security workshop',
    heldOn: '2026-11-18',
    hostAgency: 'MSIT',
    counterparts: ['OPENAI'],
    attendingAgencies: ['KISA', 'NIS'],
    topics: ['AI models in cybersecurity'],
  } as const;
}
