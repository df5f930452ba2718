import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { newContext, seriousViolations, SHOTS_DIR } from './support/web-browser';
import { DEMO_PASSWORD, startWebStack, WebStack } from './support/web-stack';

/**
 * The bureau head records the 18 November workshop in the browser, its agreed action and its
 * information request, and assigns follow-ups to KISA and FSI from the action (Korean).
 */
describe('web: recording a workshop', () => {
  let stack: WebStack;

  beforeAll(async () => {
    stack = await startWebStack('workshop');
    mkdirSync(SHOTS_DIR, { recursive: true });
  }, 120_000);
  afterAll(() => stack?.close());

  it('records the workshop, an action and a request, and assigns two follow-ups', async () => {
    const context = await newContext(stack.browser, 'ko-KR');
    const page = await context.newPage();
    try {
      await page.goto(`${stack.api.url}/workshops`);
      await page.getByLabel('아이디').fill('msit.head');
      await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '로그인' }).click();
      await page.getByRole('heading', { name: '워크숍', level: 1 }).waitFor();
      await page.getByText('등록된 워크숍이 없습니다.').waitFor();
      await page.getByRole('link', { name: '워크숍 등록' }).click();

      await page.getByRole('heading', { name: '워크숍 등록', level: 1 }).waitFor();
      await page.getByLabel('워크숍 명칭').fill('AI 보안 워크숍 (OpenAI)');
      await page.getByLabel('개최일').fill('2026-11-18');
      await page.getByRole('checkbox', { name: /^OPENAI/ }).check();
      for (const code of ['KISA', 'FSI', 'NIS']) {
        await page.getByRole('checkbox', { name: new RegExp(`^${code} `) }).check();
      }
      await page
        .getByLabel('주요 의제(한 줄에 하나)')
        .fill('사이버보안 분야 AI 모델\n위협 정보 공유');
      await page.getByLabel('회의 요지').fill('실무 협의를 지속하기로 함');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: '워크숍 등록' }).click();

      await page.getByRole('heading', { name: 'AI 보안 워크숍 (OpenAI)', level: 1 }).waitFor();
      await page.getByText('2026. 11. 18. (수)').waitFor();

      const actions = page.getByRole('region', { name: '합의 사항' });
      await actions.getByRole('button', { name: '합의 사항 추가' }).click();
      await actions.getByLabel('합의 내용').fill('사이버보안 분야 AI 모델 실무 협의 지속');
      await actions.getByRole('form').getByRole('button', { name: '합의 사항 추가' }).click();
      await actions.getByText('사이버보안 분야 AI 모델 실무 협의 지속', { exact: true }).waitFor();

      const requests = page.getByRole('region', { name: '정보 요청' });
      await requests.getByRole('button', { name: '정보 요청 추가' }).click();
      await requests.getByLabel('요청 내용').fill('AI 보안 위협 정보 공유');
      await requests.getByLabel('요청 대상').selectOption('OPENAI');
      await requests.getByRole('form').getByRole('button', { name: '정보 요청 추가' }).click();
      await requests.getByText('AI 보안 위협 정보 공유', { exact: true }).waitFor();

      for (const [agency, title] of [
        ['KISA', 'AI 보안 위협 대응 실무 협의'],
        ['FSI', '금융 분야 AI 보안 위협 검토'],
      ]) {
        await actions.getByRole('button', { name: '후속 조치 배정', expanded: false }).click();
        const form = actions.getByRole('form', { name: '후속 조치 배정' });
        await form.getByLabel('담당 기관').selectOption(agency);
        await form.getByLabel('과제명').fill(title);
        await form.getByLabel('처리 기한').fill('2026-12-04');
        await form.getByLabel('우선순위').selectOption('high');
        await form.getByRole('button', { name: '후속 조치 배정' }).click();
        await actions
          .getByRole('status')
          .filter({ hasText: '후속 조치가 배정되었습니다.' })
          .waitFor();
      }
      await actions.getByText('후속 조치 2건').waitFor();
      await page.getByText('후속 조치 2건 중 0건 완료').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'workshop.ko.png'), fullPage: true });

      // the board shows both, with their agencies
      await page.getByRole('navigation').getByRole('link', { name: '현황판' }).click();
      await page.getByRole('link', { name: 'AI 보안 위협 대응 실무 협의' }).waitFor();
      await page.getByRole('link', { name: '금융 분야 AI 보안 위협 검토' }).waitFor();
      // and the list its progress
      await page.getByRole('navigation').getByRole('link', { name: '워크숍' }).click();
      await page.getByRole('link', { name: 'AI 보안 워크숍 (OpenAI)' }).waitFor();
      await page.getByText('후속 조치 2건 중 0건 완료').waitFor();

      // the dashboard: the workload per agency as a chart and as a table
      await page.getByRole('navigation').getByRole('link', { name: '현황 대시보드' }).click();
      await page.getByRole('heading', { name: '현황 대시보드', level: 1 }).waitFor();
      await page.getByRole('img', { name: /기관별 후속 조치 현황/ }).waitFor();
      for (const agency of ['KISA', 'FSI']) {
        const row = page.getByRole('row', { name: new RegExp(`^${agency} `) });
        expect(await row.getByRole('cell').allTextContents()).toEqual(['0', '1', '0', '1']);
      }
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS_DIR, 'dashboard.ko.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
