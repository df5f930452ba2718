import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { DeadLetters } from '@liaison/routing';
import { newContext, seriousViolations, SHOTS_DIR } from './support/web-browser';
import { DEMO_PASSWORD, startWebStack, WebStack } from './support/web-stack';

/**
 * The admin's pages: an agency and a person registered and a role granted (Korean); an API key
 * created, shown once, used and revoked, keyboard only (English); webhooks and dead letters.
 * axe on every page, screenshots in both languages.
 */
describe('web: the admin’s pages', () => {
  let stack: WebStack;

  beforeAll(async () => {
    stack = await startWebStack('admin_pages');
    mkdirSync(SHOTS_DIR, { recursive: true });
  }, 120_000);
  afterAll(() => stack?.close());

  async function signInAsAdmin(page: Page, ko: boolean) {
    await page.goto(`${stack.api.url}/admin`);
    await page.getByLabel(ko ? '아이디' : 'User name').fill('admin');
    await page.getByLabel(ko ? '비밀번호' : 'Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: ko ? '로그인' : 'Sign in' }).click();
    await page
      .getByRole('heading', { level: 1, name: ko ? '시스템 관리' : 'Administration' })
      .waitFor();
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true });

  it('registers an agency and a person, grants a role, resets the password (Korean)', async () => {
    const context = await newContext(stack.browser, 'ko-KR');
    const page = await context.newPage();
    try {
      await signInAsAdmin(page, true);
      const sections = page.getByRole('navigation', { name: '관리 메뉴' });
      await page.getByRole('row').filter({ hasText: 'kisa.officer' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'admin.people.ko');

      // An agency: refused by the page while the code is malformed, then registered.
      await sections.getByRole('link', { name: '기관' }).click();
      await page.waitForURL(/\/admin\/agencies$/);
      const register = page.getByRole('region', { name: '기관 등록' });
      await register.getByLabel('기관 코드').fill('1kcc');
      await register.getByLabel('기관명').fill('방송통신위원회');
      await register.getByRole('button', { name: '기관 등록' }).click();
      await register.getByText('영문 대문자로 시작하는').nth(1).waitFor();
      await register.getByLabel('기관 코드').fill('KCC');
      await register.getByRole('button', { name: '기관 등록' }).click();
      await register.getByRole('status').filter({ hasText: 'KCC 기관을 등록했습니다.' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: '방송통신위원회' });
      await row.getByRole('cell', { name: '사용', exact: true }).waitFor();
      // the same code again: the API's refusal, said in Korean with what to do
      await register.getByLabel('기관 코드').fill('KCC');
      await register.getByLabel('기관명').fill('중복');
      await register.getByRole('button', { name: '기관 등록' }).click();
      await register.getByRole('alert').filter({ hasText: '이미 있는 항목이거나' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'admin.agencies.ko');

      // A person of the new agency, then a second role.
      await sections.getByRole('link', { name: '사용자' }).click();
      await page.getByRole('link', { name: '사용자 등록' }).click();
      await page.waitForURL(/\/admin\/people\/new$/);
      const form = page.getByRole('region', { name: '사용자 등록' });
      await form.getByRole('button', { name: '사용자 등록' }).click();
      await form.getByText('필수 입력 항목입니다.').first().waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-login');
      await form.getByLabel('아이디').fill('kcc.officer');
      await form.getByLabel('이름(한글)').fill('박서연');
      await form.getByLabel('이름(영문)').fill('Park Seoyeon');
      await form.getByLabel('전자우편').fill('seoyeon@kcc.example');
      await form.getByLabel('기관').selectOption('KCC');
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'admin.person-new.ko');
      await form.getByRole('button', { name: '사용자 등록' }).click();
      await page.waitForURL(/\/admin\/people\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: /박서연/ }).waitFor();

      const roles = page.getByRole('region', { name: '역할' });
      await roles.getByLabel('부여할 역할').selectOption({ label: '기록물관리 담당자' });
      await roles.getByRole('button', { name: '역할 부여' }).click();
      await roles
        .getByRole('status')
        .filter({ hasText: '기록물관리 담당자 역할을 부여했습니다.' })
        .waitFor();
      await roles.getByRole('button', { name: '기록물관리 담당자 역할 회수' }).waitFor();
      await page.getByText('담당자, 기록물관리 담당자').waitFor();

      // A password, then the person signs in with it.
      const password = page.getByRole('region', { name: '비밀번호 재설정' });
      await password.getByLabel('새 비밀번호').fill('kcc-officer-2026!');
      await password.getByRole('button', { name: '비밀번호 재설정' }).click();
      await password
        .getByRole('status')
        .filter({ hasText: '비밀번호를 재설정했습니다.' })
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'admin.person.ko');
      const signIn = await fetch(`${stack.api.url}/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'kcc.officer', password: 'kcc-officer-2026!' }),
      });
      expect(signIn.status).toBe(200);
      const me = (await signIn.json()) as { person: { agency: string; roles: string[] } };
      expect(me.person).toMatchObject({ agency: 'KCC' });
      expect(me.person.roles.sort()).toEqual(['agency_officer', 'records_officer']);
    } finally {
      await context.close();
    }
  });

  it('creates an API key shown once, and revokes it, keyboard only (English)', async () => {
    const context = await newContext(stack.browser, 'en-US');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: stack.api.url,
    });
    const page = await context.newPage();
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    async function tabTo(id: string) {
      for (let i = 0; i < 30 && (await focused()) !== id; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(id);
    }
    try {
      await signInAsAdmin(page, false);
      await page.goto(`${stack.api.url}/admin/api-keys`);
      await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
      await page.getByRole('heading', { name: 'Create an API key' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'admin.api-keys.en');

      // Keyboard only: name, role (officer, the default), agency, the default expiry, create.
      await tabTo('key-name');
      await page.keyboard.type('KISA ticketing bridge');
      await tabTo('key-agency');
      await page.keyboard.press('Enter'); // the select's list opens
      const options = await page.locator('#key-agency option').allTextContents();
      const kisa = options.findIndex((o) => o.startsWith('KISA'));
      await page.keyboard.press('Escape');
      for (let i = 0; i < kisa; i++) await page.keyboard.press('ArrowDown');
      expect(await page.locator('#key-agency').inputValue()).toBe('KISA');
      await tabTo('key-expires');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');

      const created = page.getByRole('region', { name: 'New API key: KISA ticketing bridge' });
      await created.getByText('shown now and never again').waitFor();
      expect(await focused()).toBe('new-key-heading');
      const key = await created.getByLabel('API key').inputValue();
      expect(key).toMatch(/^lsk_[0-9a-f]{16}_/);
      await tabTo('new-key-value');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // copy
      await created.getByRole('status').filter({ hasText: 'Key copied.' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'admin.api-key-created.en');

      // The key works, as an officer of KISA.
      const inbox = () =>
        fetch(`${stack.api.url}/v1/agencies/KISA/inbox`, {
          headers: { authorization: `Bearer ${key}` },
        });
      expect((await inbox()).status).toBe(200);

      // Stored: the key leaves the page for good; the list shows its use.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await created.waitFor({ state: 'detached' });
      await page.reload();
      const row = page.getByRole('row').filter({ hasText: 'KISA ticketing bridge' });
      await row.getByRole('cell', { name: /Officer · KISA/ }).waitFor();
      expect(await page.content()).not.toContain(key);
      expect(await row.getByText('Never used').count()).toBe(0);

      // Revoke, with a confirmation step, by keyboard.
      await row.getByRole('button', { name: 'Revoke key KISA ticketing bridge' }).focus();
      await page.keyboard.press('Enter');
      await row.getByRole('button', { name: 'Confirm: revoke KISA ticketing bridge' }).focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: 'refused from the next request on' })
        .waitFor();
      await row.getByRole('cell', { name: /Revoked/ }).waitFor();
      expect((await inbox()).status).toBe(401);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'admin.api-key-revoked.en');
    } finally {
      await context.close();
    }
  });

  it('sets a webhook and sends a dead letter again, in both languages', async () => {
    await stack.api.app.get(DeadLetters).record({
      queue: 'timers',
      jobId: `schedule-${randomUUID()}`,
      jobName: 'schedule-deadlines',
      payload: { eventId: randomUUID(), followUpId: randomUUID(), correlationId: 'admin-spec' },
      reason: 'connect ECONNREFUSED 127.0.0.1:9',
      attempts: 8,
    });
    for (const ko of [true, false]) {
      const context = await newContext(stack.browser, ko ? 'ko-KR' : 'en-US');
      const page = await context.newPage();
      const lang = ko ? 'ko' : 'en';
      try {
        await signInAsAdmin(page, ko);
        const sections = page.getByRole('navigation', {
          name: ko ? '관리 메뉴' : 'Administration sections',
        });
        await sections.getByRole('link', { name: ko ? '웹훅(연계 주소)' : 'Webhooks' }).click();
        const kisa = page.getByRole('row').filter({ hasText: 'KISA' });
        const label = ko ? 'KISA 웹훅 설정' : 'Edit the webhook of KISA';
        await kisa.getByRole('button', { name: label }).click();
        const form = page.getByRole('region', { name: label });
        if (ko) {
          await form.getByLabel('전달 주소(URL)').fill('https://tasks.kisa.example/liaison');
          await form.getByLabel('서명 비밀 키').fill('short');
          await form.getByRole('button', { name: '저장' }).click();
          await form.getByText('16자 이상. 저장한 뒤에는').nth(1).waitFor();
          await form.getByLabel('서명 비밀 키').fill('kisa-signing-secret-2026');
          await form.getByRole('button', { name: '저장' }).click();
          await page.getByRole('status').filter({ hasText: 'KISA 웹훅을 저장했습니다.' }).waitFor();
          await kisa.getByText('https://tasks.kisa.example/liaison').waitFor();
        } else {
          await form.getByText('the saved one is never shown').waitFor();
          expect(await form.getByLabel('Signing secret').inputValue()).toBe('');
          await form.getByRole('button', { name: 'Cancel' }).click();
          await kisa.getByRole('cell', { name: 'Delivering' }).waitFor();
        }
        expect(await seriousViolations(page)).toEqual([]);
        await shot(page, `admin.webhooks.${lang}`);

        await sections.getByRole('link', { name: ko ? '전달 실패 작업' : 'Dead letters' }).click();
        const letter = page.getByRole('row').filter({ hasText: 'schedule-deadlines' });
        // sent again in the Korean run: only the full list has it by then
        if (!ko) await page.getByLabel('Only those not sent again yet').uncheck();
        await letter.getByText('ECONNREFUSED').waitFor();
        await letter.getByText(ko ? '작업 내용 보기' : 'Show the job').click();
        await letter.getByText('admin-spec').waitFor();
        if (ko) {
          await letter.getByRole('button', { name: /작업 다시 보내기/ }).click();
          await page.getByRole('status').filter({ hasText: '다시 큐에 넣었습니다' }).waitFor();
          // sent again: no longer among those waiting; all of them show it with its retry
          await page.getByText('전달 실패 작업이 없습니다.').waitFor();
          await page.getByLabel('재전송하지 않은 작업만 보기').uncheck();
          await letter.getByText(/재전송\(1회\)/).waitFor();
        } else {
          await letter.getByText(/sent again 1×/).waitFor();
        }
        expect(await seriousViolations(page)).toEqual([]);
        await shot(page, `admin.dead-letters.${lang}`);
        if (!ko) {
          await sections.getByRole('link', { name: 'Agencies' }).click();
          await page.getByRole('row').filter({ hasText: 'KCC' }).waitFor();
          await shot(page, 'admin.agencies.en');
          await sections.getByRole('link', { name: 'People' }).click();
          await page.getByRole('link', { name: 'kcc.officer' }).click();
          await page.getByRole('region', { name: 'Roles' }).waitFor();
          expect(await seriousViolations(page)).toEqual([]);
          await shot(page, 'admin.person.en');
          // at phone width no section runs off the side (tables scroll inside their own box)
          await page.setViewportSize({ width: 390, height: 844 });
          for (const name of ['People', 'Agencies', 'API keys', 'Webhooks', 'Dead letters']) {
            await sections.getByRole('link', { name, exact: true }).click();
            await page.getByRole('heading', { level: 2, name }).first().waitFor();
            const fits = await page.evaluate(
              () => document.documentElement.scrollWidth <= window.innerWidth,
            );
            expect({ name, fits }).toEqual({ name, fits: true });
          }
          await shot(page, 'admin.dead-letters.phone.en');
        }
      } finally {
        await context.close();
      }
    }
  });
});
