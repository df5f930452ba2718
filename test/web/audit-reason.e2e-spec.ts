import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { auditor, createWorkshop, inDays, msitHead } from '../support/fixtures';
import { call } from '../support/http';
import { newContext, seriousViolations, SHOTS_DIR } from './support/web-browser';
import { DEMO_PASSWORD, startWebStack, WebStack } from './support/web-stack';

/**
 * The auditor filters the history on the server: it holds a restricted task's event, so the API
 * refuses without X-Audit-Reason, the page says so and asks for the reason, then reads with it
 * (in Korean, percent-encoded in the header) and the access log keeps it; the task's trail then
 * opens with the same reason. Keyboard only for the reason; Korean, then English (the task).
 */
describe('web: the auditor’s reason for reading a restricted task', () => {
  let stack: WebStack;
  let restricted: string;
  let open: string;
  const REASON = '2026년 정기 감사 — 합의 사항 이행 점검';

  beforeAll(async () => {
    stack = await startWebStack('audit_reason');
    mkdirSync(SHOTS_DIR, { recursive: true });
    const url = stack.api.url;
    const w = await createWorkshop(url);
    const make = async (title: string, classification?: object) =>
      (
        await call<{ id: string }>(url, 'POST', '/v1/follow-ups', msitHead, {
          workshopId: w.workshopId,
          sourceId: w.actionId,
          assigneeAgency: 'KISA',
          title,
          dueAt: inDays(5),
          ...(classification && { classification }),
        })
      ).body.id;
    restricted = await make('제한 과제: 위협 정보 공유', {
      level: 'restricted',
      agencies: ['KISA'],
    });
    open = await make('공개 과제: 실무 협의');
  }, 120_000);
  afterAll(() => stack?.close());

  async function signIn(page: Page, path: string, user: string, password: string, ko: boolean) {
    await page.goto(`${stack.api.url}${path}`);
    await page.getByLabel(ko ? '아이디' : 'User name').fill(user);
    await page.getByLabel(ko ? '비밀번호' : 'Password').fill(password);
    await page.getByRole('button', { name: ko ? '로그인' : 'Sign in' }).click();
  }

  it('filters on the server, asks the reason, reads with it, logs it (Korean)', async () => {
    const context = await newContext(stack.browser, 'ko-KR');
    const page = await context.newPage();
    try {
      const asked = page.waitForRequest((r) => r.url().includes('/v1/audit/events?'));
      await signIn(page, '/audit?type=FollowUpAssigned', 'auditor', DEMO_PASSWORD, true);
      expect(new URL((await asked).url()).searchParams.get('type')).toBe('FollowUpAssigned');
      const history = page.getByRole('region', { name: '이벤트 이력' });

      // The history holds the restricted task's assignment: refused without a reason, and the
      // page says what to do.
      const form = history.getByRole('region', { name: '열람 사유 입력' });
      await form.waitFor();
      await form.getByText('제한 또는 비공개(대외비)로 분류된 워크숍·과제의 이벤트').waitFor();
      expect(await history.getByRole('link', { name: `follow-up-${restricted}` }).count()).toBe(0);
      // the form's heading has the focus: the keyboard goes on from there
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('audit-reason-heading');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'audit.reason.ko.png'), fullPage: true });

      // Keyboard only: an empty reason is refused on the page, then the reason is given.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('audit-reason');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await form.getByText('열람 사유를 입력하십시오.').waitFor();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.type(REASON);
      const read = page.waitForRequest((r) => r.url().includes('/v1/audit/events?'));
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const header = (await read).headers()['x-audit-reason'];
      expect(decodeURIComponent(header)).toBe(REASON);
      await history.getByRole('status').filter({ hasText: '조건에 맞는 이벤트 2건' }).waitFor();
      expect(await history.getByText('FollowUpAcknowledged').count()).toBe(0);
      await page.getByRole('note', { name: '열람 사유' }).getByText(REASON).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'audit.reason-given.ko.png'), fullPage: true });

      // The history's read names the restricted task in the access log, with the reason.
      const replays = await call<{ entries: { target: string; params: { reason?: string } }[] }>(
        stack.api.url,
        'GET',
        '/v1/audit/access-log?action=replay&limit=5',
        auditor,
      );
      expect(
        replays.body.entries.find((e) => e.target === `follow-up-${restricted}`)?.params,
      ).toMatchObject({ reason: REASON });

      // The restricted task's trail opens with the reason already given.
      await history.getByRole('link', { name: `follow-up-${restricted}` }).click();
      await page.getByRole('heading', { level: 1, name: '제한 과제: 위협 정보 공유' }).waitFor();

      // The access log keeps the reason, decoded, with the read.
      const log = await call<{ entries: { target: string; params: { reason?: string } }[] }>(
        stack.api.url,
        'GET',
        '/v1/audit/access-log?action=read_stream&limit=5',
        auditor,
      );
      expect(
        log.body.entries.find((e) => e.target === `follow-up-${restricted}`)?.params,
      ).toMatchObject({ reason: REASON });

      // A public task needs none; the reason stays for this sign-in's audit pages.
      await page.goto(`${stack.api.url}/audit/follow-ups/${open}`);
      await page.getByRole('heading', { level: 1, name: '공개 과제: 실무 협의' }).waitFor();
      await page.goto(`${stack.api.url}/audit`);
      const note = page.getByRole('note', { name: '열람 사유' });
      await note.getByText(REASON).waitFor();
      await page
        .getByRole('region', { name: '열람 기록' })
        .getByRole('cell', { name: REASON })
        .first()
        .waitFor();
      // forgetting it: the restricted task asks again
      await note.getByRole('button', { name: '사유 지우기' }).click();
      await page.goto(`${stack.api.url}/audit/follow-ups/${restricted}`);
      await page.getByRole('region', { name: '열람 사유 입력' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('asks in English, and the reason goes with the sign-in', async () => {
    const context = await newContext(stack.browser, 'en-US');
    const page = await context.newPage();
    try {
      await signIn(page, `/audit/follow-ups/${restricted}`, 'auditor', DEMO_PASSWORD, false);
      const form = page.getByRole('region', { name: 'Reason for reading' });
      await form.getByText('classified restricted or confidential').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'audit.reason.en.png'), fullPage: true });
      await form.getByLabel('Reason for reading').fill('Annual audit 2026');
      await form.getByRole('button', { name: 'Give reason and read' }).click();
      await page.getByRole('heading', { level: 1, name: '제한 과제: 위협 정보 공유' }).waitFor();

      // Signing out forgets it: the next sign-in is asked again.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, `/audit/follow-ups/${restricted}`, 'auditor', DEMO_PASSWORD, false);
      await page.getByRole('region', { name: 'Reason for reading' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
