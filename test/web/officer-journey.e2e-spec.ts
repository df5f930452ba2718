/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { TestApi } from '../support/api';
import { createWorkshop, inDays, msitHead, WorkshopFixture } from '../support/fixtures';
import { call } from '../support/http';
import { newContext, seriousViolations, SHOTS_DIR } from './support/web-browser';
import { DEMO_PASSWORD, startWebStack, WebStack } from './support/web-stack';

/**
 * The officer's journey in a real browser against the real API and projections: sign in, find
 * the task in the inbox, claim, acknowledge, start, submit; the pages in Korean and in English;
 * another agency's task is a "not found" page; one journey with the keyboard alone.
 */
describe('web: the officer’s journey', () => {
  let stack: WebStack;
  let api: TestApi;
  let browser: Browser;
  let w: WorkshopFixture;

  beforeAll(async () => {
    stack = await startWebStack('officer');
    ({ api, browser } = stack);
    w = await createWorkshop(api.url);
    mkdirSync(SHOTS_DIR, { recursive: true });
  }, 120_000);
  afterAll(() => stack?.close());

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

  /** Opens a page while signed out: the app sends the person to the sign-in page. */
  async function openSignedOut(page: Page, next: string): Promise<void> {
    await page.goto(`${api.url}${next}`);
    await page.waitForURL(/\/sign-in\?next=/);
  }

  it('Korean: signs in, finds the task in the inbox, acknowledges, starts and submits', async () => {
    const id = await assign('KISA', 'AI 보안 위협 정보 공유 창구 지정');
    const context = await newContext(browser, 'ko-KR');
    const page = await context.newPage();
    try {
      await openSignedOut(page, '/inbox');
      expect(await page.getAttribute('html', 'lang')).toBe('ko');
      await page.getByLabel('아이디').fill('kisa.officer');
      await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
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
      await page.getByRole('button', { name: '담당하기' }).click();
      await page.getByRole('status').filter({ hasText: '담당하기 처리되었습니다.' }).waitFor();
      expect(await page.getByRole('button', { name: '담당하기' }).count()).toBe(0);
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
      // the history says what happened, who did it and when
      const timeline = page.getByRole('region', { name: '처리 이력' });
      for (const step of ['과제 배정', '담당자 지정', '접수', '착수', '결과 제출']) {
        await timeline.getByText(step, { exact: true }).waitFor();
      }
      await timeline.getByText('결과 제출 · 본인').waitFor();
      await timeline.getByText('실무 담당자를 지정하고 1차 평가 결과를 공유함').waitFor();
      await page.screenshot({
        path: join(SHOTS_DIR, 'follow-up.submitted.ko.png'),
        fullPage: true,
      });

      // the claimed task is among "my tasks", with its officer named
      await page.getByRole('navigation').getByRole('link', { name: '받은 과제' }).click();
      await page.getByRole('heading', { name: '받은 과제', level: 1 }).waitFor();
      await page.getByRole('button', { name: '내 과제' }).click();
      const mine = page.getByRole('row').filter({ hasText: 'AI 보안 위협 정보 공유 창구 지정' });
      await mine.getByText('제출됨').waitFor();
      expect(await page.getByRole('button', { name: '내 과제' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await page.screenshot({ path: join(SHOTS_DIR, 'inbox.mine.ko.png'), fullPage: true });

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

  it('English: the same journey’s pages and verbs, the language switch on every page', async () => {
    const id = await assign('KISA', 'Name the AI threat information contact');
    const context = await newContext(browser, 'en-US');
    const page = await context.newPage();
    try {
      await openSignedOut(page, `/follow-ups/${id}`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
      await page.getByLabel('User name').fill('kisa.officer');
      await page.getByLabel('Password').fill('wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'not correct' }).waitFor();
      await page.getByLabel('User name').fill('kisa.officer');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();

      // back to the page asked for before signing in
      await page.waitForURL(`**/follow-ups/${id}`);
      await page.getByRole('heading', { name: 'Name the AI threat information contact' }).waitFor();
      await page.getByRole('button', { name: 'Acknowledge' }).click();
      await page.getByText('Done: Acknowledge.').waitFor();
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByRole('button', { name: 'Record progress' }).click();
      await page.getByLabel('Progress so far').fill('Contact named; assessment under way');
      await page.locator('form').getByRole('button', { name: 'Record progress' }).click();
      await page.getByText('Done: Record progress.').waitFor();
      await page
        .getByRole('region', { name: 'Details' })
        .getByText('Contact named; assessment under way')
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'follow-up.en.png'), fullPage: true });

      await page.getByRole('navigation').getByRole('link', { name: 'Inbox' }).click();
      await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
      const row = page
        .getByRole('row')
        .filter({ hasText: 'Name the AI threat information contact' });
      await row.getByText('In progress').waitFor();

      // network loss: a banner says so, and goes once the connection is back
      await context.setOffline(true);
      const offline = page.getByRole('alert').filter({ hasText: 'You are offline' });
      await offline.waitFor();
      await context.setOffline(false);
      await offline.waitFor({ state: 'detached' });

      await page.getByRole('button', { name: '한국어' }).click();
      await page.getByRole('heading', { name: '받은 과제', level: 1 }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('ko');
      expect(await page.getByRole('button', { name: '한국어' }).getAttribute('aria-pressed')).toBe(
        'true',
      );

      // sign out: the session is gone, a page of the app asks to sign in again
      await page.getByRole('button', { name: '로그아웃' }).click();
      await page.waitForURL(/\/sign-in$/);
      await page.goto(`${api.url}/inbox`);
      await page.waitForURL(/\/sign-in\?next=%2Finbox$/);
    } finally {
      await context.close();
    }
  });

  it('a refusal from the IdP comes back to the sign-in page as a message', async () => {
    const context = await newContext(browser, 'ko-KR');
    const page = await context.newPage();
    try {
      await page.goto(`${api.url}/sign-in?error=inactive_person`);
      await page
        .getByRole('alert')
        .filter({ hasText: '기관 통합 로그인에 실패했습니다(inactive_person)' })
        .waitFor();
    } finally {
      await context.close();
    }
  });

  it('another agency’s task is a "not found" page, with no task data in any answer', async () => {
    const title = 'FSI-only task: payment sector AI incidents';
    const id = await assign('FSI', title);
    const context = await newContext(browser, 'en-US');
    const page = await context.newPage();
    const bodies: string[] = [];
    page.on('response', async (response) => {
      if (new URL(response.url()).pathname.startsWith('/v1/')) {
        bodies.push(await response.text().catch(() => ''));
      }
    });
    try {
      await openSignedOut(page, `/follow-ups/${id}`);
      await page.getByLabel('User name').fill('kisa.officer');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`**/follow-ups/${id}`);
      await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
      expect(await page.getByText(title).count()).toBe(0);
      expect(bodies.length).toBeGreaterThan(0);
      for (const body of bodies) expect(body).not.toContain('payment sector');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'not-found.en.png') });
    } finally {
      await context.close();
    }
  });

  it('keyboard alone: sign in, open the task from the inbox, acknowledge and start', async () => {
    const title = 'Keyboard journey task';
    await assign('KISA', title);
    const context = await newContext(browser, 'ko-KR');
    const page = await context.newPage();
    /** Tab until the focused element is the one named, as a keyboard user would. */
    async function tabTo(name: string): Promise<void> {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const label = el?.id ? document.querySelector(`label[for="${el.id}"]`) : null;
          return (label?.textContent ?? el?.textContent ?? '').trim();
        });
        if (focused === name) return;
      }
      throw new Error(`could not reach "${name}" with Tab`);
    }
    try {
      await openSignedOut(page, '/inbox');
      await page.getByRole('heading', { name: '로그인', level: 1 }).waitFor();
      await tabTo('아이디');
      await page.keyboard.type('kisa.officer');
      await tabTo('비밀번호');
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: '받은 과제', level: 1 }).waitFor();
      await page.getByRole('link', { name: title }).waitFor();
      await tabTo(title);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      // focus moved to the new page's heading: the next Tab continues from there
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await tabTo('접수');
      await page.keyboard.press('Enter');
      await page.getByText('접수 처리되었습니다.').waitFor();
      await tabTo('착수');
      await page.keyboard.press('Enter');
      await page.getByText('착수 처리되었습니다.').waitFor();
      await page.getByText('처리 중').first().waitFor();
      // submit: the button opens the field, which takes the focus; Tab reaches the form's button
      await tabTo('결과 제출');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await page.keyboard.type('키보드로 제출한 처리 결과');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('결과 제출');
      await page.keyboard.press('Enter');
      await page.getByText('결과 제출 처리되었습니다.').waitFor();
      await page.getByText('제출됨').first().waitFor();
    } finally {
      await context.close();
    }
  });
});
