import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkshop, inDays, kisaOfficer, msitHead } from '../support/fixtures';
import { call } from '../support/http';
import { newContext, seriousViolations, SHOTS_DIR } from './support/web-browser';
import { DEMO_PASSWORD, startWebStack, WebStack } from './support/web-stack';

/** A Seoul wall-clock value (YYYY-MM-DDTHH:MM:SS) for a datetime-local field. */
const seoul = (at: Date) => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 19);

/**
 * The auditor opens a task's trail, picks a time before its start and sees it as it stood then
 * and what changed since, verifies the log and downloads the export (Korean).
 */
describe('web: the auditor', () => {
  let stack: WebStack;

  beforeAll(async () => {
    stack = await startWebStack('audit');
    mkdirSync(SHOTS_DIR, { recursive: true });
  }, 120_000);
  afterAll(() => stack?.close());

  it('sees a task as it stood, what changed since, verifies and exports', async () => {
    const url = stack.api.url;
    const w = await createWorkshop(url);
    const { body } = await call<{ id: string }>(url, 'POST', '/v1/follow-ups', msitHead, {
      workshopId: w.workshopId,
      sourceId: w.actionId,
      assigneeAgency: 'KISA',
      title: '감사 대상 과제',
      dueAt: inDays(3),
    });
    expect(
      (await call(url, 'POST', `/v1/follow-ups/${body.id}/acknowledge`, kisaOfficer)).status,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 1_500));
    const between = new Date();
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await call(url, 'POST', `/v1/follow-ups/${body.id}/start`, kisaOfficer)).status).toBe(
      200,
    );

    const context = await newContext(stack.browser, 'ko-KR');
    const page = await context.newPage();
    try {
      await page.goto(`${url}/audit/follow-ups/${body.id}`);
      await page.getByLabel('아이디').fill('auditor');
      await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '로그인' }).click();
      await page.getByRole('heading', { name: '감사 대상 과제', level: 1 }).waitFor();
      const then = page.getByRole('region', { name: '해당 시점 기준 상태' });
      await then.getByText('처리 중').waitFor(); // now

      await page.getByLabel('기준 시점(서울 시각)').fill(seoul(between));
      await page.getByRole('button', { name: '조회' }).click();
      await then.getByText('접수됨').waitFor();
      const since = page.getByRole('region', { name: '이후 변경 사항' });
      await since.getByText('착수', { exact: true }).waitFor();
      expect(await since.getByText('접수', { exact: true }).count()).toBe(0);

      await page.getByRole('button', { name: '무결성 검증' }).click();
      await page.getByRole('status').filter({ hasText: '정상: 이벤트' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'audit.ko.png'), fullPage: true });

      // The export holds every item: it asks for the reading reason first, by keyboard here.
      await page.getByRole('button', { name: '감사 기록 내려받기(NDJSON)' }).click();
      await page.getByRole('heading', { name: '열람 사유 입력' }).waitFor();
      await page
        .getByRole('textbox', { name: '열람 사유' })
        .fill('2026년 정기 감사 — 이관 전 점검');
      await page.keyboard.press('Tab'); // to 「사유를 남기고 열람」
      await page.keyboard.press('Enter');
      const link = page.getByRole('link', { name: '감사 기록 내려받기(NDJSON)' });
      await link.waitFor();
      expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
      const download = page.waitForEvent('download');
      await page.keyboard.press('Enter');
      const file = await download;
      const lines = (await (await file.createReadStream()).toArray()).join('').split('\n');
      expect(lines.some((line) => line.includes('"FollowUpStarted"'))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('the admin starts on the people of the directory (English)', async () => {
    const context = await newContext(stack.browser, 'en-US');
    const page = await context.newPage();
    try {
      await page.goto(`${stack.api.url}/`);
      await page.getByLabel('User name').fill('admin');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/admin$/);
      await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'kisa.officer' });
      await row.getByText('Officer', { exact: true }).waitFor();
      await page.getByRole('link', { name: 'Queues dashboard' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
