import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DirectoryCommands, systemMeta } from '@liaison/directory';
import { createWorkshop, inDays, kisaOfficer, msitHead } from '../support/fixtures';
import { call } from '../support/http';
import { newContext, seriousViolations, SHOTS_DIR } from './support/web-browser';
import { DEMO_PASSWORD, startWebStack, WebStack } from './support/web-stack';

/**
 * 대결: a KISA colleague on leave delegated to kisa.officer; their task shows no verbs to
 * kisa.officer until they choose "acting for" in the masthead; then the verbs are the
 * colleague's, the API accepts them (X-On-Behalf-Of), and the history names both people.
 */
describe('web: acting for a colleague (대결)', () => {
  let stack: WebStack;
  let deputy: string;

  beforeAll(async () => {
    stack = await startWebStack('acting_for');
    mkdirSync(SHOTS_DIR, { recursive: true });
    const directory = stack.api.app.get(DirectoryCommands);
    ({ personId: deputy } = await directory.registerPerson(
      {
        login: 'kisa.onleave',
        displayName: { ko: '최휴가', en: 'Choi Onleave' },
        email: 'kisa.onleave@liaison.invalid',
        agency: 'KISA',
        roles: ['agency_officer'],
      },
      systemMeta('spec'),
    ));
    const { rows } = await stack.db.pool.query<{ id: string }>(
      `SELECT id FROM people WHERE login = 'kisa.officer'`,
    );
    await directory.grantDelegation(
      {
        fromPerson: deputy,
        toPerson: rows[0].id,
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: inDays(7),
        reason: '연가',
      },
      systemMeta('spec'),
    );
  }, 120_000);
  afterAll(() => stack?.close());

  it('acts for the colleague on their task', async () => {
    const url = stack.api.url;
    const w = await createWorkshop(url);
    const { body } = await call<{ id: string }>(url, 'POST', '/v1/follow-ups', msitHead, {
      workshopId: w.workshopId,
      sourceId: w.actionId,
      assigneeAgency: 'KISA',
      title: '대결 대상 과제',
      dueAt: inDays(3),
    });
    expect(
      (
        await call(url, 'POST', `/v1/follow-ups/${body.id}/hand-over`, kisaOfficer, {
          officerId: deputy,
        })
      ).status,
    ).toBe(200);

    const context = await newContext(stack.browser, 'ko-KR');
    const page = await context.newPage();
    try {
      await page.goto(`${url}/follow-ups/${body.id}`);
      await page.getByLabel('아이디').fill('kisa.officer');
      await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '로그인' }).click();
      await page.getByRole('heading', { name: '대결 대상 과제', level: 1 }).waitFor();
      await page.getByText('지금 이 과제에서 처리할 일이 없습니다.').waitFor(); // not theirs

      await page.getByLabel('대결', { exact: true }).selectOption({ label: '최휴가 대결' });
      await page.getByRole('button', { name: '접수' }).click();
      await page.getByRole('status').filter({ hasText: '접수 처리되었습니다.' }).waitFor();
      const history = page.getByRole('region', { name: '처리 이력' });
      await history.getByText('최휴가 대결').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({
        path: join(SHOTS_DIR, 'follow-up.acting-for.ko.png'),
        fullPage: true,
      });

      // Back to acting as themself: the colleague's task offers nothing again.
      await page.getByLabel('대결', { exact: true }).selectOption({ label: '본인' });
      await page.getByRole('button', { name: '착수' }).waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
    const events = await stack.db.pool.query<{ metadata: Record<string, unknown> }>(
      `SELECT metadata FROM events WHERE stream_id = $1 AND type = 'FollowUpAcknowledged'`,
      [`follow-up-${body.id}`],
    );
    expect(events.rows[0].metadata.on_behalf_of).toBe(deputy);
  });

  it('names a colleague to act for them from the inbox (대결 지정)', async () => {
    const context = await newContext(stack.browser, 'ko-KR');
    const page = await context.newPage();
    const day = (days: number) =>
      new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
    try {
      await page.goto(`${stack.api.url}/inbox`);
      await page.getByLabel('아이디').fill('kisa.officer');
      await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '로그인' }).click();
      const panel = page.getByRole('region', { name: '대결 지정' });
      await panel.getByLabel('대결자(대신 처리할 담당자)').selectOption({ label: '최휴가' });
      await panel.getByLabel('시작일').fill(day(1));
      await panel.getByLabel('종료일').fill(day(3));
      await panel.getByLabel('사유(예: 연가, 출장)').fill('해외 출장');
      await panel.getByRole('button', { name: '대결 지정' }).click();
      await panel.getByRole('status').filter({ hasText: '대결이 지정되었습니다.' }).waitFor();
      await panel.getByText(/^최휴가 대결: /).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'inbox.delegation.ko.png'), fullPage: true });
    } finally {
      await context.close();
    }
    const { rows } = await stack.db.pool.query<{ reason: string }>(
      `SELECT reason FROM delegations WHERE to_person = $1`,
      [deputy],
    );
    expect(rows.map((r) => r.reason)).toEqual(['해외 출장']);
  });
});
