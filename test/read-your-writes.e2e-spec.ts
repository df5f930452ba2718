import { Pool } from 'pg';
import { startProjections, startTestApi, TestApi } from './support/api';
import { testPool } from './support/database';
import { createWorkshop, inDays, kisaOfficer, msitHead, WorkshopFixture } from './support/fixtures';
import { call } from './support/http';

interface BoardPage {
  items: { followUpId: string; status: string; version: number }[];
  nextCursor: string | null;
  stale: boolean;
}

/** A screen never shows the state from before the user's own change. */
describe('read your writes', () => {
  let api: TestApi;
  let pool: Pool;
  let stopProjections: () => Promise<void>;
  let w: WorkshopFixture;

  beforeAll(async () => {
    api = await startTestApi();
    pool = testPool(6);
    stopProjections = await startProjections(pool);
    w = await createWorkshop(api.url);
  });
  afterAll(async () => {
    await stopProjections();
    await api.close();
    await pool.end();
  });

  it('shows each command’s effect on the board when queried with its position', async () => {
    const assigned = await call<{ id: string; position: number }>(
      api.url,
      'POST',
      '/v1/follow-ups',
      msitHead,
      {
        workshopId: w.workshopId,
        sourceId: w.actionId,
        assigneeAgency: 'KISA',
        title: 'Read your writes',
        dueAt: inDays(4),
      },
    );
    const board = await call<BoardPage>(
      api.url,
      'GET',
      `/v1/follow-ups?workshopId=${w.workshopId}&minPosition=${assigned.body.position}`,
      kisaOfficer,
    );
    expect(board.status).toBe(200);
    expect(board.body.stale).toBe(false);
    expect(board.body.items.map((i) => i.followUpId)).toContain(assigned.body.id);

    for (const verb of ['acknowledge', 'start']) {
      const done = await call<{ position: number; version: number }>(
        api.url,
        'POST',
        `/v1/follow-ups/${assigned.body.id}/${verb}`,
        kisaOfficer,
        {},
      );
      // The header form of the same request, on the first page; later pages (other specs'
      // KISA tasks due sooner may fill the first) are read without it.
      let row: BoardPage['items'][number] | undefined;
      let cursor: string | null = null;
      do {
        const inbox: { body: BoardPage } = await call<BoardPage>(
          api.url,
          'GET',
          `/v1/agencies/KISA/inbox?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          kisaOfficer,
          undefined,
          cursor ? {} : { 'x-min-position': String(done.body.position) },
        );
        row = inbox.body.items.find((i) => i.followUpId === assigned.body.id);
        cursor = inbox.body.nextCursor;
      } while (!row && cursor);
      expect(row).toMatchObject({ version: done.body.version });
    }
  });

  it('answers a position the view cannot reach in time, flagged stale', async () => {
    // The board's checkpoint row is held, so no runner can record progress past it.
    const holder = await pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(
        `SELECT 1 FROM subscription_checkpoints WHERE name = 'projection:follow-up-board' FOR UPDATE`,
      );
      const assigned = await call<{ position: number }>(
        api.url,
        'POST',
        '/v1/follow-ups',
        msitHead,
        {
          workshopId: w.workshopId,
          sourceId: w.actionId,
          assigneeAgency: 'KISA',
          title: 'A task the board has not seen yet',
          dueAt: inDays(5),
        },
      );
      const res = await call<BoardPage>(
        api.url,
        'GET',
        `/v1/follow-ups?minPosition=${assigned.body.position}`,
        kisaOfficer,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('x-liaison-stale')).toBe('true');
      expect(res.body.stale).toBe(true);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
  }, 10_000);

  it('refuses a position beyond the head of the log at once, by name', async () => {
    const res = await call(api.url, 'GET', '/v1/follow-ups?minPosition=999999999999', kisaOfficer);
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toContain('minPosition');
  });

  it('refuses a malformed position by name', async () => {
    const res = await call(api.url, 'GET', '/v1/follow-ups?minPosition=soon', kisaOfficer);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('minPosition');
  });
});
