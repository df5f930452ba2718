import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { auditor, createWorkshop, inDays, kisaOfficer, msitHead } from '../support/fixtures';
import { call } from '../support/http';
import { newContext, seriousViolations, SHOTS_DIR } from './support/web-browser';
import { DEMO_PASSWORD, startWebStack, WebStack } from './support/web-stack';

/**
 * The auditor's history (/audit): filters by type, stream, actor and time kept in the address
 * and applied by the API (the page asks /v1/audit/events with them), a stream's link to the
 * task's trail, and the access log naming the auditor's own reads.
 */
describe('web: the auditor’s history and access log', () => {
  let stack: WebStack;

  beforeAll(async () => {
    stack = await startWebStack('audit_history');
    mkdirSync(SHOTS_DIR, { recursive: true });
  }, 120_000);
  afterAll(() => stack?.close());

  it('filters the history and reads the access log (Korean, then English)', async () => {
    const url = stack.api.url;
    const w = await createWorkshop(url);
    const ids: string[] = [];
    for (const title of ['이력 과제 하나', '이력 과제 둘']) {
      const { body } = await call<{ id: string }>(url, 'POST', '/v1/follow-ups', msitHead, {
        workshopId: w.workshopId,
        sourceId: w.actionId,
        assigneeAgency: 'KISA',
        title,
        dueAt: inDays(3),
      });
      ids.push(body.id);
    }
    expect(
      (await call(url, 'POST', `/v1/follow-ups/${ids[0]}/acknowledge`, kisaOfficer)).status,
    ).toBe(200);
    const before = new Date(Date.now() - 60 * 60_000);

    const context = await newContext(stack.browser, 'ko-KR');
    const page = await context.newPage();
    try {
      await page.goto(`${url}/audit?type=FollowUpAcknowledged`);
      await page.getByLabel('아이디').fill('auditor');
      await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '로그인' }).click();
      const history = page.getByRole('region', { name: '이벤트 이력' });
      await history.getByRole('status').filter({ hasText: '조건에 맞는 이벤트 1건' }).waitFor();
      await history.getByRole('link', { name: `follow-up-${ids[0]}` }).waitFor();
      expect(await history.getByLabel('이벤트 유형').inputValue()).toBe('FollowUpAcknowledged');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'audit.history.ko.png'), fullPage: true });

      // A stream: both of the task's events (assigned, acknowledged), none of the other's.
      await history.getByLabel('이벤트 유형').fill('');
      await history.getByLabel('스트림').fill(`follow-up-${ids[0]}`);
      const asked = page.waitForRequest((r) => r.url().includes('/v1/audit/events?'));
      await history.getByRole('button', { name: '검색' }).click();
      await page.waitForURL(/stream=follow-up-/);
      // the filter goes to the API, not a sieve in the page
      expect(new URL((await asked).url()).searchParams.get('stream')).toBe(`follow-up-${ids[0]}`);
      await history.getByRole('status').filter({ hasText: '조건에 맞는 이벤트 2건' }).waitFor();
      expect(await history.getByText(`follow-up-${ids[1]}`).count()).toBe(0);

      // Time: nothing before an hour ago; everything of both tasks from then.
      await history.getByLabel('스트림').fill('');
      const seoul = (at: Date) => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 19);
      await history.getByLabel('종료 시점(서울 시각, 미포함)').fill(seoul(before));
      await history.getByRole('button', { name: '검색' }).click();
      await history.getByRole('status').filter({ hasText: '조건에 맞는 이벤트 0건' }).waitFor();
      await history.getByLabel('종료 시점(서울 시각, 미포함)').fill('');
      await history.getByLabel('시작 시점(서울 시각)').fill(seoul(before));
      await history.getByLabel('이벤트 유형').fill('FollowUpAssigned');
      await history.getByRole('button', { name: '검색' }).click();
      await history.getByRole('status').filter({ hasText: '조건에 맞는 이벤트 2건' }).waitFor();

      // Actor: the one who assigned them (the bureau head's token subject).
      const assigned = await call<{ events: { type: string; metadata: { actor: string } }[] }>(
        url,
        'GET',
        `/v1/audit/streams/follow-up-${ids[1]}`,
        auditor,
      );
      const actor = assigned.body.events[0].metadata.actor;
      await history.getByLabel('처리자(사용자 ID)').fill('someone-else');
      await history.getByRole('button', { name: '검색' }).click();
      await history.getByRole('status').filter({ hasText: '조건에 맞는 이벤트 0건' }).waitFor();
      await history.getByLabel('처리자(사용자 ID)').fill(actor);
      await history.getByRole('button', { name: '검색' }).click();
      await history.getByRole('status').filter({ hasText: '조건에 맞는 이벤트 2건' }).waitFor();

      // The access log names this auditor's own reads of the history, newest first.
      const log = page.getByRole('region', { name: '열람 기록' });
      await page.reload();
      await log.getByRole('cell', { name: '이력 조회' }).first().waitFor();
      await log
        .getByRole('cell', { name: `follow-up-${ids[0]}` })
        .first()
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'English' }).click();
      await page
        .getByRole('region', { name: 'History' })
        .getByText(/2 events match/)
        .waitFor();
      await page
        .getByRole('region', { name: 'Access log' })
        .getByRole('cell', { name: 'Read the history' })
        .first()
        .waitFor();
    } finally {
      await context.close();
    }
  });
});
