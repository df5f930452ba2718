import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { startProjections, startTestApi, TestApi } from '../support/api';
import { testPool } from '../support/database';
import { createWorkshop, inDays, msitHead, WorkshopFixture } from '../support/fixtures';
import { call, caller, Caller } from '../support/http';
import {
  ensureWebBuilt,
  launchChromium,
  newContext,
  seriousViolations,
  SHOTS_DIR,
} from './support/web-browser';

/**
 * The officer's journey in a real browser against the real API and projections: sign in, find
 * the task in the inbox, acknowledge, start, submit; the pages in Korean and in English; another
 * agency's task is a "not found" page; one journey with the keyboard alone.
 */
describe('web: the officer’s journey', () => {
  let api: TestApi;
  let pool: Pool;
  let stopProjections: () => Promise<void>;
  let browser: Browser;
  let w: WorkshopFixture;

  beforeAll(async () => {
    ensureWebBuilt();
    api = await startTestApi();
    pool = testPool(6);
    stopProjections = await startProjections(pool);
    browser = await launchChromium();
    w = await createWorkshop(api.url);
    mkdirSync(SHOTS_DIR, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stopProjections?.();
    await api?.close();
    await pool?.end();
  });

  async function assign(agency: string, title: string): Promise<string> {
    const res = await call<{ id: string }>(api.url, 'POST', '/v1/follow-ups', msitHead, {
      workshopId: w.workshopId,
      sourceId: w.actionId,
      assigneeAgency: agency,
      title,
      instructions: 'Share the working-level contact and a first assessment.',
      dueAt: inDays(3),
      priority: 'high',
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  /**
   * Signs an officer in through the sign-in page.
   * INTERIM until the session routes (POST /v1/session, GET /v1/me) land: the browser's /v1
   * requests carry the officer's bearer token and those two answers are stood in for, so the
   * page, the redirect and everything after it run for real.
   */
  async function signInAs(
    context: BrowserContext,
    page: Page,
    who: Caller & { login: string },
    next: string,
  ): Promise<void> {
    let signedIn = false;
    await context.route('**/v1/**', async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/v1/session' && route.request().method() === 'POST') {
        const { username } = route.request().postDataJSON() as { username: string };
        if (username !== who.login)
          return route.fulfill({ status: 401, json: { statusCode: 401 } });
        signedIn = true;
        return route.fulfill({ json: { person: {}, csrfToken: 'csrf' } });
      }
      if (path === '/v1/me') {
        if (!signedIn) return route.fulfill({ status: 401, json: { statusCode: 401 } });
        return route.fulfill({
          json: {
            person: {
              id: '00000000-0000-4000-8000-000000000001',
              login: who.login,
              displayName: { ko: '김담당', en: 'Kim Officer' },
              agency: who.agency,
              roles: [who.role],
            },
            delegations: [],
            csrfToken: 'csrf',
          },
        });
      }
      return route.continue({
        headers: { ...route.request().headers(), authorization: `Bearer ${who.token}` },
      });
    });
    await page.goto(`${api.url}${next}`);
    await page.waitForURL(/\/sign-in\?next=/);
  }

  const kisa = { ...caller('agency_officer', 'KISA'), login: 'kisa.officer' };

  it('Korean: signs in, finds the task in the inbox, acknowledges, starts and submits', async () => {
    const id = await assign('KISA', 'AI 보안 위협 정보 공유 창구 지정');
    const context = await newContext(browser, 'ko-KR');
    const page = await context.newPage();
    try {
      await signInAs(context, page, kisa, '/inbox');
      expect(await page.getAttribute('html', 'lang')).toBe('ko');
      await page.getByLabel('아이디').fill('kisa.officer');
      await page.getByLabel('비밀번호').fill('liaison-demo');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'sign-in.ko.png') });
      await page.getByRole('button', { name: '로그인' }).click();

      await page.waitForURL(/\/inbox$/);
      await page.getByRole('heading', { name: '받은 과제', level: 1 }).waitFor();
      const link = page.getByRole('link', { name: 'AI 보안 위협 정보 공유 창구 지정' });
      await link.waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'inbox.ko.png'), fullPage: true });
      await link.click();

      await page.waitForURL(`**/follow-ups/${id}`);
      await page.getByRole('heading', { name: 'AI 보안 위협 정보 공유 창구 지정' }).waitFor();
      expect(await page.getByRole('button', { name: '착수' }).count()).toBe(0);
      await page.getByRole('button', { name: '접수', exact: true }).click();
      await page.getByRole('status').filter({ hasText: '접수 처리되었습니다.' }).waitFor();
      await page.getByText('접수됨').first().waitFor();

      await page.getByRole('button', { name: '착수' }).click();
      await page.getByText('처리 중').first().waitFor();

      await page.getByRole('button', { name: '결과 제출' }).click();
      await page.getByLabel('처리 결과').fill('실무 담당자를 지정하고 1차 평가 결과를 공유함');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'follow-up.submit.ko.png'), fullPage: true });
      await page.locator('form').getByRole('button', { name: '결과 제출' }).click();
      await page.getByText('제출됨').first().waitFor();
      await page.getByText('실무 담당자를 지정하고 1차 평가 결과를 공유함').waitFor();
      await page.screenshot({
        path: join(SHOTS_DIR, 'follow-up.submitted.ko.png'),
        fullPage: true,
      });

      const task = await call<{ status: string; response: string }>(
        api.url,
        'GET',
        `/v1/follow-ups/${id}`,
        msitHead,
      );
      expect(task.body).toMatchObject({
        status: 'submitted',
        response: '실무 담당자를 지정하고 1차 평가 결과를 공유함',
      });
    } finally {
      await context.close();
    }
  });
});
