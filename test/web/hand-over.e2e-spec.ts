import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DirectoryCommands, systemMeta } from '@liaison/directory';
import { createWorkshop, inDays, msitHead } from '../support/fixtures';
import { call } from '../support/http';
import { newContext, seriousViolations, SHOTS_DIR } from './support/web-browser';
import { DEMO_PASSWORD, startWebStack, WebStack } from './support/web-stack';

/**
 * 인계: the KISA officer hands a task to a colleague picked from the agency's officers
 * (GET /v1/agencies/:code/officers, scoped to the caller's own agency), and the task page
 * names the colleague as its officer.
 */
describe('web: hand-over to a colleague', () => {
  let stack: WebStack;
  let deputy: string;

  beforeAll(async () => {
    stack = await startWebStack('handover');
    mkdirSync(SHOTS_DIR, { recursive: true });
    ({ personId: deputy } = await stack.api.app.get(DirectoryCommands).registerPerson(
      {
        login: 'kisa.deputy',
        displayName: { ko: '이대리', en: 'Lee Deputy' },
        email: 'kisa.deputy@liaison.invalid',
        agency: 'KISA',
        roles: ['agency_officer'],
      },
      systemMeta('spec'),
    ));
    await stack.api.app.get(DirectoryCommands).registerPerson(
      {
        login: 'fsi.other',
        displayName: { ko: '박타기관', en: 'Park Elsewhere' },
        email: 'fsi.other@liaison.invalid',
        agency: 'FSI',
        roles: ['agency_officer'],
      },
      systemMeta('spec'),
    );
  }, 120_000);
  afterAll(() => stack?.close());

  it('the officer picks a colleague of KISA; the task is theirs afterwards', async () => {
    const url = stack.api.url;
    const w = await createWorkshop(url);
    const { body } = await call<{ id: string }>(url, 'POST', '/v1/follow-ups', msitHead, {
      workshopId: w.workshopId,
      sourceId: w.actionId,
      assigneeAgency: 'KISA',
      title: '인계 대상 과제',
      dueAt: inDays(3),
    });

    const context = await newContext(stack.browser, 'ko-KR');
    const page = await context.newPage();
    try {
      await page.goto(`${url}/follow-ups/${body.id}`);
      await page.getByLabel('아이디').fill('kisa.officer');
      await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '로그인' }).click();
      await page.getByRole('heading', { name: '인계 대상 과제', level: 1 }).waitFor();

      // The picker's list: this agency's officers only, never another agency's.
      // Asked from the page (its session cookie), not read off the page's own request: a
      // response body is gone once the page moves on, which made that read flaky.
      const answer = await page.evaluate(async () => {
        const res = await fetch('/v1/agencies/KISA/officers');
        return { status: res.status, body: (await res.json()) as unknown };
      });
      expect(answer.status).toBe(200);
      const names = (answer.body as { items: { displayName: { ko: string } }[] }).items
        .map((p) => p.displayName.ko)
        .sort();
      expect(names).toContain('이대리');
      expect(names).not.toContain('박타기관');
      const other = await page.evaluate(
        async () => (await fetch('/v1/agencies/FSI/officers')).status,
      );
      expect(other).toBe(403);

      await page.getByRole('button', { name: '인계' }).click();
      const picker = page.getByLabel('인계받을 담당자');
      await picker.selectOption({ label: '이대리' });
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('form', { name: '인계' }).getByRole('button', { name: '인계' }).click();
      await page.getByRole('status').filter({ hasText: '인계 처리되었습니다.' }).waitFor();
      const details = page.getByRole('region', { name: '과제 정보' });
      await details.getByText('이대리').waitFor();
      await page.getByRole('region', { name: '처리 이력' }).getByText('담당자 인계').waitFor();
      await page.screenshot({
        path: join(SHOTS_DIR, 'follow-up.hand-over.ko.png'),
        fullPage: true,
      });
      // Handed over: the task is the colleague's; this officer has nothing left to do on it.
      expect(await page.getByRole('button', { name: '착수' }).count()).toBe(0);
    } finally {
      await context.close();
    }
    const task = await call<{ officerId?: string }>(
      url,
      'GET',
      `/v1/follow-ups/${body.id}`,
      msitHead,
    );
    expect(task.body.officerId).toBe(deputy);
  });
});
