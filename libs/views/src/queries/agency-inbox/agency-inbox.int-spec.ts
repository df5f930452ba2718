/** The inbox's officer column and scopes (mine, agency, unclaimed) on a real board table, and
 * the officer's name resolved from the directory's `people` table when the page is served. */
import { randomUUID } from 'node:crypto';
import { QueryBus } from '@nestjs/cqrs';
import { Pool } from 'pg';
import { createPgPool } from '@liaison/platform';
import { Actor, DomainEvent } from '@liaison/follow-up';
import { PROJECTIONS } from '../../projections.registry';
import { StreamHistory } from '../../testing/follow-up-history.arbitrary';
import { localLog } from '../../testing/local-log';
import { startQueryContext } from '../../testing/query-test-module';
import { createTestSchema } from '../../testing/test-databases';
import { testDatabaseUrl } from '../../../../../test/support/throwaway-database';
import { FollowUpView, Page } from '../follow-up-view';
import { ListFollowUpsQuery } from '../list-follow-ups/list-follow-ups.query';
import { InvalidReadQueryError } from '../read.errors';
import { AgencyInboxQuery, InboxScope } from './agency-inbox.query';

const kim = randomUUID(); // an officer of KISA the directory knows
const lee = randomUUID(); // another, handed a task
const park = randomUUID(); // named on assignment, then the task went elsewhere
const kimActor: Actor = { id: kim, role: 'agency_officer', agency: 'KISA' };
const leeActor: Actor = { id: lee, role: 'agency_officer', agency: 'KISA' };
const leeActingForKim: Actor = { ...leeActor, onBehalfOf: { id: kim } };
const msitHead: Actor = { id: randomUUID(), role: 'bureau_head', agency: 'MSIT' };

const workshopId = randomUUID();
const sourceId = randomUUID();
const DAY = 86_400_000;

function task(
  dueInDays: number,
  then: (followUpId: string) => DomainEvent[],
  officerId?: string,
  assigneeAgency = 'KISA',
): StreamHistory & { id: string } {
  const followUpId = randomUUID();
  const assigned: DomainEvent = {
    type: 'FollowUpAssigned',
    data: {
      followUpId,
      workshopId,
      hostAgency: 'MSIT',
      sourceId,
      sourceKind: 'action',
      assigneeAgency,
      title: `Task due in ${dueInDays} days`,
      dueAt: new Date(Date.parse('2025-03-01T00:00:00.000Z') + dueInDays * DAY).toISOString(),
      priority: 'normal',
      ...(officerId !== undefined && { officerId }),
    },
  };
  return {
    id: followUpId,
    streamId: `follow-up-${followUpId}`,
    events: [assigned, ...then(followUpId)],
  };
}

const claimedByKim = task(5, (followUpId) => [
  { type: 'FollowUpClaimed', data: { followUpId, agency: 'KISA', officerId: kim } },
]);
const kimsOverdue = task(
  1,
  (followUpId) => [
    {
      type: 'FollowUpOverdue',
      data: { followUpId, agency: 'KISA', dueAt: '2025-03-02T00:00:00.000Z' },
    },
  ],
  kim,
);
const handedToLee = task(3, (followUpId) => [
  { type: 'FollowUpClaimed', data: { followUpId, agency: 'KISA', officerId: kim } },
  {
    type: 'FollowUpHandedOver',
    data: { followUpId, agency: 'KISA', fromOfficerId: kim, officerId: lee, reason: 'leave' },
  },
]);
const unclaimed = task(2, () => []);
// Named to AISI's Park, then moved to KISA without an officer: unclaimed there.
const reassignedAway = task(
  4,
  (followUpId) => [
    {
      type: 'FollowUpDeclined',
      data: { followUpId, agency: 'AISI', reason: 'KISA owns this' },
    },
    {
      type: 'FollowUpReassigned',
      data: { followUpId, fromAgency: 'AISI', assigneeAgency: 'KISA', reason: 'remit' },
    },
  ],
  park,
  'AISI',
);
const closedOfKim = task(
  6,
  (followUpId) => [{ type: 'FollowUpCancelled', data: { followUpId, reason: 'moot' } }],
  kim,
);

describe('inbox scopes and the officer column', () => {
  let pool: Pool;
  let bus: QueryBus;
  let close: () => Promise<void>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    pool = createPgPool(testDatabaseUrl(), 2, 'liaison-inbox-officers');
    let schema: string;
    ({ schema, drop } = await createTestSchema(pool, PROJECTIONS));
    const log = localLog(
      [claimedByKim, kimsOverdue, handedToLee, unclaimed, reassignedAway, closedOfKim],
      [0],
    );
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (const p of PROJECTIONS)
        await p.apply(log, client, { schema, readStream: async () => [] });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    // Kim is in the directory (the people table the directory lib keeps); Lee is not (yet).
    await pool.query(
      `INSERT INTO people (id, login, display_name_ko, display_name_en, email, agency, roles,
         active, version, updated_at)
       VALUES ($1, $2, '김담당', 'Kim Damdang', 'kim@kisa.example', 'KISA',
         '{agency_officer}', true, 1, now())`,
      [kim, `kim.${kim.slice(0, 8)}`],
    );
    ({ queryBus: bus, close } = await startQueryContext(pool, { schema }));
  });
  afterAll(async () => {
    await close();
    await drop();
    await pool.query('DELETE FROM people WHERE id = $1', [kim]);
    await pool.end();
  });

  const inbox = async (actor: Actor, scope?: InboxScope) => {
    const page: Page<FollowUpView> = await bus.execute(
      new AgencyInboxQuery(actor, 'KISA', scope === undefined ? {} : { scope }),
    );
    return page.items;
  };
  const ids = (items: FollowUpView[]) => items.map((i) => i.followUpId);

  it("mine: the caller's own open tasks only, due soon first, the overdue one marked", async () => {
    const items = await inbox(kimActor, 'mine');
    expect(ids(items)).toEqual([kimsOverdue.id, claimedByKim.id]);
    expect(items.map((i) => i.overdue)).toEqual([true, false]);
    expect(items.every((i) => i.officerId === kim)).toBe(true);
    expect(ids(await inbox(leeActor, 'mine'))).toEqual([handedToLee.id]);
  });

  it('mine under a delegation (대결): the tasks of the person acted for', async () => {
    expect(ids(await inbox(leeActingForKim, 'mine'))).toEqual([kimsOverdue.id, claimedByKim.id]);
  });

  it('unclaimed: the pool, including a task reassigned without an officer', async () => {
    expect(ids(await inbox(kimActor, 'unclaimed'))).toEqual([unclaimed.id, reassignedAway.id]);
  });

  it('agency (the default): every open task, each with its officer or null', async () => {
    const items = await inbox(kimActor);
    expect(ids(items)).toEqual([
      kimsOverdue.id,
      unclaimed.id,
      handedToLee.id,
      reassignedAway.id,
      claimedByKim.id,
    ]);
    expect(items.map((i) => i.officerId)).toEqual([kim, null, lee, null, kim]);
    expect(ids(await inbox(kimActor, 'agency'))).toEqual(ids(items));
  });

  it('names the officer the directory knows, in Korean and English; an unknown one by id only', async () => {
    const items = await inbox(kimActor);
    const byId = new Map(
      items.map((i) => [i.followUpId, i as FollowUpView & Record<string, unknown>]),
    );
    expect(byId.get(claimedByKim.id)?.officerName).toEqual({ ko: '김담당', en: 'Kim Damdang' });
    expect(byId.get(handedToLee.id)?.officerName).toBeUndefined();
    expect(byId.get(unclaimed.id)).not.toHaveProperty('officerName');
  });

  it('the board filters by officer and by unclaimed, within the caller’s scope', async () => {
    const board = async (actor: Actor, params: object) =>
      ids((await bus.execute(new ListFollowUpsQuery(actor, params))).items);
    expect(await board(msitHead, { officerId: kim, open: true })).toEqual([
      kimsOverdue.id,
      claimedByKim.id,
    ]);
    expect(await board(msitHead, { officerId: kim })).toContain(closedOfKim.id);
    expect(await board(msitHead, { unclaimed: true })).toEqual([unclaimed.id, reassignedAway.id]);
  });

  it('refuses an unknown scope, naming it', async () => {
    await expect(
      bus.execute(new AgencyInboxQuery(kimActor, 'KISA', { scope: 'team' as InboxScope })),
    ).rejects.toThrow(InvalidReadQueryError);
    await expect(
      bus.execute(new AgencyInboxQuery(kimActor, 'KISA', { scope: 'team' as InboxScope })),
    ).rejects.toThrow('scope must be one of agency, mine, unclaimed');
  });
});
