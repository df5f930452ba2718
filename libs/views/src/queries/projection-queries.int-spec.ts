import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { QueryBus } from '@nestjs/cqrs';
import { Pool } from 'pg';
import { createPgPool } from '@liaison/platform';
import { Actor, DomainEvent, FollowUpStatus } from '@liaison/follow-up';
import { PROJECTIONS } from '../projections.registry';
import { History, historyArbitrary } from '../testing/follow-up-history.arbitrary';
import { localLog } from '../testing/local-log';
import { startQueryContext } from '../testing/query-test-module';
import { expectedBoard, expectedWorkshops } from '../testing/reference-fold';
import { testDatabaseUrl } from '../../../../test/support/throwaway-database';
import { createTestSchema } from '../testing/test-databases';
import { AgencyInboxQuery } from './agency-inbox/agency-inbox.query';
import { AgencyWorkloadQuery } from './agency-workload/agency-workload.query';
import { BoardFilter, BoardSort } from './board-query';
import { FollowUpView, Page } from './follow-up-view';
import { GetFollowUpViewQuery } from './get-follow-up-view/get-follow-up-view.query';
import { ListFollowUpsQuery } from './list-follow-ups/list-follow-ups.query';
import { OverdueListQuery } from './overdue-list/overdue-list.query';
import { InvalidReadQueryError, ReadForbiddenError } from './read.errors';
import { ListWorkshopProgressQuery } from './workshop-progress/list-workshop-progress.query';
import { WorkshopProgressQuery } from './workshop-progress/workshop-progress.query';

const kisa: Actor = { id: 'u-kisa', role: 'agency_officer', agency: 'KISA' };
const nis: Actor = { id: 'u-nis', role: 'agency_officer', agency: 'NIS' };
const msitHead: Actor = { id: 'u-msit', role: 'bureau_head', agency: 'MSIT' };
const mofaHead: Actor = { id: 'u-mofa', role: 'bureau_head', agency: 'MOFA' };
const auditor: Actor = { id: 'u-audit', role: 'auditor' };
const admin: Actor = { id: 'u-admin', role: 'admin' };
const system: Actor = { id: 'system', role: 'system' };
const READERS = [kisa, nis, msitHead, mofaHead, auditor];
const OPEN: FollowUpStatus[] = [
  'assigned',
  'routed',
  'acknowledged',
  'in_progress',
  'submitted',
  'rejected',
  'declined',
  'reassigned',
];

/** Seen through the policy: the host's bureau heads, the current assignee's officers, auditors. */
function sees(actor: Actor, v: FollowUpView): boolean {
  if (actor.role === 'auditor') return true;
  if (actor.role === 'bureau_head') return v.hostAgency === actor.agency;
  if (actor.role === 'agency_officer') return v.assigneeAgency === actor.agency;
  return false;
}

const isOpen = (v: FollowUpView) => v.status !== 'accepted' && v.status !== 'cancelled';

function matches(v: FollowUpView, f: BoardFilter): boolean {
  const statuses = f.status === undefined ? undefined : ([] as FollowUpStatus[]).concat(f.status);
  return (
    (f.agency === undefined || v.assigneeAgency === f.agency) &&
    (statuses === undefined || statuses.includes(v.status)) &&
    (f.open === undefined || isOpen(v) === f.open) &&
    (f.overdue === undefined || (v.overdue && isOpen(v)) === f.overdue) &&
    (f.workshopId === undefined || v.workshopId === f.workshopId)
  );
}

const PRIORITY_RANK = { low: 0, normal: 1, high: 2, urgent: 3 };
function sortKey(v: FollowUpView, sort: BoardSort): string | number {
  if (sort === 'priority') return PRIORITY_RANK[v.priority];
  return sort === 'dueAt' ? v.dueAt : v.lastChangedAt;
}
function ordered(views: FollowUpView[], sort: BoardSort, order: 'asc' | 'desc'): string[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...views]
    .sort((a, b) => {
      const ka = sortKey(a, sort);
      const kb = sortKey(b, sort);
      if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
      return (a.followUpId < b.followUpId ? -1 : 1) * sign;
    })
    .map((v) => v.followUpId);
}

/** A task KISA had and declined, now NIS's: KISA's officers must no longer see it. */
function reassignedAwayFromKisa(
  workshopId: string,
  sourceId: string,
): History['followUps'][number] {
  const followUpId = randomUUID();
  const events: DomainEvent[] = [
    {
      type: 'FollowUpAssigned',
      data: {
        followUpId,
        workshopId,
        hostAgency: 'MSIT',
        sourceId,
        sourceKind: 'action',
        assigneeAgency: 'KISA',
        title: 'Declined by KISA',
        dueAt: '2025-03-05T00:00:00.000Z',
        priority: 'high',
      },
    },
    { type: 'FollowUpRouted', data: { followUpId, agency: 'KISA', queue: 'agency-KISA' } },
    { type: 'FollowUpDeclined', data: { followUpId, agency: 'KISA', reason: 'not ours' } },
    {
      type: 'FollowUpReassigned',
      data: { followUpId, fromAgency: 'KISA', assigneeAgency: 'NIS', reason: 'theirs' },
    },
  ];
  return { streamId: `follow-up-${followUpId}`, events };
}

describe('projection queries: scoping, filters, paging', () => {
  let pool: Pool;
  let schema: string;
  let drop: () => Promise<void>;
  let bus: QueryBus;
  let close: () => Promise<void>;
  let views: FollowUpView[];
  let reassignedId: string;
  let workshopIds: string[];
  let expectedWs: ReturnType<typeof expectedWorkshops>;

  beforeAll(async () => {
    pool = createPgPool(testDatabaseUrl(), 4, 'liaison-projection-queries');
    ({ schema, drop } = await createTestSchema(pool, PROJECTIONS));
    const histories = fc.sample(historyArbitrary, { numRuns: 12, seed: 20251128 });
    const workshops = histories.flatMap((h) => h.workshops);
    const followUps = histories.flatMap((h) => h.followUps);
    const msitWorkshop = workshops.find(
      (w) => w.events[0].type === 'WorkshopHeld' && w.events[0].data.hostAgency === 'MSIT',
    );
    if (!msitWorkshop) throw new Error('the sample has no MSIT workshop');
    const source = msitWorkshop.events[1].data as { actionId?: string; requestId?: string };
    const extra = reassignedAwayFromKisa(
      msitWorkshop.streamId.slice('workshop-'.length),
      source.actionId ?? source.requestId ?? '',
    );
    reassignedId = extra.streamId.slice('follow-up-'.length);
    const log = localLog([...workshops, ...followUps, extra], [3, 1, 4, 1, 5, 9, 2, 6]);
    const client = await pool.connect();
    try {
      const ctx = { schema, readStream: async () => [] };
      await client.query('BEGIN');
      for (const p of PROJECTIONS) await p.apply(log, client, ctx);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    views = expectedBoard(log).map((r) => ({
      followUpId: r.follow_up_id as string,
      workshopId: r.workshop_id as string,
      hostAgency: r.host_agency as string,
      sourceId: r.source_id as string,
      sourceKind: r.source_kind as FollowUpView['sourceKind'],
      assigneeAgency: r.assignee_agency as string,
      title: r.title as string,
      status: r.status as FollowUpStatus,
      priority: r.priority as FollowUpView['priority'],
      dueAt: r.due_at as string,
      overdue: r.overdue as boolean,
      escalated: r.escalated as boolean,
      version: r.version as number,
      lastPosition: r.last_position as number,
      lastEventType: r.last_event_type as string,
      lastChangedAt: r.last_changed_at as string,
      createdAt: r.created_at as string,
      officerId: r.officer_id as string | null,
      kind: r.kind as FollowUpView['kind'],
      leadFollowUpId: r.lead_follow_up_id as string | null,
      supportingAgencies: r.supporting_agencies as string[],
      classificationLevel: r.classification_level as FollowUpView['classificationLevel'],
      classificationAgencies: r.classification_agencies as string[],
      classificationPeople: r.classification_people as string[],
    }));
    expectedWs = expectedWorkshops(log);
    workshopIds = expectedWs.workshops.map((w) => w.workshop_id as string);
    ({ queryBus: bus, close } = await startQueryContext(pool, { schema }));
  });
  afterAll(async () => {
    await close();
    await drop();
    await pool.end();
  });

  /** Follows nextCursor to the end, checking no page exceeds the limit. */
  async function allPages(
    next: (cursor?: string) => Promise<Page<FollowUpView>>,
    limit: number,
  ): Promise<FollowUpView[]> {
    const seen: FollowUpView[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 1000; i++) {
      const page = await next(cursor);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      expect(page.stale).toBe(false);
      seen.push(...page.items);
      if (!page.nextCursor) return seen;
      cursor = page.nextCursor;
    }
    throw new Error('paging did not end');
  }

  it('has a dataset that exercises every role', () => {
    for (const actor of READERS)
      expect(views.filter((v) => sees(actor, v)).length).toBeGreaterThan(3);
    expect(views.some((v) => v.overdue && isOpen(v))).toBe(true);
  });

  const filters: BoardFilter[] = [
    {},
    { agency: 'KISA' },
    { agency: 'NIS' },
    { status: 'routed' },
    { status: ['acknowledged', 'in_progress', 'submitted'] },
    { overdue: true },
    { open: true, agency: 'KISA', status: OPEN },
  ];
  const sorts: [BoardSort, 'asc' | 'desc'][] = [
    ['dueAt', 'asc'],
    ['lastChangedAt', 'desc'],
    ['priority', 'desc'],
  ];

  it('ListFollowUps: every actor gets exactly their rows, through every filter, sort and page', async () => {
    for (const actor of READERS) {
      for (const filter of [...filters, { workshopId: workshopIds[0] }]) {
        for (const [sort, order] of sorts) {
          const got = await allPages(
            (cursor) =>
              bus.execute(
                new ListFollowUpsQuery(actor, { ...filter, sort, order, cursor, limit: 7 }),
              ),
            7,
          );
          const want = ordered(
            views.filter((v) => sees(actor, v) && matches(v, filter)),
            sort,
            order,
          );
          expect({ actor: actor.id, filter, sort, ids: got.map((v) => v.followUpId) }).toEqual({
            actor: actor.id,
            filter,
            sort,
            ids: want,
          });
          for (const v of got) expect(v).toEqual(views.find((x) => x.followUpId === v.followUpId));
        }
      }
    }
  });

  it('an officer filtering on another agency gets an empty page, not another agency’s rows', async () => {
    const page = await bus.execute(new ListFollowUpsQuery(kisa, { agency: 'NIS' }));
    expect(page).toEqual({ items: [], nextCursor: null, stale: false });
    expect(views.some((v) => v.assigneeAgency === 'NIS')).toBe(true);
  });

  it('a former assignee loses sight of a reassigned task', async () => {
    expect((await bus.execute(new GetFollowUpViewQuery(kisa, reassignedId))).item).toBeNull();
    expect((await bus.execute(new GetFollowUpViewQuery(nis, reassignedId))).item?.status).toBe(
      'reassigned',
    );
    const kisaIds = (
      await allPages((cursor) => bus.execute(new ListFollowUpsQuery(kisa, { cursor })), 50)
    ).map((v) => v.followUpId);
    expect(kisaIds).not.toContain(reassignedId);
  });

  it('GetFollowUpView answers the row to those who may see it and null to everyone else', async () => {
    for (const v of views) {
      for (const actor of READERS) {
        const { item } = await bus.execute(new GetFollowUpViewQuery(actor, v.followUpId));
        expect(item).toEqual(sees(actor, v) ? v : null);
      }
    }
    expect((await bus.execute(new GetFollowUpViewQuery(auditor, 'not-a-uuid'))).item).toBeNull();
  });

  it('AgencyInbox: an agency’s open tasks, due first; an officer may open only their own', async () => {
    for (const actor of READERS) {
      for (const agency of ['KISA', 'NIS']) {
        if (actor.role === 'agency_officer' && actor.agency !== agency) {
          await expect(bus.execute(new AgencyInboxQuery(actor, agency))).rejects.toBeInstanceOf(
            ReadForbiddenError,
          );
          continue;
        }
        const got = await allPages(
          (cursor) => bus.execute(new AgencyInboxQuery(actor, agency, { cursor, limit: 5 })),
          5,
        );
        const want = views.filter(
          (v) => sees(actor, v) && v.assigneeAgency === agency && isOpen(v),
        );
        expect(got.map((v) => v.followUpId)).toEqual(ordered(want, 'dueAt', 'asc'));
      }
    }
  });

  it('OverdueList: open overdue tasks within scope', async () => {
    for (const actor of READERS) {
      const got = await allPages(
        (cursor) => bus.execute(new OverdueListQuery(actor, { cursor, limit: 3 })),
        3,
      );
      const want = views.filter((v) => sees(actor, v) && v.overdue && isOpen(v));
      expect(got.map((v) => v.followUpId)).toEqual(ordered(want, 'dueAt', 'asc'));
      const kisaOnly = await bus.execute(
        new OverdueListQuery(actor, { agency: 'KISA', limit: 200 }),
      );
      expect(kisaOnly.items.map((v) => v.followUpId)).toEqual(
        ordered(
          want.filter((v) => v.assigneeAgency === 'KISA'),
          'dueAt',
          'asc',
        ),
      );
    }
  });

  it('AgencyWorkload counts only what the actor may see', async () => {
    for (const actor of READERS) {
      const { items } = await bus.execute(new AgencyWorkloadQuery(actor));
      const visible = views.filter((v) => sees(actor, v));
      const agencies = [...new Set(visible.map((v) => v.assigneeAgency))].sort();
      expect(items.map((w) => w.agency)).toEqual(agencies);
      for (const w of items) {
        const mine = visible.filter((v) => v.assigneeAgency === w.agency);
        expect(w.total).toBe(mine.length);
        expect(w.open).toBe(mine.filter(isOpen).length);
        expect(w.overdue).toBe(mine.filter((v) => v.overdue && isOpen(v)).length);
        for (const [status, n] of Object.entries(w.byStatus)) {
          expect(n).toBe(mine.filter((v) => v.status === status).length);
        }
      }
    }
    const { items } = await bus.execute(new AgencyWorkloadQuery(kisa, { agency: 'NIS' }));
    expect(items).toEqual([]);
  });

  it('WorkshopProgress: hosts and auditors see their workshops with counts; officers none', async () => {
    for (const actor of READERS) {
      const visible = expectedWs.workshops.filter(
        (w) =>
          actor.role === 'auditor' ||
          (actor.role === 'bureau_head' && w.host_agency === actor.agency),
      );
      for (const w of expectedWs.workshops) {
        const { item } = await bus.execute(
          new WorkshopProgressQuery(actor, w.workshop_id as string),
        );
        if (!visible.includes(w)) {
          expect(item).toBeNull();
          continue;
        }
        if (!item) throw new Error('expected the workshop');
        const followUps = views.filter((v) => v.workshopId === w.workshop_id && sees(actor, v));
        expect(item.followUps.total).toBe(followUps.length);
        const sources = [...item.actions, ...item.requests];
        expect(sources.map((s) => s.sourceId).sort()).toEqual(
          expectedWs.sources
            .filter((s) => s.workshop_id === w.workshop_id)
            .map((s) => s.source_id)
            .sort(),
        );
        for (const s of sources) {
          const mine = followUps.filter((v) => v.sourceId === s.sourceId);
          const accepted = mine.filter((v) => v.status === 'accepted').length;
          const considered = mine.filter((v) => v.status !== 'cancelled').length;
          expect(s.followUps.total).toBe(mine.length);
          expect(s.followUps.byStatus.accepted).toBe(accepted);
          expect(s.followUps.shareDone).toBe(considered > 0 ? accepted / considered : null);
        }
      }
      const listed: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await bus.execute(new ListWorkshopProgressQuery(actor, { cursor, limit: 2 }));
        listed.push(...page.items.map((w) => w.workshopId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(listed.sort()).toEqual(visible.map((w) => w.workshop_id as string).sort());
    }
  });

  it('refuses admins and system actors on every query', async () => {
    const id = views[0].followUpId;
    for (const actor of [admin, system]) {
      for (const q of [
        new ListFollowUpsQuery(actor),
        new GetFollowUpViewQuery(actor, id),
        new AgencyInboxQuery(actor, 'KISA'),
        new AgencyWorkloadQuery(actor),
        new OverdueListQuery(actor),
        new WorkshopProgressQuery(actor, workshopIds[0]),
        new ListWorkshopProgressQuery(actor),
      ]) {
        await expect(bus.execute(q)).rejects.toBeInstanceOf(ReadForbiddenError);
      }
    }
    // An officer token without an agency must not widen into every agency.
    await expect(
      bus.execute(new ListFollowUpsQuery({ id: 'x', role: 'agency_officer' })),
    ).rejects.toBeInstanceOf(ReadForbiddenError);
  });

  it('refuses malformed parameters and foreign cursors', async () => {
    const page = await bus.execute(new ListFollowUpsQuery(auditor, { limit: 2 }));
    const bad = [
      { limit: 0 },
      { limit: 201 },
      { status: 'lost' as FollowUpStatus },
      { workshopId: 'nope' },
      { cursor: 'garbage' },
      { cursor: page.nextCursor ?? '', sort: 'priority' as const },
      { minPosition: -1 },
    ];
    for (const params of bad) {
      await expect(bus.execute(new ListFollowUpsQuery(auditor, params))).rejects.toBeInstanceOf(
        InvalidReadQueryError,
      );
    }
  });
});
