import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkshop, inDays, msitHead } from '../support/fixtures';
import { call } from '../support/http';
import { newContext, seriousViolations, SHOTS_DIR } from './support/web-browser';
import { DEMO_PASSWORD, startWebStack, WebStack } from './support/web-stack';

/** The bureau head's board in a real browser: filters, sort and paging over the real views. */
describe('web: the bureau head’s board', () => {
  let stack: WebStack;

  beforeAll(async () => {
    stack = await startWebStack('board');
    mkdirSync(SHOTS_DIR, { recursive: true });
    const w = await createWorkshop(stack.api.url);
    // 22 KISA tasks (more than a page of 20) and 3 FSI tasks, one of them urgent
    const tasks = [
      ...Array.from({ length: 22 }, (_, i) => ({ agency: 'KISA', title: `KISA task ${i + 1}` })),
      ...Array.from({ length: 3 }, (_, i) => ({ agency: 'FSI', title: `FSI task ${i + 1}` })),
    ];
    let last = 0;
    for (const [i, task] of tasks.entries()) {
      const res = await call<{ position: number }>(
        stack.api.url,
        'POST',
        '/v1/follow-ups',
        msitHead,
        {
          workshopId: w.workshopId,
          sourceId: w.actionId,
          assigneeAgency: task.agency,
          title: task.title,
          dueAt: inDays(2 + i / 10),
          priority: task.title === 'FSI task 3' ? 'urgent' : 'normal',
        },
      );
      expect(res.status).toBe(201);
      last = res.body.position;
    }
    // the views have every task before the browser looks
    const seen = await call(stack.api.url, 'GET', `/v1/follow-ups?minPosition=${last}`, msitHead);
    expect(seen.status).toBe(200);
  }, 120_000);
  afterAll(() => stack?.close());

  it('signs the bureau head in to the board, filters, sorts and pages (Korean)', async () => {
    const context = await newContext(stack.browser, 'ko-KR');
    const page = await context.newPage();
    try {
      await page.goto(`${stack.api.url}/`);
      await page.waitForURL(/\/sign-in/);
      await page.getByLabel('아이디').fill('msit.head');
      await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '로그인' }).click();

      await page.getByRole('heading', { name: '현황판', level: 1 }).waitFor();
      const rows = page.getByRole('row');
      await rows.filter({ hasText: 'KISA task 1' }).first().waitFor();
      expect(await rows.count()).toBe(21); // the header and a page of 20, due soonest first
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'board.ko.png'), fullPage: true });

      await page.getByRole('button', { name: '다음 쪽' }).click();
      await page.waitForURL(/cursor=/);
      await rows.filter({ hasText: 'FSI task 3' }).waitFor();
      expect(await rows.count()).toBe(6); // the other 5
      await page.getByRole('button', { name: '첫 쪽' }).click();
      await rows.filter({ hasText: 'KISA task 1' }).first().waitFor();

      await page.getByLabel('기관').selectOption('FSI');
      await page.getByLabel('정렬 기준').selectOption('priority');
      await page.getByLabel('정렬 순서').selectOption('desc');
      await page.getByRole('button', { name: '조회' }).click();
      await page.waitForURL(/agency=FSI/);
      // the previous page stays on screen until the new one comes: wait for it to go
      await rows.filter({ hasText: 'KISA task' }).first().waitFor({ state: 'detached' });
      expect(await rows.count()).toBe(4);
      expect(await rows.nth(1).textContent()).toContain('FSI task 3'); // urgent first
      expect(await page.getByRole('button', { name: '다음 쪽' }).count()).toBe(0);

      // the filters live in the address: a reload keeps them
      await page.reload();
      await page.getByRole('heading', { name: '현황판', level: 1 }).waitFor();
      await rows.filter({ hasText: 'FSI task 3' }).waitFor();
      expect(await page.getByLabel('기관').inputValue()).toBe('FSI');
      expect(await rows.count()).toBe(4);
    } finally {
      await context.close();
    }
  });
});
